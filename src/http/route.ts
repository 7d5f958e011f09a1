import type { FastifyReply, FastifyRequest, FastifySchema, HTTPMethods } from 'fastify';
import type { z, ZodType } from 'zod';
import type { Permission } from '../auth/permissions.js';
import type { AccountSnapshot, CredentialInfo, TeamAccess } from '../auth/auth.service.js';

/** `public`: anyone; `account`: any logged-in caller; `team`: a member of the `:teamId` in the path. */
export type AuthMode = 'public' | 'account' | 'team';

export interface Principal {
  account: AccountSnapshot;
  credential: CredentialInfo;
  /** Cookie callers must send a CSRF token on state-changing requests; bearer callers need not. */
  via: 'cookie' | 'bearer';
}

type Infer<T> = T extends ZodType ? z.output<T> : undefined;

export interface HandlerInput<A extends AuthMode, B, Q, P> {
  body: Infer<B>;
  query: Infer<Q>;
  params: Infer<P>;
  req: FastifyRequest;
  reply: FastifyReply;
  principal: A extends 'public' ? Principal | null : Principal;
  team: A extends 'team' ? TeamAccess : null;
}

export interface RouteDef<A extends AuthMode, B, Q, P> {
  method: HTTPMethods;
  url: string;
  summary: string;
  description?: string;
  tags: string[];
  auth: A;
  permission?: Permission;
  /** Cookie callers need a CSRF token for non-GET requests unless this is false (login, register). */
  csrf?: boolean;
  /** A route of Agent Cloud's published API docs (v0.2.1). */
  documented?: boolean;
  body?: B;
  query?: Q;
  params?: P;
  response?: Record<number, ZodType>;
  hide?: boolean;
  /** A page path of the web app: browsers get the app's HTML, API clients this route's JSON. */
  page?: boolean;
  handler(input: HandlerInput<A, B, Q, P>): Promise<unknown> | unknown;
}

/** A declared route with its types erased, ready for registration. */
export interface Route {
  method: HTTPMethods;
  url: string;
  auth: AuthMode;
  permission?: Permission;
  csrf: boolean;
  page: boolean;
  schema: FastifySchema;
  run(req: FastifyRequest, reply: FastifyReply): Promise<unknown>;
}

export interface RequestAuth {
  principal: Principal | null;
  team: TeamAccess | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    nimbus: RequestAuth;
  }
  interface FastifyContextConfig {
    nimbusRoute?: Route;
  }
}

export function defineRoute<
  A extends AuthMode,
  B extends ZodType | undefined = undefined,
  Q extends ZodType | undefined = undefined,
  P extends ZodType | undefined = undefined,
>(def: RouteDef<A, B, Q, P>): Route {
  const schema: FastifySchema & Record<string, unknown> = {
    summary: def.summary,
    tags: def.tags,
    security: def.auth === 'public' ? [] : [{ bearer: [] }, { cookie: [] }],
  };
  if (def.description) schema.description = def.description;
  if (def.body) schema.body = def.body;
  if (def.query) schema.querystring = def.query;
  if (def.params) schema.params = def.params;
  if (def.response) schema.response = def.response;
  if (def.hide) schema.hide = true;
  if (def.documented) schema['x-agentcloud-documented'] = true;
  return {
    method: def.method,
    url: def.url,
    auth: def.auth,
    permission: def.permission,
    csrf: def.csrf ?? true,
    page: def.page ?? false,
    schema,
    run: async (req, reply) =>
      def.handler({
        body: req.body as Infer<B>,
        query: req.query as Infer<Q>,
        params: req.params as Infer<P>,
        req,
        reply,
        principal: req.nimbus.principal as HandlerInput<A, B, Q, P>['principal'],
        team: req.nimbus.team as HandlerInput<A, B, Q, P>['team'],
      }),
  };
}

/**
 * The same route at a page path (`/{teamId}/agents` for `/{teamId}/agents.json`): where a create
 * redirects, a client that follows lands on data, and a browser on the web app.
 */
export function pageAlias(route: Route, url: string): Route {
  return { ...route, url, page: true, schema: { ...route.schema, hide: true } as FastifySchema };
}
