import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { request as httpRequest } from 'node:http';
import { sql } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http } from '../support/http.js';
import { createAccount, joinTeam, type TestAccount } from '../support/factories.js';
import { seedChatApp } from '../support/seed.js';
import { send, waitForReplies } from '../support/chat.js';
import { SseClient } from '../support/sse.js';
import { startFakeLlm, type FakeLlm } from '../../src/fake-llm/server.js';
import { sessionChannel } from '../../src/runtime/events.js';
import { accessWatch } from '../../src/realtime/access-watch.js';

/**
 * Open sockets and SSE streams lose what their caller loses: a removed member, a revoked or
 * rotated key, a logout, an expiry end them without any further request from the client.
 */
let server: TestServer;
let http: Http;
let fake: FakeLlm;
let a: TestAccount;
let appId: string;
const sockets: Socket[] = [];
const streams: SseClient[] = [];

beforeAll(async () => {
  fake = await startFakeLlm({});
  server = await startTestServer({ NIMBUS_LLM_RETRY_BASE_MS: '10' });
  http = new Http(server.url);
  a = await createAccount(http);
  ({ appId } = await seedChatApp(server.ctx, a, { baseUrl: `${fake.url}/v1` }));
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  for (const c of streams) c.close();
  await server?.close();
  await fake?.close();
});

async function newSession(): Promise<string> {
  const res = await http.post<{ _id: string }>(`/${a.teamId}/forms/session/add`, { id: appId }, { token: a.token });
  return res.body._id;
}

/** An SSE stream that records whether the server ended it. */
function openSse(sessionId: string, token: string): { c: SseClient; ended: () => boolean } {
  const c = new SseClient(`${server.url}/${a.teamId}/session/${sessionId}/stream`, { authorization: `Bearer ${token}` });
  streams.push(c);
  let ended = false;
  void c.done.then(() => (ended = true));
  return { c, ended: () => ended };
}

function socket(token: string): Promise<Socket> {
  const s = connect(server.url, { transports: ['websocket'], auth: { token }, reconnection: false });
  sockets.push(s);
  return new Promise((resolve, reject) => {
    s.on('connect', () => resolve(s));
    s.on('connect_error', reject);
  });
}

async function joinRoom(s: Socket, room: string | { room: string; replay: boolean }): Promise<void> {
  const joined = new Promise((r) => s.once('joined', r));
  s.emit('join_room', room);
  await joined;
}

async function apiKey(who: TestAccount): Promise<{ token: string; keyId: string }> {
  const res = await http.post<{ token: string; keyId: string }>('/forms/account/apikey/add', { name: 'stream', expirationDays: 'never' }, { token: who.token });
  expect(res.body.token).toBeTruthy();
  return res.body;
}

const subscribers = (sessionId: string) => server.ctx.bus.listenerCount(sessionChannel(sessionId));
const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

describe('access ends for open streams', () => {
  it('a member removed from the team loses the session’s socket room and SSE stream, and sees nothing said after', async () => {
    // An admin: members do not see each other's sessions at all.
    const b = await joinTeam(http, server, a, 'TEAM_ADMIN');
    const id = await newSession();
    const s = await socket(b.token);
    const got: { message: { text: string } }[] = [];
    const refused: { room: string; code: number }[] = [];
    s.on('message', (m: { message: { text: string } }) => got.push(m));
    s.on('join_error', (e: { room: string; code: number }) => refused.push(e));
    await joinRoom(s, id);
    const bSse = openSse(id, b.token);
    const aSse = openSse(id, a.token);
    await Promise.all([bSse.c.waitFor((e) => e.event === 'status'), aSse.c.waitFor((e) => e.event === 'status')]);

    const removed = await http.delete(`/${a.teamId}/forms/team/invite`, { memberId: b.accountId }, { token: a.token });
    expect(removed.status, removed.text).toBe(200);
    await expect.poll(() => bSse.ended() && refused.some((e) => e.room === id && e.code === 403), { timeout: 5_000 }).toBe(true);
    // Left the room, not disconnected: B's login still holds for everything else.
    expect(s.connected).toBe(true);

    await send(http, a, id, 'secret after removal');
    await waitForReplies(http, a, id, 1);
    await aSse.c.waitFor((e) => e.event === 'complete');
    await settle();
    expect(got.some((m) => m.message.text.includes('secret'))).toBe(false);
    expect(bSse.c.events.some((e) => JSON.stringify(e.data).includes('secret'))).toBe(false);
    expect(aSse.ended()).toBe(false);
    expect(subscribers(id)).toBe(1);
  });

  it('an app narrowed to someone else ends its sessions’ streams for those who lost it', async () => {
    const carol = await joinTeam(http, server, a, 'TEAM_MEMBER');
    const { appId: shared, agentId } = await seedChatApp(server.ctx, a, { baseUrl: `${fake.url}/v1` });
    const res = await http.post<{ _id: string }>(`/${a.teamId}/forms/session/add`, { id: shared }, { token: carol.token });
    const id = res.body._id;
    const stream = openSse(id, carol.token);
    await stream.c.waitFor((e) => e.event === 'status');
    const body = { type: 'chat', name: 'Narrowed', description: 'now private', tags: [], sharingMode: 'owner', agentId, conversationStarters: [] };
    const edit = await http.post(`/${a.teamId}/forms/app/${shared}/edit`, body, { token: a.token });
    expect(edit.status, edit.text).toBeLessThan(400);
    await expect.poll(stream.ended, { timeout: 5_000 }).toBe(true);
  });

  it('revoking the API key an SSE stream was opened with ends it', async () => {
    const key = await apiKey(a);
    const id = await newSession();
    const stream = openSse(id, key.token);
    await stream.c.waitFor((e) => e.event === 'status');
    await http.delete(`/forms/account/apikey/${key.keyId}`, undefined, { token: a.token });
    await expect.poll(stream.ended, { timeout: 5_000 }).toBe(true);
    expect(subscribers(id)).toBe(0);
  });

  it('rotating the key ends its streams too; streams of other credentials stay', async () => {
    const key = await apiKey(a);
    const id = await newSession();
    const byKey = openSse(id, key.token);
    const byLogin = openSse(id, a.token);
    await Promise.all([byKey.c.waitFor((e) => e.event === 'status'), byLogin.c.waitFor((e) => e.event === 'status')]);
    const rotated = await http.post(`/forms/account/apikey/${key.keyId}/increment`, {}, { token: a.token });
    expect(rotated.status).toBe(200);
    await expect.poll(byKey.ended, { timeout: 5_000 }).toBe(true);
    await settle();
    expect(byLogin.ended()).toBe(false);
  });

  it('logging out disconnects the socket that authenticated with that login', async () => {
    const login = await http.post<{ token: string }>('/forms/account/login', { email: a.email, password: a.password });
    const id = await newSession();
    const s = await socket(login.body.token);
    await joinRoom(s, id);
    const errors: { code: number }[] = [];
    s.on('error', (e: { code: number }) => errors.push(e));
    const dropped = new Promise<string>((r) => s.once('disconnect', r));
    const out = await http.post('/forms/account/logout', {}, { token: login.body.token });
    expect(out.status).toBe(200);
    expect(await dropped).toBe('io server disconnect');
    expect(errors).toContainEqual({ error: 'Unauthorized', code: 401 });
    await expect.poll(() => subscribers(id)).toBe(0);
  });

  it('a credential that expires ends its stream at the expiry time', async () => {
    const { token } = await server.ctx.auth.issue(a.accountId, 'api_key', { expiresAt: new Date(Date.now() + 1_500) });
    const id = await newSession();
    const stream = openSse(id, token);
    await stream.c.waitFor((e) => e.event === 'status');
    expect(stream.ended()).toBe(false);
    await expect.poll(stream.ended, { timeout: 5_000 }).toBe(true);
  });
});

describe('nothing is left behind by a client that leaves early', () => {
  it('an SSE request aborted during its access check leaves no subscription and no watch', async () => {
    const id = await newSession();
    const watch = accessWatch(server.ctx);
    const baseline = { subs: subscribers(id), watched: watch.size };
    const inTeam = server.ctx.sessionAccess.inTeam.bind(server.ctx.sessionAccess);
    let entered!: () => void;
    const checking = new Promise<void>((r) => (entered = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const spy = vi.spyOn(server.ctx.sessionAccess, 'inTeam').mockImplementation(async (...args) => {
      entered();
      await released;
      return inTeam(...args);
    });
    try {
      const req = httpRequest(`${server.url}/${a.teamId}/session/${id}/stream`, { headers: { authorization: `Bearer ${a.token}` } });
      req.on('error', () => undefined);
      req.end();
      await checking;
      req.destroy();
      await settle(100);
      release();
      await settle(300);
    } finally {
      spy.mockRestore();
    }
    expect(subscribers(id)).toBe(baseline.subs);
    expect(watch.size).toBe(baseline.watched);
  });

  it('a socket gone during join_room leaves no follower; a second join of a room replaces the first', async () => {
    const id = await newSession();
    const anyTeam = server.ctx.sessionAccess.anyTeam.bind(server.ctx.sessionAccess);
    let entered!: () => void;
    const checking = new Promise<void>((r) => (entered = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const spy = vi.spyOn(server.ctx.sessionAccess, 'anyTeam').mockImplementation(async (...args) => {
      entered();
      await released;
      return anyTeam(...args);
    });
    try {
      const s = await socket(a.token);
      s.emit('join_room', id);
      await checking;
      s.disconnect();
      await settle(100);
      release();
      await settle(300);
    } finally {
      spy.mockRestore();
    }
    expect(subscribers(id)).toBe(0);

    const s = await socket(a.token);
    await joinRoom(s, id);
    await joinRoom(s, { room: id, replay: true });
    expect(subscribers(id)).toBe(1);
    s.emit('leave_room', id);
    await expect.poll(() => subscribers(id)).toBe(0);
  });
});

describe('a failing socket handler is answered, not a crash', () => {
  it('a database error in message or join_room comes back as a 500 and the socket stays', async () => {
    const id = await newSession();
    const s = await socket(a.token);
    const post = vi.spyOn(server.ctx.userMessages, 'post').mockRejectedValueOnce(new Error('database is down'));
    const ack = await new Promise<{ error?: string; code?: number }>((r) => s.emit('message', { room: id, message: 'hello' }, r));
    post.mockRestore();
    expect(ack).toEqual({ error: 'Internal error', code: 500 });

    const list = vi.spyOn(server.ctx.messages, 'list').mockRejectedValueOnce(new Error('database is down'));
    const refused = new Promise<{ room: string; code: number }>((r) => s.once('join_error', r));
    s.emit('join_room', id);
    expect(await refused).toEqual({ room: id, error: 'Internal error', code: 500 });
    list.mockRestore();
    expect(subscribers(id)).toBe(0);
    expect(s.connected).toBe(true);
    await joinRoom(s, id);
  });
});

describe('a lost invalidation', () => {
  it('still ends a stream: every stream re-checks its access now and then (NIMBUS_STREAM_RECHECK_MS)', async () => {
    const quick = await startTestServer({ NIMBUS_STREAM_RECHECK_MS: '1000' });
    const h = new Http(quick.url);
    try {
      const owner = await createAccount(h);
      const { appId: app } = await seedChatApp(quick.ctx, owner, { baseUrl: `${fake.url}/v1` });
      const key = (await h.post<{ token: string; keyId: string }>('/forms/account/apikey/add', { name: 'k', expirationDays: 'never' }, { token: owner.token })).body;
      const id = (await h.post<{ _id: string }>(`/${owner.teamId}/forms/session/add`, { id: app }, { token: owner.token })).body._id;
      const c = new SseClient(`${quick.url}/${owner.teamId}/session/${id}/stream`, { authorization: `Bearer ${key.token}` });
      streams.push(c);
      let ended = false;
      void c.done.then(() => (ended = true));
      await c.waitFor((e) => e.event === 'status');
      // Revoked behind the bus's back: the row goes, no invalidation is published.
      await quick.ctx.db.execute(sql`delete from credentials where id = ${key.keyId}`);
      // Past the auth cache's life, as a lost message would leave things after a minute.
      const realNow = Date.now.bind(Date);
      const clock = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 61_000);
      try {
        await expect.poll(() => ended, { timeout: 5_000 }).toBe(true);
      } finally {
        clock.mockRestore();
      }
    } finally {
      await quick.close();
    }
  });
});
