/**
 * Secrets inside user configuration (provider keys, service accounts, tool environment variables):
 * which keys count as secret, how they are shown, and how an edit that echoes a masked value back
 * keeps what is stored. Encryption itself is the keyring's job.
 */

import { isDeepStrictEqual } from 'node:util';

const MASK = '••••';
/** Below this, showing 7 characters would reveal too much of the value. */
const MIN_PARTIAL_MASK = 16;

/** Words that name a secret carried in HTTP, when they end the key (`x_auth`, not `auth_type`). */
const SECRET_LAST_WORDS = new Set(['auth', 'authorization', 'bearer', 'cookie', 'cookies', 'passphrase']);
/** One-word spellings of "… key" (`apikey`); `key` as a word of its own counts too. */
const KEY_WORD = /^(|api|access|secret|private|client|signing|encryption|master|license|subscription)key$/;

/**
 * A key is secret when one of its words (split on `_`, `-`, `.` and camelCase) is a key
 * (`apiKey`, `private_key`), names a secret, password or credential, or when its last word is a
 * token or one of SECRET_LAST_WORDS. Words, not substrings, so `max_tokens`, `keywords`,
 * `token_limit`, `auth_type` and `author` stay readable.
 */
export function isSecretKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const last = words.at(-1) ?? '';
  return (
    words.some((w) => KEY_WORD.test(w) || w.includes('secret') || w.includes('password') || w.includes('passwd') || w.includes('credential')) ||
    last.endsWith('token') ||
    SECRET_LAST_WORDS.has(last)
  );
}

/** `sk-…1234` for long strings; anything shorter or not a string shows nothing of itself. */
export function maskSecret(value: unknown): string {
  if (typeof value === 'string' && value.length >= MIN_PARTIAL_MASK) return `${value.slice(0, 3)}…${value.slice(-4)}`;
  return MASK;
}

/** Whether a value has the form of a mask `maskSecret` makes. */
function isMask(value: string): boolean {
  return value === MASK || /^[\s\S]{3}…[\s\S]{4}$/.test(value);
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

/** Where a nested secret sits: object keys and array indices from the root, ending on the secret's key. */
export type SecretPath = (string | number)[];

/** A secret found at some depth of a free-form object (a tool's `data`), with its clear value. */
export interface NestedSecret {
  path: SecretPath;
  value: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Takes out every non-empty string under a secret key, at any depth (through objects and arrays),
 * and leaves its mask in its place: the copy keeps its shape and key order and shows only masks.
 */
export function extractSecrets(value: Record<string, unknown>): { masked: Record<string, unknown>; secrets: NestedSecret[] } {
  const secrets: NestedSecret[] = [];
  const walk = (node: unknown, path: SecretPath): unknown => {
    if (Array.isArray(node)) return node.map((v, i) => walk(v, [...path, i]));
    if (!isRecord(node)) return node;
    // fromEntries defines own properties, so a `__proto__` key stays a plain key.
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => {
        if (typeof v === 'string' && v !== '' && isSecretKey(k)) {
          secrets.push({ path: [...path, k], value: v });
          return [k, maskSecret(v)];
        }
        return [k, walk(v, [...path, k])];
      }),
    );
  };
  return { masked: walk(value, []) as Record<string, unknown>, secrets };
}

/** A copy of `value` with each secret's value put at its path; a path the object no longer has is skipped. */
export function placeSecrets(value: Record<string, unknown>, secrets: readonly NestedSecret[]): Record<string, unknown> {
  const put = (node: unknown, path: SecretPath, v: string): unknown => {
    const [head, ...rest] = path;
    if (head === undefined) return v;
    if (Array.isArray(node) && typeof head === 'number' && head < node.length) return node.map((x, i) => (i === head ? put(x, rest, v) : x));
    // Only the last step may create its key: the objects leading to it must still be there.
    if (isRecord(node) && typeof head === 'string' && (rest.length === 0 || Object.hasOwn(node, head))) {
      return { ...node, [head]: put(Object.hasOwn(node, head) ? node[head] : undefined, rest, v) };
    }
    return node;
  };
  return secrets.reduce<Record<string, unknown>>((acc, s) => put(acc, s.path, s.value) as Record<string, unknown>, value);
}

/**
 * The stored secrets an edit keeps: one whose key is omitted (its object still sent) or sent back
 * as its mask. Any other value, including '' or null, replaces it. Inside an array a secret is kept
 * only if its element is still the same apart from secrets: indices move when items are removed
 * or reordered, and a key must never be handed to another item.
 */
export function keptSecrets(submitted: Record<string, unknown>, stored: readonly NestedSecret[], storedData: Record<string, unknown>): NestedSecret[] {
  return stored.filter((s) => {
    let node: unknown = submitted;
    let was: unknown = storedData;
    for (const step of s.path.slice(0, -1)) {
      if (Array.isArray(node) && typeof step === 'number') {
        node = node[step];
        was = Array.isArray(was) ? was[step] : undefined;
        if (!isDeepStrictEqual(withoutSecrets(node), withoutSecrets(was))) return false;
      } else if (isRecord(node) && typeof step === 'string' && Object.hasOwn(node, step)) {
        node = node[step];
        was = isRecord(was) ? was[step] : undefined;
      } else return false;
    }
    const key = s.path.at(-1);
    if (!isRecord(node) || typeof key !== 'string') return false;
    return !Object.hasOwn(node, key) || isEchoedMask(node[key], s.value);
  });
}

/** The path of a secret field still holding a mask we showed (copied from another tool, or moved), if any. */
export function maskedLeftover(value: Record<string, unknown>): string | null {
  const { secrets } = extractSecrets(value);
  const hit = secrets.find((s) => isMask(s.value));
  return hit ? hit.path.join('.') : null;
}

function withoutSecrets(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutSecrets);
  if (!isRecord(node)) return node;
  return Object.fromEntries(Object.entries(node).filter(([k, v]) => !(typeof v === 'string' && isSecretKey(k))).map(([k, v]) => [k, withoutSecrets(v)]));
}

