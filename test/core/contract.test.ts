import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http } from '../support/http.js';
import { createAccount } from '../support/factories.js';

let server: TestServer;
let http: Http;

beforeAll(async () => {
  server = await startTestServer();
  http = new Http(server.url);
});
afterAll(async () => server?.close());

describe('error contract', () => {
  it('answers malformed JSON with 400 at once', async () => {
    const res = await http.request('POST', '/forms/account/login', { raw: '{"email": ' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'Malformed JSON body', message: 'Malformed JSON body', code: 400 });
  });

  it('answers an unknown route with 404 JSON', async () => {
    const res = await http.get('/no/such/route');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: 'Not found', code: 404 });
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('answers an oversized body with 413', async () => {
    const res = await http.request('POST', '/forms/account/login', { raw: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(11 * 1024 * 1024) }) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: 'Request body is too large', code: 413 });
  });

  it('answers headers too large (431) and a malformed request (400) with the error contract too', async () => {
    const raw = async (request: string) => {
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
      socket.end(request);
      let text = '';
      for await (const chunk of socket) text += String(chunk);
      const [head, body] = text.split('\r\n\r\n');
      return { status: Number(head!.split(' ')[1]), body: JSON.parse(body!) as Record<string, unknown> };
    };
    const big = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(big).toEqual({ status: 431, body: { error: 'Request headers are too large', message: 'Request headers are too large', code: 431 } });
    const bad = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(bad).toEqual({ status: 400, body: { error: 'Malformed HTTP request', message: 'Malformed HTTP request', code: 400 } });
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await http.request('POST', '/forms/account/login', { raw: 'x', contentType: 'application/xml' });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe(415);
  });

  it('answers an internal failure with 500 carrying the request id, never a stack', async () => {
    const a = await createAccount(http);
    // Break the database under the running server: the next query fails.
    await server.ctx.db.execute('alter table credentials rename to credentials_gone');
    try {
      const res = await http.post('/forms/account/apikey/add', { name: 'k', expirationDays: 'never' }, { token: a.token });
      expect(res.status).toBe(500);
      const reqId = res.headers.get('x-request-id');
      expect(reqId).toBeTruthy();
      expect(res.body).toEqual({
        error: `An internal error occurred. Please contact support with code: ${reqId}`,
        message: `An internal error occurred. Please contact support with code: ${reqId}`,
        code: 500,
      });
      expect(res.text).not.toMatch(/at .*\.ts:\d+|credentials_gone|relation/);
    } finally {
      await server.ctx.db.execute('alter table credentials_gone rename to credentials');
    }
  });

  it('gives every response a request id', async () => {
    const res = await http.get('/healthz');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('health', () => {
  it('GET /healthz answers without I/O', async () => {
    const res = await http.get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 when the database is migrated and reachable', async () => {
    const res = await http.get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready' });
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document with every route of the API and its schemas', async () => {
    const res = await http.get<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown; responses?: Record<string, unknown> }>> }>('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const paths = res.body.paths;
    for (const [path, method] of [
      ['/forms/account/register', 'post'],
      ['/forms/account/login', 'post'],
      ['/forms/account/logout', 'post'],
      ['/account.json', 'get'],
      ['/forms/account/apikey/add', 'post'],
      ['/apikeys.json', 'get'],
      ['/forms/account/apikey/{keyId}', 'delete'],
    ] as const) {
      expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();
      expect(paths[path]![method]!.responses?.['200'], `${method} ${path} response`).toBeDefined();
    }
    expect(paths['/forms/account/register']!.post!.requestBody).toBeDefined();
  });

  it('serves a docs page whose assets come from the package', async () => {
    const page = await http.get('/docs/');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/swagger/i);
    expect(page.text).not.toMatch(/https?:\/\/(cdn|unpkg|jsdelivr)/);
    const asset = await http.get('/docs/static/swagger-ui-bundle.js');
    expect(asset.status).toBe(200);
  });
});

describe('text the database cannot store', () => {
  it('refuses NUL characters in bodies, queries and keys with 400, never a 500', async () => {
    const a = await createAccount(http);
    const message = 'Text must not contain NUL characters (\\u0000)';
    const reg = await http.post('/forms/account/register', { name: 'n\u0000', email: 'nul@example.com', password: 'long enough pw' });
    expect(reg.status).toBe(400);
    expect(reg.body.error).toBe(message);
    expect((await http.post(`/${a.teamId}/forms/variable/add`, { name: 'a\u0000b', defaultValue: 'x' }, { token: a.token })).status).toBe(400);
    expect((await http.post(`/${a.teamId}/forms/variable/add`, { name: 'ok', defaultValue: 'x', ['k\u0000']: 1 }, { token: a.token })).status).toBe(400);
    expect((await http.get(`/${a.teamId}/task?name=a%00b`, { token: a.token })).status).toBe(400);
  });
});
