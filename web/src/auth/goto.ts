/** Where to go after logging in: only a path on this site, never another origin. */
export function safeGoto(goto: string | null | undefined): string | null {
  if (!goto) return null;
  if (!goto.startsWith('/') || goto.startsWith('//') || goto.startsWith('/\\')) return null;
  if (/^\/(login|register|logout)(\/|\?|$)/.test(goto)) return null;
  return goto;
}

export function loginPath(current: string): string {
  const goto = safeGoto(current);
  return goto && goto !== '/' ? `/login?goto=${encodeURIComponent(goto)}` : '/login';
}
