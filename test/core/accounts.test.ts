import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http } from '../support/http.js';
import { cookieLogin, createAccount, uniqueEmail } from '../support/factories.js';

let server: TestServer;
let http: Http;

beforeAll(async () => {
  server = await startTestServer();
  http = new Http(server.url);
});
afterAll(async () => server?.close());

describe('POST /forms/account/register', () => {
  it('creates an account with its own org and team, owner and admin of both', async () => {
    const email = uniqueEmail();
    const res = await http.post('/forms/account/register', { name: 'Ada', email, password: 'long enough pw' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ redirect: '/login?verifysuccess=true&noverify=1' });
    const login = await http.post<{ token: string; redirect: string }>('/forms/account/login', { email, password: 'long enough pw' });
    expect(login.status).toBe(200);
    const me = await http.get<{ account: Record<string, unknown> & { orgs: { id: string; name: string; ownerId: string; teams: { id: string; name: string }[] }[] } }>(
      '/account.json',
      { token: login.body.token },
    );
    const account = me.body.account;
    expect(account.name).toBe('Ada');
    expect(account.email).toBe(email);
    expect(account.orgs).toHaveLength(1);
    expect(account.orgs[0]!.name).toBe("Ada's Org");
    expect(account.orgs[0]!.ownerId).toBe(account._id);
    expect(account.orgs[0]!.teams[0]!.name).toBe("Ada's Team");
    expect(account.currentTeam).toBe(account.orgs[0]!.teams[0]!.id);
    expect(login.body.redirect).toBe(`/${account.currentTeam}/apps`);
    expect(JSON.stringify(me.body)).not.toMatch(/password|hash/i);
  });

  it('lower-cases the email and refuses a second account for it with 409', async () => {
    const email = uniqueEmail();
    expect((await http.post('/forms/account/register', { name: 'A', email: email.toUpperCase(), password: 'long enough pw' })).status).toBe(200);
    const again = await http.post('/forms/account/register', { name: 'B', email, password: 'long enough pw' });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ error: 'Account already exists with this email', message: 'Account already exists with this email', code: 409 });
  });

  it.each([
    [{ email: 'a@b.co', password: 'long enough pw' }, 'Name is empty'],
    [{ name: '  ', email: 'a@b.co', password: 'long enough pw' }, 'Name is empty'],
    [{ name: 'A', password: 'long enough pw' }, 'Email is empty'],
    [{ name: 'A', email: 'not-an-email', password: 'long enough pw' }, 'Email does not match regular expression /^\\S+@\\S+\\.\\S+$/'],
    [{ name: 'A', email: 'a@b.co' }, 'Password is empty'],
    [{ name: 'A', email: 'a@b.co', password: 'short' }, 'Password must be at least 8 characters'],
    [{ name: 42, email: 'a@b.co', password: 'long enough pw' }, 'Name is an invalid type, should be "string"'],
  ])('answers 400 with the spec message for %j', async (body, message) => {
    const res = await http.post('/forms/account/register', body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: message, message, code: 400 });
  });

  it('answers a classic form post with a real 302', async () => {
    const res = await http.request('POST', '/forms/account/register', {
      raw: new URLSearchParams({ name: 'Form', email: uniqueEmail(), password: 'long enough pw' }).toString(),
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/login?verifysuccess=true&noverify=1');
  });
});

describe('POST /forms/account/login', () => {
  it('returns a token and sets an httpOnly session cookie', async () => {
    const a = await createAccount(http);
    const res = await http.post<{ token: string; redirect: string }>('/forms/account/login', { email: a.email, password: a.password });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^nmb_[a-f0-9]{24}/);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^nimbus_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('honours a same-site goto and ignores one that leaves the site', async () => {
    const a = await createAccount(http);
    const ok = await http.post('/forms/account/login', { email: a.email, password: a.password, goto: '/x/session/1' });
    expect(ok.body.redirect).toBe('/x/session/1');
    // Browsers drop tabs and newlines and read `\` as `/`: each of these would be //evil.example.
    for (const goto of ['//evil.example/', '/\t/evil.example', '/\n/evil.example', '/\\evil.example', '/\\/evil.example', 'https://evil.example/']) {
      const evil = await http.post('/forms/account/login', { email: a.email, password: a.password, goto });
      expect(evil.body.redirect, JSON.stringify(goto)).toBe(`/${a.teamId}/apps`);
    }
  });

  it('refuses a login posted from another site’s page (login CSRF), and takes one from ours', async () => {
    const a = await createAccount(http);
    const body = { email: a.email, password: a.password };
    for (const origin of ['https://evil.example', 'null']) {
      const res = await http.post('/forms/account/login', body, { headers: { origin } });
      expect(res.status, origin).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect((await http.post('/forms/account/login', body, { headers: { origin: server.url } })).status).toBe(200);
    // Behind a proxy that rewrites Host, a modern browser's Sec-Fetch-Site still tells.
    const proxied = { origin: 'https://nimbus.example.com', 'sec-fetch-site': 'same-origin' };
    expect((await http.post('/forms/account/login', body, { headers: proxied })).status).toBe(200);
    expect((await http.post('/forms/account/login', body, { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  it('gives the same 403 for a wrong password and an unknown email', async () => {
    const a = await createAccount(http);
    const wrong = await http.post('/forms/account/login', { email: a.email, password: 'wrong password' });
    const unknown = await http.post('/forms/account/login', { email: uniqueEmail(), password: 'wrong password' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: 'Incorrect email or password', message: 'Incorrect email or password', code: 403 });
    }
  });

  it('validates its input', async () => {
    expect((await http.post('/forms/account/login', { password: 'x' })).body.error).toBe('Email is empty');
    expect((await http.post('/forms/account/login', { email: 'a@b.co' })).body.error).toBe('Password is empty');
  });

  it('slows a password guesser down with 429 after repeated failures', async () => {
    const a = await createAccount(http);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await http.post('/forms/account/login', { email: a.email, password: `guess ${i}` })).status);
    expect(statuses.slice(0, 10).every((s) => s === 403)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const blocked = await http.post('/forms/account/login', { email: a.email, password: a.password });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toMatch(/Too many failed logins/);
    // Other accounts from the same address are not locked out.
    const b = await createAccount(http);
    expect((await http.post('/forms/account/login', { email: b.email, password: b.password })).status).toBe(200);
  });
});

describe('GET /account.json', () => {
  it('answers 401 JSON without credentials and with a bad token', async () => {
    for (const opts of [{}, { token: 'nmb_nope' }, { headers: { authorization: 'Basic abc' } }]) {
      const res = await http.get('/account.json', opts);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe(401);
    }
  });

  it('answers 403 for a resourceSlug that is not one of the caller’s teams', async () => {
    const a = await createAccount(http);
    const b = await createAccount(http);
    expect((await http.get(`/account.json?resourceSlug=${b.teamId}`, { token: a.token })).status).toBe(403);
    const own = await http.get<{ team: { id: string } }>(`/account.json?resourceSlug=${a.teamId}`, { token: a.token });
    expect(own.status).toBe(200);
    expect(own.body.team.id).toBe(a.teamId);
  });
});

describe('POST /forms/account/logout', () => {
  it('revokes that login token and no other', async () => {
    const a = await createAccount(http);
    const second = await http.post<{ token: string }>('/forms/account/login', { email: a.email, password: a.password });
    const res = await http.post('/forms/account/logout', {}, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body.redirect).toBe('/login');
    expect((await http.get('/account.json', { token: a.token })).status).toBe(401);
    expect((await http.get('/account.json', { token: second.body.token })).status).toBe(200);
  });

  it('with a cookie: needs the CSRF token, then clears the cookie and revokes it', async () => {
    const a = await createAccount(http);
    const { cookie, csrf } = await cookieLogin(http, a.email, a.password);
    expect(csrf).toBeTruthy();
    const noCsrf = await http.post('/forms/account/logout', {}, { cookie });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error).toBe('Invalid CSRF token');
    const ok = await http.post('/forms/account/logout', { _csrf: csrf }, { cookie });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(/nimbus_session=;/);
    expect((await http.get('/account.json', { cookie })).status).toBe(401);
  });
});

describe('POST /forms/account/switch', () => {
  it('refuses a team the caller is not in and keeps the current one', async () => {
    const a = await createAccount(http);
    const b = await createAccount(http);
    const res = await http.post('/forms/account/switch', { orgId: b.orgId, teamId: b.teamId }, { token: a.token });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('Invalid inputs');
    const ok = await http.post('/forms/account/switch', { orgId: a.orgId, teamId: a.teamId }, { token: a.token });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({});
    expect((await http.post('/forms/account/switch', {}, {})).status).toBe(401);
  });
});

describe('login throttling', () => {
  it('cannot be dodged by forging X-Forwarded-For (no proxy is trusted by default)', async () => {
    const a = await createAccount(http);
    for (let i = 0; i < 10; i++) {
      await http.post('/forms/account/login', { email: a.email, password: `guess ${i}` }, { headers: { 'x-forwarded-for': `10.0.0.${i}` } });
    }
    const res = await http.post('/forms/account/login', { email: a.email, password: 'guess again' }, { headers: { 'x-forwarded-for': '10.9.9.9' } });
    expect(res.status).toBe(429);
  });

  it('counts guesses sent all at once: no more than the limit get a password check', async () => {
    const a = await createAccount(http);
    const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => http.post('/forms/account/login', { email: a.email, password: `burst ${i}` }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 403)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
  });

  it('does not count a successful login against the address', async () => {
    const a = await createAccount(http);
    for (let i = 0; i < 5; i++) expect((await http.post('/forms/account/login', { email: a.email, password: a.password })).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await http.post('/forms/account/login', { email: a.email, password: `wrong ${i}` })).status).toBe(403);
  });
});

describe('sign-up limit', () => {
  it('takes 20 sign-ups an hour from one client address (behind a trusted proxy), then 429; other addresses go on', async () => {
    const proxied = await startTestServer({ NIMBUS_TRUST_PROXY: 'true' });
    try {
      const h = new Http(proxied.url);
      const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
      const register = (ip: string) => h.post('/forms/account/register', { name: 'S', email: uniqueEmail(), password: 'long enough pw' }, from(ip));
      // Refused attempts (a short password) do not use up the allowance.
      for (let i = 0; i < 5; i++) {
        const weak = await h.post('/forms/account/register', { name: 'S', email: uniqueEmail(), password: 'short' }, from('203.0.113.7'));
        expect(weak.status).toBe(400);
      }
      for (let i = 0; i < 20; i++) expect((await register('203.0.113.7')).status).toBe(200);
      const refused = await register('203.0.113.7');
      expect(refused.status).toBe(429);
      expect(refused.body.error).toMatch(/^Too many sign-ups from this address, try again in \d+ seconds$/);
      expect((await register('203.0.113.8')).status).toBe(200);
      // IPv6 counts by /64: one subscriber's many addresses are one client.
      for (let i = 0; i < 20; i++) expect((await register(`2001:db8:1:1::${(i + 1).toString(16)}`)).status).toBe(200);
      expect((await register('2001:db8:1:1:ffff:ffff:ffff:ffff')).status).toBe(429);
      expect((await register('2001:db8:1:2::1')).status).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it('with NIMBUS_TRUST_PROXY=1 counts the address the proxy saw, not one the client forged in front of it', async () => {
    const proxied = await startTestServer({ NIMBUS_TRUST_PROXY: '1' });
    try {
      const h = new Http(proxied.url);
      // The proxy appends the real client (198.51.100.9) after whatever the client sent.
      const register = (forged: string) =>
        h.post('/forms/account/register', { name: 'S', email: uniqueEmail(), password: 'long enough pw' }, { headers: { 'x-forwarded-for': `${forged}, 198.51.100.9` } });
      for (let i = 0; i < 20; i++) expect((await register(`10.0.0.${i}`)).status).toBe(200);
      expect((await register('10.9.9.9')).status).toBe(429);
    } finally {
      await proxied.close();
    }
  });
});

describe('NIMBUS_SIGNUP=invite', () => {
  it('lets the first account sign up, then only invited people', async () => {
    const closed = await startTestServer({ NIMBUS_SIGNUP: 'invite' });
    try {
      const h = new Http(closed.url);
      const first = await createAccount(h);
      const second = await h.post('/forms/account/register', { name: 'B', email: uniqueEmail(), password: 'long enough pw' });
      expect(second.status).toBe(403);
      expect(second.body).toMatchObject({ error: 'Sign-up is closed', code: 403 });
      const invite = await h.post<{ inviteUrl: string }>(`/${first.teamId}/forms/team/invite`, { name: 'C', email: uniqueEmail(), template: 'TEAM_MEMBER' }, { token: first.token });
      expect(invite.body.inviteUrl).toMatch(/^\/verify\?token=/);
    } finally {
      await closed.close();
    }
  });
});
