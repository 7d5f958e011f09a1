import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http } from '../support/http.js';
import { cookieLogin, createAccount, joinTeam, type TestAccount } from '../support/factories.js';
import { seedChatApp } from '../support/seed.js';
import { variables } from '../../src/db/schema.js';
import { newId } from '../../src/shared/ids.js';

let server: TestServer;
let http: Http;
let a: TestAccount;
let b: TestAccount;
let appId: string;

beforeAll(async () => {
  server = await startTestServer();
  http = new Http(server.url);
  [a, b] = await Promise.all([createAccount(http), createAccount(http)]);
  ({ appId } = await seedChatApp(server.ctx, a));
});
afterAll(async () => server?.close());

async function status(id: string): Promise<{ status: string }> {
  return (await http.get<{ session: { status: string } }>(`/${a.teamId}/session/${id}.json`, { token: a.token })).body.session;
}

function sessionCount(teamId: string) {
  return http.get<{ sessions: unknown[] }>(`/${teamId}/sessions.json`, { token: teamId === a.teamId ? a.token : b.token });
}

describe('POST /{teamId}/forms/session/add', () => {
  it.each([
    ['{"id": appId} (Agent Cloud code)', () => ({ id: appId })],
    ['{"appId": appId} (docs)', () => ({ appId })],
    ['a bare JSON string (docs schema)', () => appId],
  ])('takes the app id as %s and answers 302 with Location and {_id, redirect}', async (_name, body) => {
    const res = await http.post<{ _id: string; redirect: string }>(`/${a.teamId}/forms/session/add`, body(), { token: a.token });
    expect(res.status).toBe(302);
    expect(res.body._id).toMatch(/^[a-f0-9]{24}$/);
    expect(res.body.redirect).toBe(`/${a.teamId}/session/${res.body._id}`);
    expect(res.headers.get('location')).toBe(res.body.redirect);
    expect(Object.keys(res.body).sort()).toEqual(['_id', 'redirect']);
  });

  it('answers 302 + JSON whatever the request content type (form post, none)', async () => {
    const form = await http.request('POST', `/${a.teamId}/forms/session/add`, {
      token: a.token,
      raw: `id=${appId}`,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(302);
    expect(JSON.parse(form.text)._id).toMatch(/^[a-f0-9]{24}$/);
  });

  it('stores the session as the spec says and starts its run', async () => {
    const res = await http.post<{ _id: string }>(`/${a.teamId}/forms/session/add`, { id: appId }, { token: a.token });
    const id = res.body._id;
    const detail = await http.get<{ session: Record<string, unknown>; app: { _id: string } }>(`/${a.teamId}/session/${id}.json`, { token: a.token });
    expect(detail.status).toBe(200);
    expect(detail.body.session).toMatchObject({
      _id: id,
      orgId: a.orgId,
      teamId: a.teamId,
      name: 'Chat app',
      tokensUsed: 0,
      appId,
      sharingConfig: { mode: 'team', permissions: {} },
    });
    expect(['started', 'waiting']).toContain(detail.body.session.status);
    expect(Date.parse(detail.body.session.startDate as string)).toBeGreaterThan(Date.now() - 60_000);
    expect(detail.body.session.lastUpdatedDate).toBeDefined();
    expect(detail.body.app._id).toBe(appId);
    // The chat runtime took the run job: a new chat session waits for the user's first message.
    await expect.poll(async () => (await status(id)).status).toBe('waiting');
  });

  it('does not start the run with skipRun, nor when the app needs variables first', async () => {
    const skip = await http.post<{ _id: string }>(`/${a.teamId}/forms/session/add`, { id: appId, skipRun: true }, { token: a.token });
    expect(skip.status).toBe(302);
    const variableId = newId();
    await server.ctx.db.insert(variables).values({ id: variableId, teamId: a.teamId, orgId: a.orgId, name: 'city', defaultValue: 'Paris' });
    const withVars = await seedChatApp(server.ctx, a, { variableIds: [variableId] });
    const res = await http.post<{ _id: string }>(`/${a.teamId}/forms/session/add`, { id: withVars.appId }, { token: a.token });
    expect(res.status).toBe(302);
    // A started run would have moved them to waiting within a few milliseconds.
    await new Promise((r) => setTimeout(r, 300));
    expect((await status(skip.body._id)).status).toBe('started');
    expect((await status(res.body._id)).status).toBe('started');
  });

  it.each([
    [{}, 'Id is empty'],
    [{ id: '' }, 'Id is empty'],
    [{ id: null }, 'Id is empty'],
    ['', 'Id is empty'],
    [{ id: 12 }, 'Id is an invalid type, should be "string"'],
    [{ id: 'not-hex' }, 'Invalid inputs'],
    [{ id: 'ABCDEF0123456789ABCDEF01' }, 'Invalid inputs'],
    [{ id: 'aaaaaaaaaaaaaaaaaaaaaaaa' }, 'Invalid inputs'],
  ])('answers 400 {error, message, code} at once for %j', async (body, message) => {
    const res = await http.post(`/${a.teamId}/forms/session/add`, body, { token: a.token });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: message, message, code: 400 });
  });

  it('answers 400 without a body at all', async () => {
    const res = await http.request('POST', `/${a.teamId}/forms/session/add`, { token: a.token });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('Id is empty');
  });

  it('gives the same 400 for another team’s app and creates nothing', async () => {
    const before = (await sessionCount(b.teamId)).body.sessions.length;
    const res = await http.post(`/${b.teamId}/forms/session/add`, { id: appId }, { token: b.token });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'Invalid inputs', message: 'Invalid inputs', code: 400 });
    expect((await sessionCount(b.teamId)).body.sessions.length).toBe(before);
  });

  it('answers 403 when the team is not one of the caller’s, 401 without credentials', async () => {
    const foreign = await http.post(`/${a.teamId}/forms/session/add`, { id: appId }, { token: b.token });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe(403);
    const anon = await http.post(`/${a.teamId}/forms/session/add`, { id: appId });
    expect(anon.status).toBe(401);
    const notATeam = await http.post(`/not-a-team/forms/session/add`, { id: appId }, { token: a.token });
    expect(notATeam.status).toBe(403);
  });

  it('works with an API key and, by cookie, only with the CSRF token', async () => {
    const key = await http.post<{ token: string }>('/forms/account/apikey/add', { name: 'k', expirationDays: 'never' }, { token: a.token });
    expect((await http.post(`/${a.teamId}/forms/session/add`, { id: appId }, { token: key.body.token })).status).toBe(302);
    const { cookie, csrf } = await cookieLogin(http, a.email, a.password);
    expect((await http.post(`/${a.teamId}/forms/session/add`, { id: appId }, { cookie })).status).toBe(403);
    expect((await http.post(`/${a.teamId}/forms/session/add`, { id: appId, _csrf: csrf }, { cookie })).status).toBe(302);
  });

  it('respects the app’s sharing mode: an owner-only app is the owner’s (and admins’)', async () => {
    const own = await seedChatApp(server.ctx, a, { sharingMode: 'owner' });
    const member = await joinTeam(http, server, a, 'TEAM_MEMBER');
    const denied = await http.post(`/${a.teamId}/forms/session/add`, { id: own.appId }, { token: member.token });
    // The same answer as an unknown app: whether a hidden app exists does not leak.
    const unknown = await http.post(`/${a.teamId}/forms/session/add`, { id: 'f'.repeat(24) }, { token: member.token });
    expect(denied.status).toBe(400);
    expect(denied.body).toEqual(unknown.body);
    expect((await http.post(`/${a.teamId}/forms/session/add`, { id: own.appId }, { token: a.token })).status).toBe(302);
    // A team member can use a team-shared app.
    expect((await http.post(`/${a.teamId}/forms/session/add`, { id: appId }, { token: member.token })).status).toBe(302);
  });

  it('a client that follows the 302 lands on the session envelope', async () => {
    const res = await http.post(`/${a.teamId}/forms/session/add`, { id: appId, skipRun: true }, { token: a.token, redirect: 'follow' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ session: { appId, status: 'started' }, app: { _id: appId }, avatarMap: { helper: null } });
    expect(typeof res.body.csrf).toBe('string');
    expect((res.body.account as { _id: string })._id).toBe(a.accountId);
  });
});
