import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Principal } from '../../http/route.js';
import type { TeamAccess } from '../../auth/auth.service.js';
import { csrfFor } from '../../http/auth-hooks.js';
import { presentAccount } from '../accounts/account.presenter.js';

/**
 * Agent Cloud's read envelope: the data plus `csrf` (for cookie callers' next write) and the
 * caller's `account`, as every `*.json` route of the reference returns it.
 */
export function envelope<T extends Record<string, unknown>>(
  ctx: AppContext,
  principal: Principal,
  team: TeamAccess | null,
  data: T,
): T & { csrf: string; account: ReturnType<typeof presentAccount> } {
  return { csrf: csrfFor(ctx, principal), ...data, account: presentAccount(principal.account, team) };
}

/** The response schema of an envelope, for the OpenAPI document. */
export function envelopeSchema<S extends z.ZodRawShape>(shape: S) {
  return z.looseObject({ csrf: z.string(), ...shape, account: z.looseObject({ _id: z.string() }) });
}
