import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { Forbidden, Unauthorized } from '../shared/errors.js';
import { permissionTitle } from '../auth/permissions.js';
import type { Principal, Route } from './route.js';
import { sendWebApp, wantsHtml } from './web-static.js';

export const SESSION_COOKIE = 'nimbus_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CSRF_HEADERS = ['x-csrf-token', 'csrf-token', 'xsrf-token', 'x-xsrf-token'] as const;

/** Who is calling: a bearer token (login token or API key) or the session cookie. */
export async function resolvePrincipal(ctx: AppContext, req: FastifyRequest): Promise<Principal | null> {
  const header = req.headers.authorization;
  let token: string | undefined;
  let via: Principal['via'] = 'bearer';
  if (header !== undefined) {
    if (!header.startsWith('Bearer ')) throw new Unauthorized('Invalid Authorization header: use "Bearer <token>"');
    token = header.slice(7).trim();
  } else {
    token = req.cookies[SESSION_COOKIE];
    via = 'cookie';
  }
  if (!token) return null;
  const credential = await ctx.auth.verify(token);
  if (!credential) {
    if (via === 'bearer') throw new Unauthorized('Invalid, expired or revoked token');
    return null;
  }
  const account = await ctx.auth.account(credential.accountId);
  if (!account) return null;
  return { account, credential, via };
}

/** onRequest: 401 before anything is parsed, then team membership and permission (403). */
export function authenticate(ctx: AppContext) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> => {
    const route = req.routeOptions.config.nimbusRoute;
    if (!route) return;
    // A browser on a page path gets the web app, which logs in and loads the data itself.
    if (route.page && wantsHtml(req)) return sendWebApp(reply);
    const principal = await resolvePrincipal(ctx, req).catch((err: unknown) => {
      if (route.auth === 'public' && err instanceof Unauthorized) return null;
      throw err;
    });
    req.nimbus = { principal, team: null };
    if (route.auth === 'public') return;
    if (!principal) throw new Unauthorized('Unauthorized: log in or send "Authorization: Bearer <token>"');
    if (route.auth === 'team') {
      const teamId = (req.params as { teamId?: string }).teamId ?? '';
      const team = ctx.auth.teamAccess(principal.account, teamId);
      if (!team) throw new Forbidden('No permission', 'You are not a member of this team');
      req.nimbus.team = team;
      checkPermission(route, team.permissions);
    }
  };
}

function checkPermission(route: Route, granted: ReadonlySet<string>): void {
  if (route.permission && !granted.has(route.permission)) {
    throw new Forbidden('No permission', `Missing permission "${permissionTitle(route.permission)}"`);
  }
}

/** preValidation: cookie callers prove a state-changing request came from our pages. */
export function checkCsrf(ctx: AppContext) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const route = req.routeOptions.config.nimbusRoute;
    const principal = req.nimbus?.principal;
    if (!route || !route.csrf || !principal || principal.via !== 'cookie' || SAFE_METHODS.has(req.method)) return;
    const token = csrfFrom(req);
    if (!token || !ctx.keyring.checkCsrf(principal.credential.id, token)) {
      throw new Forbidden('Invalid CSRF token', 'Invalid or missing CSRF token: send the csrf value of a .json envelope as _csrf or x-csrf-token');
    }
  };
}

function csrfFrom(req: FastifyRequest): string | undefined {
  for (const h of CSRF_HEADERS) {
    const v = req.headers[h];
    if (typeof v === 'string' && v) return v;
  }
  const body = req.body;
  if (body && typeof body === 'object' && '_csrf' in body && typeof body._csrf === 'string') return body._csrf;
  const query = req.query as Record<string, unknown> | undefined;
  return typeof query?._csrf === 'string' ? query._csrf : undefined;
}

/** The csrf field of every envelope: bound to the caller's credential. */
export function csrfFor(ctx: AppContext, principal: Principal | null): string {
  return principal ? ctx.keyring.csrfToken(principal.credential.id) : '';
}
