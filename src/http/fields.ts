import { z } from 'zod';
import { ID_PATTERN } from '../shared/ids.js';

/**
 * Validation in Agent Cloud's words. Its messages read `<Label> is empty`, `<Label> is an invalid
 * type, should be "<type>"`, `<Label> is an invalid value`; fields without a label show as
 * `[field]`. The helpers below give the labelled messages; the global error map gives the rest.
 */
z.config({
  customError: (iss) => {
    const label = `[${iss.path?.join('.') || 'body'}]`;
    const input = (iss as { input?: unknown }).input;
    switch (iss.code) {
      case 'invalid_type':
        if (input === undefined || input === null) return `${label} is empty`;
        return `${label} is an invalid type, should be "${iss.expected}"`;
      case 'too_small':
        if (input === '' || (Array.isArray(input) && input.length === 0)) return `${label} is empty`;
        return `${label} is too short`;
      case 'too_big':
        return `${label} is too long`;
      case 'invalid_format':
        return `${label} is not in the right format`;
      case 'unrecognized_keys':
        return `${label} has unknown fields: ${iss.keys.join(', ')}`;
      default:
        return `${label} is an invalid value`;
    }
  },
});

const typeMessage = (label: string, type: string) => (iss: { input?: unknown }) =>
  iss.input === undefined || iss.input === null ? `${label} is empty` : `${label} is an invalid type, should be "${type}"`;

/** A required, non-empty (after trimming) string. */
export function requiredString(label: string, max = 10_000) {
  return z
    .string({ error: typeMessage(label, 'string') })
    .trim()
    .min(1, `${label} is empty`)
    .max(max, `${label} is too long`);
}

export function optionalString(label: string, max = 10_000) {
  return z
    .string({ error: typeMessage(label, 'string') })
    .max(max, `${label} is too long`)
    .nullish();
}

/** A 24-hex id (Agent Cloud's `hasLength: 24` + ObjectId). */
export function id(label: string, message = `${label} is not of the right length`) {
  return z
    .string({ error: typeMessage(label, 'string') })
    .min(1, `${label} is empty`)
    .regex(ID_PATTERN, message);
}

/**
 * Most ids one list takes: far above real use, far below PostgreSQL's 65,535 bind parameters
 * (a longer list used to reach the database and answer 500).
 */
export const MAX_IDS = 1000;

/**
 * A request list with a cap. The cap's message names the field and the limit: `message` (the
 * reference's wording for a bad list) would otherwise be reused for it, and say the wrong thing.
 */
export function list<T extends z.ZodType>(item: T, max: number, message?: string) {
  return z
    .array(item, message === undefined ? undefined : { error: message })
    .max(max, { error: (iss) => `[${iss.path?.join('.') || 'body'}] is too long (at most ${max} items)` });
}

export function idArray(message: string, max = MAX_IDS) {
  return list(z.string({ error: message }).regex(ID_PATTERN, message), max, message);
}

export function bool(label: string) {
  return z.boolean({ error: typeMessage(label, 'boolean') });
}

export const email = (label = 'Email') =>
  z
    .string({ error: typeMessage(label, 'string') })
    .trim()
    .min(1, `${label} is empty`)
    .max(320, `${label} is too long`)
    .regex(/^\S+@\S+\.\S+$/, `${label} does not match regular expression /^\\S+@\\S+\\.\\S+$/`)
    .transform((v) => v.toLowerCase());

/** Path parameters: an id that is not 24-hex answers 404 (it cannot exist), never a hang. */
export const teamParams = z.object({ teamId: z.string() });
export function idParams<K extends string>(key: K) {
  return z.object({ teamId: z.string(), [key]: z.string() } as { teamId: z.ZodString } & { [P in K]: z.ZodString });
}
