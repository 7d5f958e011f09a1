/**
 * Secrets inside user configuration (provider keys, service accounts, tool environment variables):
 * which keys count as secret, how they are shown, and how an edit that echoes a masked value back
 * keeps what is stored. Encryption itself is the keyring's job.
 */

const MASK = '••••';
/** Below this, showing 7 characters would reveal too much of the value. */
const MIN_PARTIAL_MASK = 16;

/**
 * A key is secret when one of its words (split on `_`, `-`, `.` and camelCase) names a key,
 * secret, password, credential or token. Words, not substrings, so `max_tokens` stays readable.
 */
export function isSecretKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.some(
    (w) =>
      w.includes('key') ||
      w.includes('secret') ||
      w.includes('password') ||
      w.includes('passwd') ||
      w.includes('credential') ||
      w.endsWith('token'),
  );
}

/** `sk-…1234` for long strings; anything shorter or not a string shows nothing of itself. */
export function maskSecret(value: unknown): string {
  if (typeof value === 'string' && value.length >= MIN_PARTIAL_MASK) return `${value.slice(0, 3)}…${value.slice(-4)}`;
  return MASK;
}

export function maskAll(secrets: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(secrets)) out[k] = maskSecret(v);
  return out;
}

/** Whether a submitted value is the mask we showed for the stored one (the client sent it back). */
export function isEchoedMask(submitted: unknown, stored: unknown): boolean {
  return typeof submitted === 'string' && stored !== undefined && submitted === maskSecret(stored);
}

export function splitSecrets(config: Record<string, unknown>): { plain: Record<string, unknown>; secrets: Record<string, unknown> } {
  const plain: Record<string, unknown> = {};
  const secrets: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) (isSecretKey(k) ? secrets : plain)[k] = v;
  return { plain, secrets };
}
