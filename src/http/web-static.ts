import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

/** web/dist beside src/ (from src/http under tsx, from dist/http when compiled). */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * No inline script or style anywhere in the app (React sets styles through the CSSOM, which CSP
 * allows). ws:/wss: for the realtime socket; data: images for small icons.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const WEB_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

interface WebState {
  indexHtml: string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    nimbusWeb?: WebState;
  }
}

/** A browser navigating to a page (as opposed to fetch() or an API client). */
export function wantsHtml(req: FastifyRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const accept = req.headers.accept;
  return typeof accept === 'string' && accept.includes('text/html');
}

/** Paths that are API or files, never pages: a miss there is a 404, not the app. */
function isApiOrFilePath(path: string): boolean {
  return (
    path.endsWith('.json') ||
    /(^|\/)forms\//.test(path) ||
    /^\/(assets|socket\.io|docs|api|v1)(\/|$)/.test(path) ||
    /\/[^/]+\.[a-z0-9]{1,8}$/i.test(path)
  );
}

const NOT_BUILT_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Nimbus</title></head>
<body><h1>Nimbus is running</h1>
<p>The web app has not been built, so there is no page to show here. Run <code>npm run build</code> (or <code>npm install</code>, which builds it) and restart.</p>
<p>The API is up: see <a href="/docs">/docs</a> and <a href="/openapi.json">/openapi.json</a>.</p></body></html>
`;

function setSecurityHeaders(reply: FastifyReply): FastifyReply {
  return reply.headers(WEB_SECURITY_HEADERS);
}

/** Answer the single-page app (or a short note when it was not built). Page routes call this for browsers. */
export function sendWebApp(reply: FastifyReply, notBuiltStatus = 503): FastifyReply {
  const html = reply.server.nimbusWeb?.indexHtml ?? null;
  setSecurityHeaders(reply).header('cache-control', REVALIDATE).type('text/html; charset=utf-8');
  return html ? reply.code(200).send(html) : reply.code(notBuiltStatus).send(NOT_BUILT_HTML);
}

/**
 * The built web app from the API's origin: hashed assets with a year-long cache, index.html for
 * `/` and for any browser navigation that no API route answers (SPA fallback). Register it after
 * the API routes and the not-found handler; API misses still get the JSON 404.
 */
export async function registerWeb(app: FastifyInstance, opts: { distDir?: string } = {}): Promise<void> {
  const distDir = opts.distDir ?? WEB_DIST_DIR;
  const indexPath = join(distDir, 'index.html');
  const indexHtml = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : null;
  if (!indexHtml) app.log.warn({ distDir }, 'web app not built: run `npm run build`; serving the API only');
  app.decorate('nimbusWeb', { indexHtml });

  if (indexHtml) {
    const assetsDir = `${sep}assets${sep}`;
    await app.register(fastifyStatic, {
      root: distDir,
      prefix: '/',
      // One route per built file, so unknown paths fall through to the fallback below.
      wildcard: false,
      index: false,
      decorateReply: false,
      cacheControl: false,
      serveDotFiles: false,
      globIgnore: ['index.html'],
      setHeaders(res, path) {
        for (const [k, v] of Object.entries(WEB_SECURITY_HEADERS)) res.setHeader(k, v);
        res.setHeader('cache-control', path.includes(assetsDir) ? IMMUTABLE : REVALIDATE);
      },
    });
  }

  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    if (wantsHtml(req)) return sendWebApp(reply, 200);
    return {
      name: 'Nimbus',
      web: indexHtml ? 'Open this address in a browser.' : 'The web app is not built: run `npm run build`.',
      docs: '/docs',
      openapi: '/openapi.json',
    };
  });

  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (wantsHtml(req) && !isApiOrFilePath(path)) return sendWebApp(reply);
    return reply.callNotFound();
  });
}
