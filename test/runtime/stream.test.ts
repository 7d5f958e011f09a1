import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http } from '../support/http.js';
import { cookieLogin, createAccount, type TestAccount } from '../support/factories.js';
import { seedChatApp } from '../support/seed.js';
import { messages, send, waitForReplies } from '../support/chat.js';
import { assemble, SseClient } from '../support/sse.js';
import { startFakeLlm, type FakeLlm } from '../../src/fake-llm/server.js';

let server: TestServer;
let http: Http;
let fake: FakeLlm;
let a: TestAccount;
let b: TestAccount;
let appId: string;
const sockets: Socket[] = [];
const sse: SseClient[] = [];

beforeAll(async () => {
  fake = await startFakeLlm({});
  server = await startTestServer({ NIMBUS_LLM_RETRY_BASE_MS: '10' });
  http = new Http(server.url);
  [a, b] = await Promise.all([createAccount(http), createAccount(http)]);
  ({ appId } = await seedChatApp(server.ctx, a, { baseUrl: `${fake.url}/v1` }));
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  for (const c of sse) c.close();
  await server?.close();
  await fake?.close();
});

async function newSession(): Promise<string> {
  const res = await http.post<{ _id: string }>(`/${a.teamId}/forms/session/add`, { id: appId }, { token: a.token });
  return res.body._id;
}

function openSse(id: string, headers: Record<string, string> = {}, who = a): SseClient {
  const c = new SseClient(`${server.url}/${who.teamId}/session/${id}/stream`, { authorization: `Bearer ${who.token}`, ...headers });
  sse.push(c);
  return c;
}

function socket(auth: { token?: string; cookie?: string }): Promise<Socket> {
  const s = connect(server.url, {
    transports: ['websocket'],
    auth: auth.token ? { token: auth.token } : {},
    extraHeaders: auth.cookie ? { cookie: auth.cookie } : {},
    reconnection: false,
  });
  sockets.push(s);
  return new Promise((resolve, reject) => {
    s.on('connect', () => resolve(s));
    s.on('connect_error', reject);
  });
}

describe('SSE', () => {
  it('replays the transcript with each reply whole, then streams live events with increasing ids', async () => {
    const id = await newSession();
    await send(http, a, id, 'earlier message');
    await waitForReplies(http, a, id, 1);
    const c = openSse(id);
    await c.waitFor((e) => e.event === 'status');
    const replay = c.events.filter((e) => e.event === 'message');
    expect(replay.map((e) => [e.data.kind, e.data.text])).toEqual([
      ['user', 'earlier message'],
      ['assistant', 'Echo: earlier message'],
    ]);
    await send(http, a, id, 'live [[fake:words=20]] [[fake:delay=5]]');
    await c.waitFor((e) => e.event === 'complete' && (e.data.seq as number) === 4);
    await c.waitFor((e) => e.event === 'status' && e.data.status === 'waiting' && (e.id ?? '').startsWith('4:'));
    const texts = assemble(c.events);
    expect(texts.get(4)).toBe(Array.from({ length: 20 }, (_, i) => `word${i + 1}`).join(' '));
    expect(c.events.filter((e) => e.event === 'delta').length).toBeGreaterThanOrEqual(20);
    const ids = c.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    c.close();
  });

  it('resumes from Last-Event-ID with exactly the events after it: no gap, no duplicate', async () => {
    const id = await newSession();
    const first = openSse(id);
    await first.waitFor((e) => e.event === 'status');
    await send(http, a, id, 'resume [[fake:words=60]] [[fake:delay=10]]');
    await first.waitFor((e) => e.event === 'delta' && (e.data.offset as number) > 40);
    first.close();
    const lastId = [...first.events].reverse().find((e) => e.id && /^\d+:\d+:\d+$/.test(e.id))!.id!;
    const second = openSse(id, { 'last-event-id': lastId });
    await second.waitFor((e) => e.event === 'complete');
    const combined = assemble([...first.events, ...second.events]);
    const final = (await messages(http, a, id)).find((m) => m.kind === 'assistant')!.message.message.text;
    expect(combined.get(2)).toBe(final);
    expect(second.events.some((e) => e.event === 'message' && (e.data.seq as number) <= 2)).toBe(false);
    second.close();
  });

  it('resumed from the last event of a finished reply, announces nothing twice', async () => {
    const id = await newSession();
    const first = openSse(id);
    await send(http, a, id, 'finish me');
    await first.waitFor((e) => e.event === 'status' && e.data.status === 'waiting' && first.events.some((x) => x.event === 'complete'));
    first.close();
    const ids = first.events.map((e) => e.id).filter((x): x is string => !!x);
    for (const lastId of [ids.at(-1)!, first.events.find((e) => e.event === 'complete')!.id!]) {
      const again = openSse(id, { 'last-event-id': lastId });
      await again.waitFor((e) => e.event === 'status');
      await new Promise((r) => setTimeout(r, 100));
      again.close();
      expect(again.events.map((e) => e.event), lastId).toEqual(['status']);
    }
  });

  it('ends when the session is deleted, even mid-reply', async () => {
    const id = await newSession();
    const stream = openSse(id);
    await send(http, a, id, 'long [[fake:words=200]] [[fake:delay=20]]');
    await stream.waitFor((e) => e.event === 'delta');
    expect((await http.delete(`/${a.teamId}/forms/session/${id}`, undefined, { token: a.token })).status).toBe(200);
    await stream.done;
    const end = stream.events.findIndex((e) => e.event === 'terminate');
    expect(end).toBeGreaterThan(-1);
    expect(stream.events[end]!.data).toEqual({ terminate: true, deleted: true });
    expect(stream.events.slice(end + 1)).toEqual([]);
    expect((await fetch(`${server.url}/${a.teamId}/session/${id}/stream`, { headers: { authorization: `Bearer ${a.token}` } })).status).toBe(404);
  });

  it('is refused to another team (403) and to no one (401)', async () => {
    const id = await newSession();
    const res = await fetch(`${server.url}/${a.teamId}/session/${id}/stream`, { headers: { authorization: `Bearer ${b.token}` } });
    expect(res.status).toBe(403);
    expect((await fetch(`${server.url}/${a.teamId}/session/${id}/stream`)).status).toBe(401);
    expect((await fetch(`${server.url}/${b.teamId}/session/${id}/stream`, { headers: { authorization: `Bearer ${b.token}` } })).status).toBe(404);
  });

  it('takes a user message through POST on the same path', async () => {
    const id = await newSession();
    const res = await http.post(`/${a.teamId}/session/${id}/stream`, { messageText: 'via sse post' }, { token: a.token });
    expect(res.status).toBe(200);
    const list = await waitForReplies(http, a, id, 1);
    expect(list.at(-1)!.message.message.text).toBe('Echo: via sse post');
  });
});

describe('socket.io (Agent Cloud protocol)', () => {
  it('joins a session room, sends a message, and receives the streamed reply', async () => {
    const id = await newSession();
    const s = await socket({ token: a.token });
    const received: { message: { text: string; chunkId: string; overwrite: boolean; seq: number }; incoming: boolean; authorName: string }[] = [];
    const statuses: string[] = [];
    s.on('message', (m) => received.push(m));
    s.on('status', (st: string) => statuses.push(st));
    const joined = new Promise((r) => s.once('joined', r));
    s.emit('join_room', id);
    expect(await joined).toBe(id);
    s.emit('message', { room: id, authorName: 'Ann', message: { type: 'text', text: 'hi socket [[fake:words=8]]' } });
    await expect.poll(() => statuses.includes('waiting') && received.some((m) => m.message.overwrite && m.message.seq === 2), { timeout: 10_000 }).toBe(true);
    const user = received.find((m) => m.incoming)!;
    expect(user.message.text).toBe('hi socket [[fake:words=8]]');
    const reply = received.filter((m) => !m.incoming && m.message.seq === 2);
    const chunkIds = new Set(reply.map((m) => m.message.chunkId));
    expect(chunkIds.size).toBe(1);
    const streamed = reply.filter((m) => !m.message.overwrite).map((m) => m.message.text).join('');
    expect(streamed).toBe('word1 word2 word3 word4 word5 word6 word7 word8');
    expect(reply.at(-1)!.message.text).toBe(streamed);
    expect(reply[0]!.authorName).toBe('Helper');
    expect(statuses).toContain('running');
  });

  it('authenticates by cookie, Authorization header or auth.token, and refuses none', async () => {
    const { cookie } = await cookieLogin(http, a.email, a.password);
    await socket({ cookie });
    const viaHeader = connect(server.url, { transports: ['websocket'], extraHeaders: { authorization: `Bearer ${a.token}` }, reconnection: false });
    sockets.push(viaHeader);
    await new Promise<void>((resolve, reject) => {
      viaHeader.on('connect', () => resolve());
      viaHeader.on('connect_error', reject);
    });
    await expect(socket({})).rejects.toThrow(/Unauthorized/);
    // A page of another site cannot borrow the user's cookie for a socket.
    const crossSite = connect(server.url, { transports: ['websocket'], extraHeaders: { cookie, origin: 'https://evil.example' }, reconnection: false });
    sockets.push(crossSite);
    await expect(
      new Promise((resolve, reject) => {
        crossSite.on('connect', () => resolve('connected'));
        crossSite.on('connect_error', reject);
      }),
    ).rejects.toThrow(/Forbidden origin/);
    await expect(socket({ token: 'nmb_bogus' })).rejects.toThrow(/Unauthorized/);
  });

  it('refuses another team’s socket: no join, no messages, no writes, no stop', async () => {
    const id = await newSession();
    const evil = await socket({ token: b.token });
    const got: unknown[] = [];
    evil.on('message', (m) => got.push(m));
    const refused = new Promise<{ error: string }>((r) => evil.once('join_error', r));
    let joined = false;
    evil.once('joined', () => (joined = true));
    evil.emit('join_room', id);
    expect((await refused).error).toBe('No permission');
    const ack = await new Promise<{ error?: string }>((r) => evil.emit('message', { room: id, message: { type: 'text', text: 'pwned' } }, r));
    expect(ack.error).toBe('No permission');
    evil.emit('stop_generating', { room: id });
    await send(http, a, id, 'owner speaks');
    await waitForReplies(http, a, id, 1);
    const list = await messages(http, a, id);
    expect(list.map((m) => m.message.message.text)).not.toContain('pwned');
    expect(joined).toBe(false);
    expect(got).toHaveLength(0);
    const s = await http.get<{ session: { status: string } }>(`/${a.teamId}/session/${id}.json`, { token: a.token });
    expect(s.body.session.status).toBe('waiting');
  });

  it('stop_generating stops the stream and terminates the session', async () => {
    const id = await newSession();
    const s = await socket({ token: a.token });
    const terminated = new Promise((r) => s.once('terminate', r));
    s.emit('join_room', id);
    await new Promise((r) => s.once('joined', r));
    s.emit('message', { room: id, message: { type: 'text', text: 'go on [[fake:words=500]] [[fake:delay=10]]' } });
    await expect.poll(async () => (await messages(http, a, id)).find((m) => m.kind === 'assistant')?.message.message.text.length ?? 0).toBeGreaterThan(10);
    s.emit('stop_generating', { room: id });
    expect(await terminated).toBe(true);
    await expect.poll(async () => (await messages(http, a, id)).at(-1)?.message.message.text).toBe('🛑 Stopped generating.');
    const reply = (await messages(http, a, id)).find((m) => m.kind === 'assistant')!;
    expect(reply.message.message.text.split(' ').length).toBeLessThan(500);
  });

  it('a revoked token loses its socket at the next event', async () => {
    const key = await http.post<{ token: string; keyId: string }>('/forms/account/apikey/add', { name: 'sock', expirationDays: 'never' }, { token: a.token });
    const id = await newSession();
    const s = await socket({ token: key.body.token });
    await http.delete(`/forms/account/apikey/${key.body.keyId}`, undefined, { token: a.token });
    const dropped = new Promise((r) => s.once('disconnect', () => r(undefined)));
    s.emit('join_room', id);
    await dropped;
    expect(s.connected).toBe(false);
  });
});

describe('merging live events', () => {
  it('never passes on text with a hole in it, and converges when the reply completes', async () => {
    const { sessionChannel } = await import('../../src/runtime/events.js');
    const id = await newSession();
    const c = openSse(id);
    await c.waitFor((e) => e.event === 'status');
    const base = { seq: 50, rev: 0, chunkId: 'x', authorName: 'Helper', ts: Date.now() };
    // As another process's driver would publish them, with a piece this process never saw.
    server.ctx.bus.publish(sessionChannel(id), { type: 'delta', ...base, offset: 0, text: 'Hello' });
    server.ctx.bus.publish(sessionChannel(id), { type: 'delta', ...base, offset: 10, text: ' world' });
    server.ctx.bus.publish(sessionChannel(id), { type: 'delta', ...base, offset: 16, text: '!' });
    server.ctx.bus.publish(sessionChannel(id), { type: 'complete', ...base, text: 'Hello, big world!', tokens: 3 });
    await c.waitFor((e) => (e.event === 'complete' || e.event === 'overwrite') && e.data.seq === 50);
    expect(c.events.filter((e) => e.event === 'delta').map((e) => e.data.text)).toEqual(['Hello']);
    expect(assemble(c.events).get(50)).toBe('Hello, big world!');
  });
});

describe('events stay in transcript order', () => {
  const cmp = (x: string, y: string) => {
    const [a1 = 0, a2 = 0, a3 = 0] = x.split(':').map(Number);
    const [b1 = 0, b2 = 0, b3 = 0] = y.split(':').map(Number);
    return a1 - b1 || a2 - b2 || a3 - b3;
  };

  it('a message queued during a streaming reply is announced after it: ids only increase, and resuming after it misses nothing', async () => {
    const id = await newSession();
    const c = openSse(id);
    await c.waitFor((e) => e.event === 'status');
    await send(http, a, id, 'stream [[fake:words=60]] [[fake:delay=10]]');
    await c.waitFor((e) => e.event === 'delta' && (e.data.offset as number) > 30);
    await send(http, a, id, 'queued behind it');
    await c.waitFor((e) => e.event === 'complete' && e.data.seq === 4, 20_000);
    const texty = c.events.filter((e) => e.id && /^\d+:\d+:\d+$/.test(e.id));
    for (let i = 1; i < texty.length; i++) expect(cmp(texty[i - 1]!.id!, texty[i]!.id!), `${texty[i - 1]!.id} then ${texty[i]!.id}`).toBeLessThan(0);
    const order = c.events.filter((e) => e.event === 'message').map((e) => e.data.seq);
    expect(order).toEqual([...order].sort((x, y) => (x as number) - (y as number)));
    c.close();

    // A client that saw the queued message (seq 3) mid-way through reply 2 resumes from there.
    const list = await messages(http, a, id);
    const queuedId = c.events.find((e) => e.event === 'message' && e.data.text === 'queued behind it')!.id!;
    const resumed = openSse(id, { 'last-event-id': queuedId });
    await resumed.waitFor((e) => e.event === 'status');
    const before = c.events.slice(0, c.events.findIndex((e) => e.id === queuedId) + 1);
    const whole = assemble([...before, ...resumed.events]);
    for (const m of list) expect(whole.get(m.seq), `seq ${m.seq}`).toBe(m.message.message.text);
    resumed.close();
  });
});
