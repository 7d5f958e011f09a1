import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http } from '../support/http.js';
import { cookieLogin, createAccount } from '../support/factories.js';

let server: TestServer;
let http: Http;

beforeAll(async () => {
  server = await startTestServer();
  http = new Http(server.url);
});
afterAll(async () => server?.close());

interface KeyCreated {
  keyId: string;
  ownerId: string;
  token: string;
  redirect: string;
}

describe('API keys', () => {
  it('creates a key shown once, lists it without its token, authenticates with it, revokes it at once', async () => {
    const a = await createAccount(http);
    const created = await http.post<KeyCreated>('/forms/account/apikey/add', { name: 'ci', description: 'for CI', expirationDays: 'never' }, { token: a.token });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ ownerId: a.accountId, redirect: '/apikeys' });
    expect(created.body.token).toMatch(/^nmb_/);

    const list = await http.get<{ keys: Record<string, unknown>[]; csrf: string }>('/apikeys.json', { token: a.token });
    expect(list.status).toBe(200);
    expect(list.body.keys).toHaveLength(1);
    expect(list.body.keys[0]).toMatchObject({ _id: created.body.keyId, name: 'ci', description: 'for CI', expirationDate: null, ownerId: a.accountId });
    expect(JSON.stringify(list.body)).not.toContain(created.body.token.slice(28));

    // The key acts as its owner.
    const me = await http.get<{ account: { _id: string } }>('/account.json', { token: created.body.token });
    expect(me.status).toBe(200);
    expect(me.body.account._id).toBe(a.accountId);
    const used = await http.get<{ keys: { lastUsedDate: string | null }[] }>('/apikeys.json', { token: a.token });
    expect(used.body.keys[0]!.lastUsedDate).not.toBeNull();

    const del = await http.delete(`/forms/account/apikey/${created.body.keyId}`, undefined, { token: a.token });
    expect(del.status).toBe(200);
    expect((await http.get('/account.json', { token: created.body.token })).status).toBe(401);
    // The owner's other credentials keep working.
    expect((await http.get('/account.json', { token: a.token })).status).toBe(200);
    expect((await http.get<{ keys: unknown[] }>('/apikeys.json', { token: a.token })).body.keys).toHaveLength(0);
  });

  it('sets an expiry from expirationDays and refuses an expired key', async () => {
    const a = await createAccount(http);
    const created = await http.post<KeyCreated>('/forms/account/apikey/add', { name: 'short', expirationDays: '7' }, { token: a.token });
    const list = await http.get<{ keys: { expirationDate: string }[] }>('/apikeys.json', { token: a.token });
    const days = (Date.parse(list.body.keys[0]!.expirationDate) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect((await http.get('/account.json', { token: created.body.token })).status).toBe(200);
    // Eight days later (the server runs in this process, so its clock moves too).
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 8 * 86_400_000);
      expect((await http.get('/account.json', { token: created.body.token })).status).toBe(401);
      expect((await http.get('/account.json', { token: a.token })).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('validates input with the spec messages', async () => {
    const a = await createAccount(http);
    const cases: [Record<string, unknown>, string][] = [
      [{ expirationDays: 'never' }, 'Name is empty'],
      [{ name: 'k' }, 'Number of days before expiry is empty'],
      [{ name: 'k', expirationDays: true }, 'Number of days before expiry is an invalid type, should be "string"'],
      [{ name: 'k', expirationDays: '-3' }, 'Number of days before expiry is an invalid value (use "never" or 1–3650)'],
    ];
    for (const [body, message] of cases) {
      const res = await http.post('/forms/account/apikey/add', body, { token: a.token });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toBe(message);
    }
  });

  it('never mints a key for another account', async () => {
    const a = await createAccount(http);
    const b = await createAccount(http);
    const res = await http.post('/forms/account/apikey/add', { name: 'evil', expirationDays: 'never', ownerId: b.accountId }, { token: a.token });
    expect(res.status).toBe(403);
    expect((await http.get<{ keys: unknown[] }>('/apikeys.json', { token: b.token })).body.keys).toHaveLength(0);
  });

  it('cannot revoke, list or rotate another account’s key', async () => {
    const a = await createAccount(http);
    const b = await createAccount(http);
    const key = await http.post<KeyCreated>('/forms/account/apikey/add', { name: 'b', expirationDays: 'never' }, { token: b.token });
    expect((await http.delete(`/forms/account/apikey/${key.body.keyId}`, undefined, { token: a.token })).status).toBe(404);
    expect((await http.post(`/forms/account/apikey/${key.body.keyId}/increment`, {}, { token: a.token })).status).toBe(404);
    expect((await http.get<{ keys: unknown[] }>('/apikeys.json', { token: a.token })).body.keys).toHaveLength(0);
    expect((await http.get('/account.json', { token: key.body.token })).status).toBe(200);
  });

  it('rotates a key: the old token stops, the new one works', async () => {
    const a = await createAccount(http);
    const key = await http.post<KeyCreated>('/forms/account/apikey/add', { name: 'r', expirationDays: '30' }, { token: a.token });
    const rotated = await http.post<{ token: string }>(`/forms/account/apikey/${key.body.keyId}/increment`, { keyId: key.body.keyId }, { token: a.token });
    expect(rotated.status).toBe(200);
    expect((await http.get('/account.json', { token: key.body.token })).status).toBe(401);
    expect((await http.get('/account.json', { token: rotated.body.token })).status).toBe(200);
  });

  it('never lets a key mint a key, or rotate another key (a leaked key must not outlive its revocation)', async () => {
    const a = await createAccount(http);
    const short = await http.post<KeyCreated>('/forms/account/apikey/add', { name: 'short', expirationDays: '5' }, { token: a.token });
    const other = await http.post<KeyCreated>('/forms/account/apikey/add', { name: 'other', expirationDays: 'never' }, { token: a.token });
    const minted = await http.post('/forms/account/apikey/add', { name: 'child', expirationDays: 'never' }, { token: short.body.token });
    expect(minted.status).toBe(403);
    expect(minted.body).toMatchObject({ error: 'No permission', code: 403, message: 'An API key cannot create API keys: log in to create one' });
    const stolen = await http.post(`/forms/account/apikey/${other.body.keyId}/increment`, {}, { token: short.body.token });
    expect(stolen.status).toBe(403);
    expect((await http.get('/account.json', { token: other.body.token })).status).toBe(200);
    // Rotating itself is fine: automation can renew its own key.
    const self = await http.post<{ token: string }>(`/forms/account/apikey/${short.body.keyId}/increment`, {}, { token: short.body.token });
    expect(self.status).toBe(200);
    expect((await http.get('/account.json', { token: self.body.token })).status).toBe(200);
    const list = await http.get<{ keys: unknown[] }>('/apikeys.json', { token: a.token });
    expect(list.body.keys).toHaveLength(2);
  });

  it('refuses a body key id that does not match the path, and unknown ids with 404', async () => {
    const a = await createAccount(http);
    const key = await http.post<KeyCreated>('/forms/account/apikey/add', { name: 'x', expirationDays: 'never' }, { token: a.token });
    const mismatch = await http.delete(`/forms/account/apikey/${key.body.keyId}`, { keyId: 'aaaaaaaaaaaaaaaaaaaaaaaa' }, { token: a.token });
    expect(mismatch.status).toBe(400);
    expect((await http.delete('/forms/account/apikey/not-an-id', undefined, { token: a.token })).status).toBe(404);
    expect((await http.delete('/forms/account/apikey/aaaaaaaaaaaaaaaaaaaaaaaa', undefined, { token: a.token })).status).toBe(404);
  });

  it('needs credentials (401) and, with a cookie, a CSRF token', async () => {
    expect((await http.post('/forms/account/apikey/add', { name: 'k', expirationDays: 'never' })).status).toBe(401);
    expect((await http.get('/apikeys.json')).status).toBe(401);
    const a = await createAccount(http);
    const { cookie, csrf } = await cookieLogin(http, a.email, a.password);
    expect((await http.post('/forms/account/apikey/add', { name: 'k', expirationDays: 'never' }, { cookie })).status).toBe(403);
    const ok = await http.post('/forms/account/apikey/add', { name: 'k', expirationDays: 'never' }, { cookie, headers: { 'x-csrf-token': csrf } });
    expect(ok.status).toBe(200);
  });
});

