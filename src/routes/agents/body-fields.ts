import { z } from 'zod';
import { idArray } from '../../http/fields.js';
import { ID_PATTERN } from '../../shared/ids.js';

/**
 * Body fields agents, tasks and apps share. Lists default to [] when omitted (the reference
 * hangs on a missing array); optional ids and numbers treat '' like null, as form posts send them.
 */

export function idList(message: string) {
  return idArray(message)
    .nullish()
    .transform((v) => v ?? []);
}

export function optionalId(message: string) {
  return z
    .union([z.string(), z.null()], { error: message })
    .optional()
    .transform((v, c) => {
      if (v === undefined || v === null || v.trim() === '') return null;
      if (!ID_PATTERN.test(v)) {
        c.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return v;
    });
}

/** A positive whole number or nothing (maxIter, maxRPM, maxMessages). */
export function optionalCount(label: string, max = 1_000_000) {
  const message = `${label} is not a valid whole number`;
  return z
    .union([z.number(), z.string(), z.null()], { error: message })
    .optional()
    .transform((v, c) => {
      if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
      const n = typeof v === 'number' ? v : Number(v.trim());
      if (!Number.isInteger(n) || n < 1 || n > max) {
        c.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    });
}

/** The reference stores `value === true`; form posts' 'true'/'on' count too, anything else is false. */
export function flag() {
  return z
    .union([z.boolean(), z.string(), z.null()])
    .optional()
    .transform((v) => v === true || v === 'true' || v === 'on');
}
