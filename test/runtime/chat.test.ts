import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http } from '../support/http.js';
import { createAccount, type TestAccount } from '../support/factories.js';
import { seedChatApp } from '../support/seed.js';
import { messages, send, sessionStatus, waitForReplies } from '../support/chat.js';
import { startFakeLlm, type FakeLlm } from '../../src/fake-llm/server.js';
import { agents } from '../../src/db/schema.js';
import { eq } from 'drizzle-orm';

let server: TestServer;
let http: Http;
let fake: FakeLlm;
let a: TestAccount;
let appId: string;
let agentId: string;

beforeAll(async () => {
  fake = await startFakeLlm({});
  server = await startTestServer({ NIMBUS_LLM_RETRY_BASE_MS: '10', NIMBUS_LLM_STALL_MS: '1000', NIMBUS_LLM_TIMEOUT_MS: '2000' });
  http = new Http(server.url);
  a = await createAccount(http);
  ({ appId, agentId } = await seedChatApp(server.ctx, a, { baseUrl: `${fake.url}/v1` }));
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});
beforeEach(() => {
  fake.clearRequests();
  fake.clearFaults();
});

async function newSession(): Promise<string> {
  const res = await http.post<{ _id: string }>(`/${a.teamId}/forms/session/add`, { id: appId }, { token: a.token });
  expect(res.status).toBe(302);
  return res.body._id;
}

describe('a chat turn', () => {
  it('waits for the user after creation, then answers a message with the model’s streamed reply', async () => {
    const id = await newSession();
    await expect.poll(async () => (await sessionStatus(http, a, id)).status).toBe('waiting');
    await send(http, a, id, 'hello there');
    const list = await waitForReplies(http, a, id, 1);
    expect(list.map((m) => [m.kind, m.message.message.text])).toEqual([
      ['user', 'hello there'],
      ['assistant', 'Echo: hello there'],
    ]);
    const reply = list[1]!;
    expect(reply.authorName).toBe('Helper');
    expect(reply.completed).toBe(true);
    expect(reply.message.incoming).toBe(false);
    const s = await sessionStatus(http, a, id);
    expect(s.status).toBe('waiting');
    // Real provider usage: the fake reports prompt words + one token per delta.
    const req = fake.requests.at(-1)!;
    expect(req.stream).toBe(true);
    expect(s.tokensUsed).toBeGreaterThan(3);
  });

  it('rebuilds the whole history for the second turn, each reply in full and once', async () => {
    const id = await newSession();
    await send(http, a, id, 'first question');
    await waitForReplies(http, a, id, 1);
    await send(http, a, id, 'second question');
    await waitForReplies(http, a, id, 2);
    const body = fake.requests.at(-1)!.body as { messages: { role: string; content: string }[] };
    expect(body.messages).toEqual([
      { role: 'system', content: 'Assistant\nHelp\nKnows things' },
      { role: 'user', content: 'first question' },
      { role: 'assistant', content: 'Echo: first question' },
      { role: 'user', content: 'second question' },
    ]);
  });

  it('sums the provider’s reported usage into tokensUsed', async () => {
    const id = await newSession();
    await send(http, a, id, 'one two three');
    await waitForReplies(http, a, id, 1);
    const first = (await sessionStatus(http, a, id)).tokensUsed;
    // prompt: system (4 words) + user (3 words) = 7; completion: "Echo: one two three" = 4 deltas.
    expect(first).toBe(11);
    await send(http, a, id, 'four');
    await waitForReplies(http, a, id, 2);
    // prompt: 4 + 3 + 4 + 1 = 12; completion 2.
    expect((await sessionStatus(http, a, id)).tokensUsed).toBe(11 + 14);
  });

  it('answers messages sent while a reply streams in order, none lost', async () => {
    const id = await newSession();
    await send(http, a, id, 'slow [[fake:words=30]] [[fake:delay=10]]');
    await send(http, a, id, 'queued one');
    await send(http, a, id, 'queued two');
    const list = await waitForReplies(http, a, id, 3);
    const users = list.filter((m) => m.kind === 'user').map((m) => m.message.message.text);
    expect(users).toEqual(['slow [[fake:words=30]] [[fake:delay=10]]', 'queued one', 'queued two']);
    const replies = list.filter((m) => m.kind === 'assistant').map((m) => m.message.message.text);
    expect(replies[0]).toMatch(/^word1 word2 .* word30$/);
    expect(replies.slice(1)).toEqual(['Echo: queued one', 'Echo: queued two']);
    expect(fake.requests).toHaveLength(3);
  });

  it('runs a tool call through the tool loop and shows Using tool / Finished using tool', async () => {
    await server.ctx.db.update(agents).set({ toolIds: ['000000000000000000000b02'] }).where(eq(agents.id, agentId));
    try {
      const id = await newSession();
      await send(http, a, id, 'compute [[fake:tool=calculator]] [[fake:args={"expression":"6*7"}]]');
      const list = await waitForReplies(http, a, id, 1);
      const tool = list.find((m) => m.kind === 'tool')!;
      expect(tool.message.message.text).toBe('Finished using tool: Calculator');
      expect(tool.message.message.displayType).toBe('inline');
      const reply = list.find((m) => m.kind === 'assistant')!;
      expect(reply.message.message.text).toBe('Tool said: 6*7 = 42');
      expect(fake.requests).toHaveLength(2);
      const first = fake.requests[0]!.body as { tools: { function: { name: string } }[] };
      expect(first.tools.map((t) => t.function.name)).toEqual(['calculator']);
    } finally {
      await server.ctx.db.update(agents).set({ toolIds: [] }).where(eq(agents.id, agentId));
    }
  });
});

describe('provider faults', () => {
  it.each([
    ['429 with retry-after', '[[fake:error=429,times=2]]'],
    ['500', '[[fake:error=500,times=1]]'],
    ['a dropped connection', '[[fake:drop=2,times=1]]'],
    ['a stalled stream', '[[fake:stall=1,times=1]]'],
    ['a malformed stream', '[[fake:malformed=1,times=1]]'],
  ])('retries %s and then answers', async (_name, directive) => {
    const id = await newSession();
    await send(http, a, id, `retry me ${directive}`);
    const list = await waitForReplies(http, a, id, 1, 30_000);
    const replies = list.filter((m) => m.kind !== 'user');
    expect(replies.map((m) => [m.kind, m.message.message.text])).toEqual([['assistant', 'Echo: retry me']]);
    expect((await sessionStatus(http, a, id)).status).toBe('waiting');
  });

  it('after the last try shows a readable error, and the session takes the next message', async () => {
    const id = await newSession();
    await send(http, a, id, 'doomed [[fake:error=503]]');
    const list = await waitForReplies(http, a, id, 1, 30_000);
    const err = list.find((m) => m.kind === 'error')!;
    expect(err.message.message.text).toMatch(/^⛔ The model provider failed \(503\)\. Tried 4 times\.$/);
    const s = await sessionStatus(http, a, id);
    expect(s.status).toBe('error');
    expect(s.error).toMatch(/503/);
    await send(http, a, id, 'and now?');
    const after = await waitForReplies(http, a, id, 2);
    expect(after.at(-1)!.message.message.text).toBe('Echo: and now?');
    expect((await sessionStatus(http, a, id)).status).toBe('waiting');
  });

  it('does not retry a refused key (401)', async () => {
    const id = await newSession();
    await send(http, a, id, 'no entry [[fake:error=401]]');
    const list = await waitForReplies(http, a, id, 1);
    expect(list.find((m) => m.kind === 'error')!.message.message.text).toMatch(/refused the credentials \(401\)/);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('stop', () => {
  it('cancel stops a streaming reply within a chunk, keeps what was said, and stays terminated', async () => {
    const id = await newSession();
    await send(http, a, id, 'long [[fake:words=400]] [[fake:delay=20]]');
    await expect.poll(async () => (await messages(http, a, id)).find((m) => m.kind === 'assistant')?.message.message.text.length ?? 0).toBeGreaterThan(20);
    const res = await http.post(`/${a.teamId}/forms/session/${id}/cancel`, {}, { token: a.token });
    expect(res.status).toBe(200);
    await expect.poll(() => fake.requests.at(-1)?.outcome).toBe('client-aborted');
    await new Promise((r) => setTimeout(r, 200));
    const list = await messages(http, a, id);
    const reply = list.find((m) => m.kind === 'assistant')!;
    expect(reply.completed).toBe(true);
    expect(reply.message.message.text).toMatch(/^word1 word2/);
    expect(reply.message.message.text.split(' ').length).toBeLessThan(400);
    expect(list.at(-1)!.message.message.text).toBe('🛑 Stopped generating.');
    expect((await sessionStatus(http, a, id)).status).toBe('terminated');
    const refused = await http.post(`/${a.teamId}/session/${id}/send-message`, { messageText: 'still there?' }, { token: a.token });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('This session was stopped: start it again to continue');
    // Starting again is explicit, and then the session talks again.
    await http.post(`/${a.teamId}/forms/session/${id}/start`, {}, { token: a.token });
    await send(http, a, id, 'back');
    const after = await waitForReplies(http, a, id, 2);
    expect(after.at(-1)!.message.message.text).toBe('Echo: back');
  });
});

describe('send-message', () => {
  it('validates, is team-scoped, and refuses unknown sessions', async () => {
    const id = await newSession();
    const b = await createAccount(http);
    expect((await http.post(`/${a.teamId}/session/${id}/send-message`, {}, { token: a.token })).body.error).toBe('Message Text is empty');
    expect((await http.post(`/${a.teamId}/session/${id}/send-message`, { messageText: 'x' })).status).toBe(401);
    expect((await http.post(`/${a.teamId}/session/${id}/send-message`, { messageText: 'x' }, { token: b.token })).status).toBe(403);
    expect((await http.post(`/${b.teamId}/session/${id}/send-message`, { messageText: 'x' }, { token: b.token })).status).toBe(404);
    expect((await http.post(`/${a.teamId}/session/aaaaaaaaaaaaaaaaaaaaaaaa/send-message`, { messageText: 'x' }, { token: a.token })).status).toBe(404);
  });
});
