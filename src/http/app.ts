import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { authenticate, checkCsrf } from './auth-hooks.js';
import { errorBody, installErrorHandling } from './error-handler.js';
import { send } from './respond.js';
import type { RequestAuth, Route } from './route.js';
import { allRoutes } from '../routes/index.js';
import { registerWeb } from './web-static.js';
import { ValidationError } from '../shared/errors.js';

export const BODY_LIMIT = 10 * 1024 * 1024;
/** Nesting of `[` and `{` a JSON body may have: ample for tool parameter schemas. */
export const MAX_JSON_DEPTH = 64;

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    // One line per request is written by our onResponse hook instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Agent Cloud ids and team slugs are case-sensitive; so are our routes.
    routerOptions: { ignoreTrailingSlash: true },
    // A hop count trusts that many proxies in front of us (proxy-addr's rule, as a function).
    trustProxy: typeof ctx.config.trustProxy === 'number' ? hopsTrusted(ctx.config.trustProxy) : ctx.config.trustProxy,
    // Streams (SSE, websockets) must not keep a shutdown waiting.
    forceCloseConnections: true,
    // Requests Node's parser refuses before Fastify sees them (headers too large, garbage) still
    // get the error contract's body, not Fastify's `statusCode` shape.
    clientErrorHandler: (err, socket) => {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
      const [status, text] =
        code === 'HPE_HEADER_OVERFLOW'
          ? [431, 'Request headers are too large']
          : code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? [408, 'The request took too long to arrive']
            : [400, 'Malformed HTTP request'];
      const body = JSON.stringify(errorBody(status, text));
      socket.end(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  // Response schemas document the API; serialisation stays plain JSON (tests check the shapes).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installErrorHandling(app);
  app.decorateRequest('nimbus', null as unknown as RequestAuth);

  // Agent Cloud's web client sends `Content-Type: application/json` on every request, bodiless
  // DELETEs included: an empty JSON body means "no body", not an error.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, undefined);
    // Refused before parsing: deeper values overflow the recursion of JSON.stringify and friends.
    if (tooDeep(text, MAX_JSON_DEPTH)) return done(new ValidationError('Request body is nested too deeply'), undefined);
    return parseJson(req, text, done);
  });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: BODY_LIMIT });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Nimbus API',
        version: '0.1.0',
        description:
          'The Agent Cloud webapp API (docs v0.2.1) as served by Nimbus. Routes marked `x-agentcloud-documented` are those of the published docs.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A login token or an API key' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'nimbus_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true, uiConfig: { deepLinking: true } });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onRequest', authenticate(ctx));
  app.addHook('preValidation', checkCsrf(ctx));
  // PostgreSQL text cannot hold U+0000: refuse it at the door rather than fail in the database.
  app.addHook('preValidation', async (req) => {
    if (hasNul(req.body) || hasNul(req.query) || hasNul(req.params)) {
      throw new ValidationError('Text must not contain NUL characters (\\u0000)');
    }
  });
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      {
        method: req.method,
        route: req.routeOptions.url ?? null,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 100) / 100,
      },
      'request',
    );
  });

  app.get('/healthz', { schema: { summary: 'Process is alive (no I/O)', tags: ['health'] } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { summary: 'Database reachable and migrated', tags: ['health'] } }, async (_req, reply) => {
    const ready = await ctx.database.ready().catch(() => false);
    return ready
      ? { status: 'ready' }
      : reply.code(503).send(errorBody(503, 'Not ready', 'The database is unreachable or not migrated'));
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const route of allRoutes(ctx)) register(app, route);

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(errorBody(404, 'Not found', `Route ${req.method} ${req.url.split('?')[0]} not found`));
  });
  // The web app on the same origin: its assets, and index.html for browser navigations.
  await registerWeb(app);
  return app;
}

/** Whether any string or key holds U+0000. A loop, not recursion: no nesting can overflow it. */
function hasNul(root: unknown): boolean {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return true;
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k.includes('\u0000')) return true;
        pending.push(v);
      }
    }
  }
  return false;
}

/** Whether JSON text nests `[`/`{` deeper than `max`, brackets inside strings aside. One pass, no parse. */
function tooDeep(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash: the next character is escaped (\" does not end the string)
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

function register(app: FastifyInstance, route: Route): void {
  app.route({
    method: route.method,
    url: route.url,
    schema: route.schema,
    config: { nimbusRoute: route },
    handler: async (req, reply) => {
      const result = await route.run(req, reply);
      // A streaming route (SSE) answers on the raw socket itself.
      return reply.sent ? reply : send(req, reply, result);
    },
  });
}

function hopsTrusted(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}
