import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnNimbus, waitReady, type Spawned } from '../support/spawn.js';
import { Http } from '../support/http.js';
import { createAccount, createAgent, createChatApp, createModel, type TestAccount } from '../support/factories.js';
import { messages, send, sessionStatus } from '../support/chat.js';
import { freshDatabase } from '../support/databases.js';
import { assemble, SseClient } from '../support/sse.js';
import { labelOwner } from '../../src/shared/process-identity.js';
import { startFakeLlm, type FakeLlm } from '../../src/fake-llm/server.js';

/**
 * Distributed mode for real: two `nimbus api` and two `nimbus worker` processes on one PostgreSQL
 * database and one Redis, as they would run behind a load balancer.
 */
const DATABASE_URL = process.env.DATABASE_URL;
const REDIS_URL = process.env.REDIS_URL;

let fake: FakeLlm;
let database: { url: string; drop(): Promise<void> };
const procs: Spawned[] = [];
let api1: Http;
let api2: Http;
const workers: Spawned[] = [];

function run(cmd: 'api' | 'worker'): Spawned {
  const p = spawnNimbus([cmd], {
    DATABASE_URL: database.url,
    REDIS_URL,
    NIMBUS_REDIS_PREFIX: 'dist',
    NIMBUS_SECRET: 'distributed-test-secret-0123456789abcdef',
    PORT: '0',
    NIMBUS_LEASE_MS: '3000',
    LOG_LEVEL: 'info',
  });
  procs.push(p);
  return p;
}

async function waitLine(p: Spawned, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(p.stdout())) {
    if (p.child.exitCode !== null) throw new Error(`exited: ${p.stderr()}${p.stdout()}`);
    if (Date.now() > deadline) throw new Error(`timeout waiting for ${pattern}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function leaseHolder(sessionId: string): Promise<string> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const r = await client.query<{ holder: string }>('select holder from session_leases where session_id = $1', [sessionId]);
    return r.rows[0]?.holder ?? '';
  } finally {
    await client.end();
  }
}

describe.skipIf(!DATABASE_URL || !REDIS_URL)('distributed mode (2 API + 2 worker processes)', () => {
  beforeAll(async () => {
    fake = await startFakeLlm({});
    database = await freshDatabase(DATABASE_URL!);
    const [a1, a2] = [run('api'), run('api')];
    workers.push(run('worker'), run('worker'));
    api1 = new Http(await waitReady(a1));
    api2 = new Http(await waitReady(a2));
    await Promise.all(workers.map((w) => waitLine(w, /nimbus worker ready/)));
  });
  afterAll(async () => {
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await Promise.all(procs.map((p) => p.exited));
    await fake?.close();
    await database?.drop();
  });

  let a: TestAccount;
  let appId: string;

  it('serves one team from any API process; a message sent to one streams to a client of the other', async () => {
    a = await createAccount(api1);
    const modelId = await createModel(api2, a, { baseUrl: `${fake.url}/v1` });
    const agentId = await createAgent(api1, a, { modelId });
    appId = await createChatApp(api2, a, { agentId });
    const session = (await api1.post<{ _id: string }>(`/${a.teamId}/forms/session/add`, { id: appId }, { token: a.token })).body._id;
    const sse = new SseClient(`${api2.baseUrl}/${a.teamId}/session/${session}/stream`, { authorization: `Bearer ${a.token}` });
    try {
      await sse.waitFor((e) => e.event === 'status');
      await send(api1, a, session, 'across processes [[fake:words=30]] [[fake:delay=10]]');
      await sse.waitFor((e) => e.event === 'complete' || (e.event === 'overwrite' && e.data.completed === true), 20_000);
      const final = (await messages(api2, a, session)).find((m) => m.kind === 'assistant')!;
      expect(assemble(sse.events).get(final.seq)).toBe(final.message.message.text);
      expect(final.message.message.text).toBe(Array.from({ length: 30 }, (_, i) => `word${i + 1}`).join(' '));
    } finally {
      sse.close();
    }
  });

  it('revokes an API key everywhere at once', async () => {
    const key = await api1.post<{ token: string; keyId: string }>('/forms/account/apikey/add', { name: 'k', expirationDays: 'never' }, { token: a.token });
    expect((await api2.get('/account.json', { token: key.body.token })).status).toBe(200); // now cached by api2
    await api1.delete(`/forms/account/apikey/${key.body.keyId}`, undefined, { token: a.token });
    await expect.poll(async () => (await api2.get('/account.json', { token: key.body.token })).status, { timeout: 2000 }).toBe(401);
  });

  it('when the worker driving a reply is killed, the other one completes it: nothing lost, nothing twice', async () => {
    const session = (await api1.post<{ _id: string }>(`/${a.teamId}/forms/session/add`, { id: appId }, { token: a.token })).body._id;
    await expect.poll(async () => (await sessionStatus(api1, a, session)).status, { timeout: 10_000 }).toBe('waiting');
    await send(api2, a, session, 'survive a worker [[fake:words=80]] [[fake:delay=25]]');
    await expect
      .poll(async () => (await messages(api1, a, session)).find((m) => m.kind === 'assistant')?.message.message.text.length ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(30);
    // Kill the worker that holds the session's lease (its holder id names its pid).
    const holder = await leaseHolder(session);
    const victim = workers.find((w) => labelOwner(holder)?.pid === w.child.pid)!;
    expect(victim).toBeDefined();
    victim.child.kill('SIGKILL');
    await victim.exited;
    await expect
      .poll(
        async () => {
          const list = await messages(api1, a, session);
          return list.some((m) => m.kind === 'assistant' && m.completed) && (await sessionStatus(api1, a, session)).status === 'waiting';
        },
        { timeout: 40_000, interval: 200 },
      )
      .toBe(true);
    const list = await messages(api1, a, session);
    expect(list.filter((m) => m.kind === 'user')).toHaveLength(1);
    const replies = list.filter((m) => m.kind === 'assistant');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.message.message.text).toBe(Array.from({ length: 80 }, (_, i) => `word${i + 1}`).join(' '));
  });
});
