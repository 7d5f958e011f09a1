import { randomBytes } from 'node:crypto';

/**
 * 24-hex ids with MongoDB ObjectId semantics (4-byte seconds, 5-byte process random, 3-byte counter),
 * so Agent Cloud clients that parse or sort ids keep working and ids sort by creation time.
 */
const processRandom = randomBytes(5).toString('hex');
let counter = randomBytes(3).readUIntBE(0, 3);

export const ID_PATTERN = /^[a-f0-9]{24}$/;

export function newId(now: number = Date.now()): string {
  counter = (counter + 1) % 0xffffff;
  const seconds = Math.floor(now / 1000);
  return seconds.toString(16).padStart(8, '0') + processRandom + counter.toString(16).padStart(6, '0');
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** The creation time encoded in an id. */
export function idTime(id: string): Date {
  return new Date(parseInt(id.slice(0, 8), 16) * 1000);
}
