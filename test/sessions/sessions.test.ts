import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http } from '../support/http.js';
import { createAccount, joinTeam, type TestAccount } from '../support/factories.js';
import { seedChatApp } from '../support/seed.js';
import { messages } from '../../src/db/schema.js';
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

async function newSession(who: TestAccount = a, app = appId): Promise<string> {
  const res = await http.post<{ _id: string }>(`/${who.teamId}/forms/session/add`, { id: app, skipRun: true }, { token: who.token });
  expect(res.status).toBe(302);
  return res.body._id;
}

describe('sessions.json', () => {
  it('lists the 10 newest, newest first, each with its app, and pages with before', async () => {
    const owner = await createAccount(http);
    const { appId: app } = await seedChatApp(server.ctx, owner, { name: 'Pager' });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await newSession(owner, app));
    const first = await http.get<{ sessions: { _id: string; app: { name: string } }[] }>(`/${owner.teamId}/sessions.json`, { token: owner.token });
    expect(first.status).toBe(200);
    expect(first.body.sessions.map((s) => s._id)).toEqual(ids.slice(2).reverse());
    expect(first.body.sessions[0]!.app.name).toBe('Pager');
    const next = await http.get<{ sessions: { _id: string }[] }>(`/${owner.teamId}/sessions.json?before=${first.body.sessions.at(-1)!._id}`, { token: owner.token });
    expect(next.body.sessions.map((s) => s._id)).toEqual(ids.slice(0, 2).reverse());
    const nullCursor = await http.get<{ sessions: unknown[] }>(`/${owner.teamId}/sessions.json?before=null`, { token: owner.token });
    expect(nullCursor.body.sessions).toHaveLength(10);
  });

  it('refuses a malformed cursor with 400, another team with 403, no credentials with 401', async () => {
    const bad = await http.get(`/${a.teamId}/sessions.json?before=zzz`, { token: a.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('[before] is not a valid session id');
    expect((await http.get(`/${a.teamId}/sessions.json`, { token: b.token })).status).toBe(403);
    expect((await http.get(`/${a.teamId}/sessions.json`)).status).toBe(401);
  });

  it('never lists another team’s sessions', async () => {
    const mine = await newSession();
    const list = await http.get<{ sessions: { _id: string }[] }>(`/${b.teamId}/sessions.json`, { token: b.token });
    expect(list.body.sessions.map((s) => s._id)).not.toContain(mine);
  });
});

describe('session.json and the session page path', () => {
  it('answers 404 for an unknown, malformed or foreign session id', async () => {
    const theirs = await newSession();
    for (const id of ['aaaaaaaaaaaaaaaaaaaaaaaa', 'nope', theirs]) {
      const res = await http.get(`/${b.teamId}/session/${id}.json`, { token: b.token });
      expect(res.status, id).toBe(404);
    }
    expect((await http.get(`/${a.teamId}/session/${theirs}.json`, { token: b.token })).status).toBe(403);
  });

  it('serves the envelope on the page path to API clients', async () => {
    const id = await newSession();
    const res = await http.get<{ session: { _id: string } }>(`/${a.teamId}/session/${id}`, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body.session._id).toBe(id);
  });
});

describe('cancel, start, edit, delete', () => {
  it('cancel sets terminated (and the stop flag); start clears it', async () => {
    const id = await newSession();
    const res = await http.post(`/${a.teamId}/forms/session/${id}/cancel`, { sessionId: id }, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    const after = await http.get<{ session: { status: string } }>(`/${a.teamId}/session/${id}.json`, { token: a.token });
    expect(after.body.session.status).toBe('terminated');
    expect((await server.ctx.db.query.sessions.findFirst({ where: (s, { eq }) => eq(s.id, id) }))?.stopRequested).toBe(true);
    const start = await http.post(`/${a.teamId}/forms/session/${id}/start`, { sessionId: id, appType: 'chat' }, { token: a.token });
    expect(start.body).toEqual({ message: 'Session started successfully' });
    const row = await server.ctx.db.query.sessions.findFirst({ where: (s, { eq }) => eq(s.id, id) });
    expect(row?.stopRequested).toBe(false);
    // Started again: the runtime takes it up and it waits for the user.
    await expect.poll(async () => (await http.get<{ session: { status: string } }>(`/${a.teamId}/session/${id}.json`, { token: a.token })).body.session.status).toBe('waiting');
  });

  it('cancel accepts the id in the path alone, refuses a mismatched body id, and foreign ids', async () => {
    const id = await newSession();
    expect((await http.post(`/${a.teamId}/forms/session/${id}/cancel`, undefined, { token: a.token })).status).toBe(200);
    const other = await newSession();
    const mismatch = await http.post(`/${a.teamId}/forms/session/${id}/cancel`, { sessionId: other }, { token: a.token });
    expect(mismatch.status).toBe(400);
    const foreign = await http.post(`/${b.teamId}/forms/session/${other}/cancel`, { sessionId: other }, { token: b.token });
    expect(foreign.status).toBe(404);
    const still = await http.get<{ session: { status: string } }>(`/${a.teamId}/session/${other}.json`, { token: a.token });
    expect(still.body.session.status).toBe('started');
  });

  it('edit sets variables and answers like the reference', async () => {
    const id = await newSession();
    const res = await http.post(`/${a.teamId}/forms/session/${id}/edit`, { sessionId: id, variables: { city: 'Paris', n: 3 } }, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ message: 'Session updated successfully', session: { acknowledged: true, matchedCount: 1 } });
    const after = await http.get<{ session: { variables: Record<string, string> } }>(`/${a.teamId}/session/${id}.json`, { token: a.token });
    expect(after.body.session.variables).toEqual({ city: 'Paris', n: '3' });
    const bad = await http.post(`/${a.teamId}/forms/session/${id}/edit`, { variables: 'x' }, { token: a.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('Variables is an invalid type, should be "object"');
    expect((await http.post(`/${b.teamId}/forms/session/${id}/edit`, { variables: {} }, { token: b.token })).status).toBe(404);
  });

  it('delete removes the session and its messages', async () => {
    const id = await newSession();
    await server.ctx.db.insert(messages).values({
      id: newId(),
      teamId: a.teamId,
      sessionId: id,
      seq: 1,
      chunkId: 'c1',
      kind: 'user',
      authorName: 'Me',
      incoming: true,
      text: 'hello',
      ts: Date.now(),
    });
    const res = await http.delete(`/${a.teamId}/forms/session/${id}`, { sessionId: id }, { token: a.token });
    expect(res.status).toBe(200);
    expect((await http.get(`/${a.teamId}/session/${id}.json`, { token: a.token })).status).toBe(404);
    const left = await server.ctx.db.query.messages.findMany({ where: (m, { eq }) => eq(m.sessionId, id) });
    expect(left).toHaveLength(0);
    expect((await http.delete(`/${a.teamId}/forms/session/${id}`, undefined, { token: a.token })).status).toBe(404);
  });

  it('keeps owner-only apps’ sessions away from other members', async () => {
    const { appId: privateApp } = await seedChatApp(server.ctx, a, { sharingMode: 'owner' });
    const id = await newSession(a, privateApp);
    const member = await joinTeam(http, server, a, 'TEAM_MEMBER');
    expect((await http.get(`/${a.teamId}/session/${id}.json`, { token: member.token })).status).toBe(404);
    const list = await http.get<{ sessions: { _id: string }[] }>(`/${a.teamId}/sessions.json`, { token: member.token });
    expect(list.body.sessions.map((s) => s._id)).not.toContain(id);
    expect((await http.post(`/${a.teamId}/forms/session/${id}/cancel`, {}, { token: member.token })).status).toBe(404);
  });

  it('keeps a member’s sessions of a team-shared app to that member (and the team’s admins)', async () => {
    const alice = await joinTeam(http, server, a, 'TEAM_MEMBER');
    const bob = await joinTeam(http, server, a, 'TEAM_MEMBER');
    const admin = await joinTeam(http, server, a, 'TEAM_ADMIN');
    const mine = await newSession(alice);
    const ids = async (who: TestAccount) => (await http.get<{ sessions: { _id: string }[] }>(`/${a.teamId}/sessions.json`, { token: who.token })).body.sessions.map((s) => s._id);
    expect(await ids(alice)).toContain(mine);
    expect(await ids(bob)).not.toContain(mine);
    expect(await ids(admin)).toContain(mine);
    expect(await ids(a)).toContain(mine);
    expect((await http.get(`/${a.teamId}/session/${mine}.json`, { token: bob.token })).status).toBe(404);
    expect((await http.get(`/${a.teamId}/session/${mine}/messages.json`, { token: bob.token })).status).toBe(404);
    expect((await http.post(`/${a.teamId}/session/${mine}/send-message`, { messageText: 'hi' }, { token: bob.token })).status).toBe(404);
    expect((await http.delete(`/${a.teamId}/forms/session/${mine}`, undefined, { token: bob.token })).status).toBe(404);
    expect((await http.get(`/${a.teamId}/session/${mine}.json`, { token: admin.token })).status).toBe(200);
    // A page of the list holds the caller's 10 newest even when others' sessions are newer.
    const own = [];
    for (let i = 0; i < 3; i++) own.push(await newSession(bob));
    for (let i = 0; i < 12; i++) await newSession(alice);
    expect((await ids(bob)).slice(0, 3)).toEqual(own.reverse());
  });

  it('keeps a session of a deleted app to its creator and the admins', async () => {
    const { appId: gone } = await seedChatApp(server.ctx, a, { sharingMode: 'owner' });
    const carol = await joinTeam(http, server, a, 'TEAM_MEMBER');
    const dave = await joinTeam(http, server, a, 'TEAM_MEMBER');
    await server.ctx.db.execute(sql`update apps set created_by = ${carol.accountId} where id = ${gone}`);
    const id = await newSession(carol, gone);
    expect((await http.delete(`/${a.teamId}/forms/app/${gone}`, undefined, { token: a.token })).status).toBe(200);
    expect((await http.get(`/${a.teamId}/session/${id}.json`, { token: carol.token })).status).toBe(200);
    expect((await http.get(`/${a.teamId}/session/${id}.json`, { token: dave.token })).status).toBe(404);
    const list = await http.get<{ sessions: { _id: string }[] }>(`/${a.teamId}/sessions.json`, { token: dave.token });
    expect(list.body.sessions.map((s) => s._id)).not.toContain(id);
  });
});
