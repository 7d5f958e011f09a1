import { randomSecret, safeEqual, sha256 } from './crypto.js';

/**
 * Opaque bearer tokens, `nmb_<24-hex row id><43-character secret>`: the id finds the row by its
 * primary key, and only a SHA-256 of the secret is stored, so revocation is deleting the row.
 * Credentials (logins, API keys, password links) and team invitations share the format.
 */
const TOKEN_PATTERN = /^nmb_([a-f0-9]{24})([A-Za-z0-9_-]{43})$/;

export function tokenFor(id: string, secret: string): string {
  return `nmb_${id}${secret}`;
}

/** A fresh secret and the hash to store for it. */
export function newSecret(): { secret: string; secretHash: string } {
  const secret = randomSecret(32);
  return { secret, secretHash: sha256(secret) };
}

export function parseToken(token: string): { id: string; secret: string } | null {
  const match = TOKEN_PATTERN.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

/** Whether `secret` is the one whose hash was stored, compared in constant time. */
export function secretMatches(secretHash: string, secret: string): boolean {
  return safeEqual(secretHash, sha256(secret));
}
