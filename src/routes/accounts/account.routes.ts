import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineRoute, type Route } from '../../http/route.js';
import { dynamic } from '../../http/respond.js';
import { email, id, optionalString, requiredString } from '../../http/fields.js';
import { csrfFor, SESSION_COOKIE } from '../../http/auth-hooks.js';
import { Forbidden } from '../../shared/errors.js';
import { PASSWORD_MAX } from '../../auth/passwords.js';
import { AccountService, LOGIN_TTL_MS } from './account.service.js';
import { presentAccount } from './account.presenter.js';

const tags = ['accounts'];
const redirectBody = z.looseObject({ redirect: z.string().optional() });
const accountJson = z.looseObject({
  _id: z.string(),
  name: z.string(),
  email: z.string(),
  currentOrg: z.string().nullable(),
  currentTeam: z.string().nullable(),
  orgs: z.array(z.looseObject({ id: z.string(), name: z.string(), teams: z.array(z.looseObject({ id: z.string() })) })),
  permissions: z.string(),
});

export function accountRoutes(ctx: AppContext): Route[] {
  const accounts = new AccountService(ctx);
  return [
    defineRoute({
      method: 'POST',
      url: '/forms/account/register',
      summary: 'Create an account with its own org and team',
      description: 'The new account owns and administers its team and is usable at once (no verification or onboarding gate).',
      tags,
      auth: 'public',
      csrf: false,
      body: z.object({
        name: requiredString('Name', 200),
        email: email(),
        password: z.string({ error: 'Password is empty' }).min(1, 'Password is empty').max(PASSWORD_MAX, 'Password is too long'),
      }),
      response: { 200: redirectBody, 302: redirectBody },
      async handler({ body, req }) {
        await accounts.register(body, req.ip);
        return dynamic({ redirect: '/login?verifysuccess=true&noverify=1' });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/forms/account/login',
      summary: 'Log in: returns a bearer token and sets the session cookie',
      tags,
      auth: 'public',
      csrf: false,
      body: z.object({
        email: email(),
        password: z.string({ error: 'Password is empty' }).min(1, 'Password is empty').max(PASSWORD_MAX, 'Password is too long'),
        goto: optionalString('goto', 2000),
      }),
      response: { 200: z.object({ redirect: z.string(), token: z.string() }) },
      async handler({ body, req, reply }) {
        // No CSRF token exists before a login, but another site must not log a visitor's browser
        // into the attacker's account. Browsers say where a request comes from in Sec-Fetch-Site,
        // which survives a proxy that rewrites Host; older ones only send Origin, compared with
        // Host (`req.host` follows X-Forwarded-Host behind a trusted proxy).
        const site = req.headers['sec-fetch-site'];
        const origin = req.headers.origin;
        const foreign = site ? site === 'cross-site' : !!origin && hostOf(origin) !== req.host;
        if (foreign) throw new Forbidden('Forbidden origin', 'Log in from this site');
        const { token, redirect } = await accounts.login(body, req.ip);
        reply.setCookie(SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'lax',
          path: '/',
          secure: req.protocol === 'https',
          maxAge: LOGIN_TTL_MS / 1000,
        });
        return dynamic({ redirect, token });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/forms/account/logout',
      summary: 'Log out: revokes this login token and clears the cookie',
      tags,
      auth: 'account',
      response: { 200: redirectBody },
      async handler({ principal, reply }) {
        await accounts.logout(principal);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return dynamic({ redirect: '/login' });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/account.json',
      summary: 'The caller’s account, orgs and teams',
      tags,
      auth: 'account',
      query: z.object({ resourceSlug: z.string().optional(), memberId: z.string().optional() }),
      response: { 200: z.looseObject({ account: accountJson, csrf: z.string(), team: z.looseObject({}).optional() }) },
      async handler({ principal, query }) {
        let team;
        if (query.resourceSlug) {
          team = ctx.auth.teamAccess(principal.account, query.resourceSlug);
          if (!team) throw new Forbidden('No permission', 'You are not a member of this team');
        }
        const m = team?.membership;
        return {
          account: presentAccount(principal.account, team),
          csrf: csrfFor(ctx, principal),
          team: m ? { id: m.teamId, _id: m.teamId, name: m.teamName, ownerId: m.teamOwnerId, orgId: m.orgId } : undefined,
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/forms/account/switch',
      summary: 'Switch the current org and team',
      tags,
      auth: 'account',
      body: z.object({ orgId: id('Org', 'Invalid inputs'), teamId: id('Team', 'Invalid inputs') }),
      response: { 200: z.object({}) },
      async handler({ principal, body }) {
        await accounts.switchTeam(principal, body.orgId, body.teamId);
        return {};
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/forms/account/role',
      summary: 'Save the onboarding role answer (free text; no effect on permissions)',
      tags,
      auth: 'account',
      body: z.object({ role: requiredString('Role', 200) }),
      response: { 200: redirectBody },
      async handler({ principal, body }) {
        await accounts.setRole(principal, body.role);
        return dynamic({ redirect: principal.account.currentTeamId ? `/${principal.account.currentTeamId}/apps` : '/welcome' });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/forms/account/onboard',
      summary: 'Mark onboarding done (accounts are usable at once; kept for client compatibility)',
      tags,
      auth: 'account',
      response: { 200: z.object({}) },
      async handler() {
        return {};
      },
    }),
  ];
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
