import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, registerWeb, sendWebApp, wantsHtml } from '../../src/http/web-static.js';
import { TMP_ROOT } from '../support/paths.js';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';

/** The API's shape in miniature: a JSON route, a page route that negotiates, and the JSON 404. */
async function buildApp(distDir: string): Promise<FastifyInstance> {
  const app = Fastify();
  app.get('/:teamId/variables.json', async () => ({ variables: [] }));
  app.get('/:teamId/agents', async (req, reply) => (wantsHtml(req) ? sendWebApp(reply) : { agents: [] }));
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ error: 'Not found', message: `Route ${req.method} ${req.url} not found`, code: 404 });
  });
  await registerWeb(app, { distDir });
  return app;
}

describe('web app serving', () => {
  let dir: string;
  let app: FastifyInstance;
  let bare: FastifyInstance;

  beforeAll(async () => {
    mkdirSync(TMP_ROOT, { recursive: true });
    dir = mkdtempSync(join(TMP_ROOT, 'web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1);');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    app = await buildApp(dir);
    bare = await buildApp(join(dir, 'missing'));
  });
  afterAll(async () => {
    await app.close();
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / to a browser, with the security headers and no caching', async () => {
    const res = await app.inject({ url: '/', headers: { accept: HTML } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toBe(INDEX);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers / with a JSON note to an API client', async () => {
    const res = await app.inject({ url: '/', headers: { accept: 'application/json' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Nimbus', docs: '/docs', openapi: '/openapi.json' });
  });

  it('serves hashed assets with a year-long immutable cache and the security headers', async () => {
    const res = await app.inject({ url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const icon = await app.inject({ url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('falls back to index.html for browser navigations no route answers (SPA)', async () => {
    for (const url of ['/login', '/login?goto=%2Fx', '/welcome', '/0123456789abcdef01234567/apps', '/0123456789abcdef01234567/session/0123456789abcdef01234568']) {
      const res = await app.inject({ url, headers: { accept: HTML } });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(INDEX);
      expect(res.headers['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
    }
    const head = await app.inject({ method: 'HEAD', url: '/welcome', headers: { accept: HTML } });
    expect(head.statusCode).toBe(200);
  });

  it('keeps the JSON 404 for API clients, API paths, missing files and other methods', async () => {
    const cases: { method?: 'GET' | 'POST'; url: string; accept?: string }[] = [
      { url: '/nope' },
      { url: '/nope', accept: '*/*' },
      { url: '/nope.json', accept: HTML },
      { url: '/assets/missing-123.js', accept: HTML },
      { url: '/robots.txt', accept: HTML },
      { url: '/0123456789abcdef01234567/forms/agent/add', accept: HTML },
      { method: 'POST', url: '/login', accept: HTML },
    ];
    for (const c of cases) {
      const res = await app.inject({ method: c.method ?? 'GET', url: c.url, headers: c.accept ? { accept: c.accept } : {} });
      expect(res.statusCode, c.url).toBe(404);
      expect(res.json(), c.url).toMatchObject({ code: 404 });
    }
  });

  it('leaves API routes alone, and lets a page route negotiate HTML or JSON', async () => {
    const api = await app.inject({ url: '/0123456789abcdef01234567/variables.json', headers: { accept: HTML } });
    expect(api.json()).toEqual({ variables: [] });
    const page = await app.inject({ url: '/0123456789abcdef01234567/agents', headers: { accept: HTML } });
    expect(page.body).toBe(INDEX);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const data = await app.inject({ url: '/0123456789abcdef01234567/agents', headers: { accept: 'application/json' } });
    expect(data.json()).toEqual({ agents: [] });
  });

  it('still runs without a build: / explains, pages say the app is not built, the API is untouched', async () => {
    const root = await bare.inject({ url: '/', headers: { accept: HTML } });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('npm run build');
    expect(root.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const json = await bare.inject({ url: '/' });
    expect(json.json()).toMatchObject({ name: 'Nimbus' });
    const page = await bare.inject({ url: '/welcome', headers: { accept: HTML } });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('npm run build');
    const api = await bare.inject({ url: '/0123456789abcdef01234567/variables.json' });
    expect(api.json()).toEqual({ variables: [] });
  });
});
