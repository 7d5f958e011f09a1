/** Where to go after logging in: only a path on this site, never another origin. */
export function safeGoto(goto: string | null | undefined): string | null {
  if (!goto) return null;
  // Browsers drop tabs and newlines from URLs and read `\` as `/`: `/\t/evil` would be `//evil`.
  if (!goto.startsWith('/') || goto.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(goto)) return null;
  if (/^\/(login|register|logout)(\/|\?|$)/.test(goto)) return null;
  return goto;
}

export function loginPath(current: string): string {
  const goto = safeGoto(current);
  return goto && goto !== '/' ? `/login?goto=${encodeURIComponent(goto)}` : '/login';
}
