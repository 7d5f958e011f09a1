import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http } from '../support/http.js';
import { createAccount, type TestAccount } from '../support/factories.js';

/**
 * Every route of the OpenAPI document, fed bodies and ids of the wrong kind: the answer is always a
 * clear 4xx `{error, message, code}` (or a success), never a 500 and never a hang.
 */
let server: TestServer;
let http: Http;
let a: TestAccount;

beforeAll(async () => {
  server = await startTestServer();
  http = new Http(server.url);
  a = await createAccount(http);
});
afterAll(async () => server?.close());

const BODIES: unknown[] = [
  {},
  [],
  'a string',
  12345,
  null,
  true,
  { id: 5, name: [], email: {}, password: 7, modelId: 'zz', toolIds: 'x', variables: [1], config: 'x', data: 3, type: 99 },
  { name: 'x'.repeat(20_000), description: { a: { b: { c: [] } } }, tags: [null, 1, {}], agentId: [], tasks: [[]] },
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}'),
];

function fill(path: string): string {
  return path.replace('{teamId}', a.teamId).replace(/\{[^}]+\}/g, (_, i) => (i % 2 ? 'not-an-id' : 'aaaaaaaaaaaaaaaaaaaaaaaa'));
}

describe('garbage input', () => {
  it('never gets a 500 (or a hang) from any route', async () => {
    const doc = await http.get<{ paths: Record<string, Record<string, unknown>> }>('/openapi.json');
    const calls: [string, string][] = [];
    for (const [path, ops] of Object.entries(doc.body.paths)) {
      for (const method of Object.keys(ops)) {
        // Skip what would end this test's own login, and streams that stay open by design.
        if (path === '/forms/account/logout' || path.endsWith('/stream') && method === 'get') continue;
        calls.push([method.toUpperCase(), path]);
      }
    }
    expect(calls.length).toBeGreaterThan(60);
    const failures: string[] = [];
    for (const [method, path] of calls) {
      for (const body of method === 'GET' ? [undefined] : BODIES) {
        for (const url of [fill(path), path.replace('{teamId}', a.teamId).replace(/\{[^}]+\}/g, '%00')]) {
          const res = await http.request(method, url, { token: a.token, raw: body === undefined ? undefined : JSON.stringify(body) });
          if (res.status >= 500) failures.push(`${method} ${url} ${JSON.stringify(body)?.slice(0, 60)} → ${res.status} ${res.text.slice(0, 100)}`);
          else if (res.status >= 400 && (typeof res.body !== 'object' || !('error' in res.body))) failures.push(`${method} ${url} → ${res.status} without {error}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
