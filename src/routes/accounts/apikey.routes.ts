import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineRoute, type Route } from '../../http/route.js';
import { dynamic } from '../../http/respond.js';
import { optionalString, requiredString } from '../../http/fields.js';
import { csrfFor } from '../../http/auth-hooks.js';
import { Forbidden, NotFound, ValidationError } from '../../shared/errors.js';
import { isId } from '../../shared/ids.js';
import type { CredentialRow } from '../../db/repositories/credential.repository.js';
import { presentAccount } from './account.presenter.js';

const tags = ['api keys'];
const DAYS = 'Number of days before expiry';
const MAX_DAYS = 3650;

const apiKeyJson = z.object({
  _id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  expirationDate: z.string().nullable(),
  ownerId: z.string(),
  createdDate: z.string(),
  lastUsedDate: z.string().nullable(),
});

function presentKey(row: CredentialRow): z.infer<typeof apiKeyJson> {
  return {
    _id: row.id,
    name: row.name ?? '',
    description: row.description,
    expirationDate: row.expiresAt?.toISOString() ?? null,
    ownerId: row.accountId,
    createdDate: row.createdAt.toISOString(),
    lastUsedDate: row.lastUsedAt?.toISOString() ?? null,
  };
}

const keyParams = z.object({ keyId: z.string() });

function keyIdFrom(pathId: string, bodyId: string | null | undefined): string {
  if (bodyId && bodyId !== pathId) throw new ValidationError('Key ID in the body does not match the path');
  if (!isId(pathId)) throw new NotFound('API key not found');
  return pathId;
}

export function apiKeyRoutes(ctx: AppContext): Route[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/forms/account/apikey/add',
      summary: 'Create an API key for the caller (the token is shown only in this response)',
      tags,
      auth: 'account',
      body: z.object({
        name: requiredString('Name', 200),
        description: optionalString('Description', 2000),
        expirationDays: z
          .union([z.string(), z.number()], { error: (iss) => (iss.input == null ? `${DAYS} is empty` : `${DAYS} is an invalid type, should be "string"`) })
          .transform((v) => String(v).trim())
          .refine((v) => v.length > 0, `${DAYS} is empty`)
          .refine((v) => v === 'never' || (/^\d+$/.test(v) && +v >= 1 && +v <= MAX_DAYS), `${DAYS} is an invalid value (use "never" or 1–${MAX_DAYS})`),
        ownerId: z.string().optional(),
      }),
      response: { 200: z.object({ keyId: z.string(), ownerId: z.string(), token: z.string(), redirect: z.string() }) },
      async handler({ principal, body }) {
        // A key that could mint keys would let a leaked (or short-lived) key outlive its revocation.
        if (principal.credential.kind === 'api_key') throw new Forbidden('No permission', 'An API key cannot create API keys: log in to create one');
        // The reference trusts ownerId from the body (account takeover); a key is always the caller's.
        if (body.ownerId && body.ownerId !== principal.account.id) throw new Forbidden('No permission', 'An API key can only be created for yourself');
        const expiresAt = body.expirationDays === 'never' ? null : new Date(Date.now() + Number(body.expirationDays) * 86_400_000);
        const { id, token } = await ctx.auth.issue(principal.account.id, 'api_key', {
          name: body.name,
          description: body.description ?? null,
          expiresAt,
        });
        return dynamic({ keyId: id, ownerId: principal.account.id, token, redirect: '/apikeys' });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/apikeys.json',
      summary: 'The caller’s API keys (never their tokens)',
      tags,
      auth: 'account',
      response: { 200: z.looseObject({ keys: z.array(apiKeyJson), csrf: z.string() }) },
      async handler({ principal }) {
        const rows = await ctx.credentials.listApiKeys(principal.account.id);
        return { keys: rows.map(presentKey), csrf: csrfFor(ctx, principal), account: presentAccount(principal.account) };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/forms/account/apikey/:keyId',
      summary: 'Revoke an API key at once',
      tags,
      auth: 'account',
      params: keyParams,
      body: z.object({ keyId: z.string().optional(), ownerId: z.string().optional() }).nullish(),
      response: { 200: z.object({}) },
      async handler({ principal, params, body }) {
        const keyId = keyIdFrom(params.keyId, body?.keyId);
        if (!(await ctx.auth.revoke(principal.account.id, keyId, 'api_key'))) throw new NotFound('API key not found');
        return {};
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/forms/account/apikey/:keyId/increment',
      summary: 'Rotate an API key: a new token, the old one stops working at once',
      tags,
      auth: 'account',
      params: keyParams,
      body: z.object({ keyId: z.string().optional(), ownerId: z.string().optional() }).nullish(),
      response: { 200: z.object({ keyId: z.string(), token: z.string() }) },
      async handler({ principal, params, body }) {
        const keyId = keyIdFrom(params.keyId, body?.keyId);
        // A key may rotate itself; rotating another key would hand out that key's (perhaps longer) life.
        if (principal.credential.kind === 'api_key' && principal.credential.id !== keyId) {
          throw new Forbidden('No permission', 'An API key can rotate only itself: log in to rotate another key');
        }
        const token = await ctx.auth.rotate(principal.account.id, keyId, 'api_key');
        if (!token) throw new NotFound('API key not found');
        return { keyId, token };
      },
    }),
  ];
}
