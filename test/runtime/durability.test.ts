import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnNimbus, waitReady, type Spawned } from '../support/spawn.js';
import { templateDir, TMP_ROOT } from '../support/paths.js';
import { Http } from '../support/http.js';
import { createAccount, createAgent, createChatApp, createModel, type TestAccount } from '../support/factories.js';
import { messages, send, sessionStatus } from '../support/chat.js';
import { freshDatabase } from '../support/databases.js';
import { startFakeLlm, type FakeLlm } from '../../src/fake-llm/server.js';

let fake: FakeLlm;
let dir: string;
let database: { url: string; drop(): Promise<void> } | null = null;
const procs: Spawned[] = [];

beforeAll(async () => {
  fake = await startFakeLlm({});
  dir = mkdtempSync(join(TMP_ROOT, 'crash-'));
  if (process.env.DATABASE_URL) database = await freshDatabase(process.env.DATABASE_URL);
  else cpSync(join(templateDir(), 'pg'), join(dir, 'pg'), { recursive: true });
});
afterAll(async () => {
  for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await fake?.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

function start(): Spawned {
  const p = spawnNimbus(['start'], {
    NIMBUS_DATA_DIR: dir,
    PORT: '0',
    LOG_LEVEL: 'info',
    // Far longer than the test: on PostgreSQL the restart must know the dead process's leases
    // are free (same machine, process gone), not wait for them to expire.
    NIMBUS_LEASE_MS: '600000',
    DATABASE_URL: database?.url,
    REDIS_URL: process.env.REDIS_URL,
    NIMBUS_REDIS_PREFIX: 'durability',
    NIMBUS_SECRET: 'durability-test-secret-0123456789abcdef',
  });
  procs.push(p);
  return p;
}

describe('kill -9 during a streamed reply', () => {
  it('completes the interrupted turn after restart: the user message kept, the reply stored once', async () => {
    const first = start();
    let http = new Http(await waitReady(first));
    const a: TestAccount = await createAccount(http);
    const modelId = await createModel(http, a, { baseUrl: `${fake.url}/v1` });
    const agentId = await createAgent(http, a, { modelId });
    const appId = await createChatApp(http, a, { agentId });
    const session = (await http.post<{ _id: string }>(`/${a.teamId}/forms/session/add`, { id: appId }, { token: a.token })).body._id;
    await send(http, a, session, 'a question before the crash');
    await expect.poll(async () => (await messages(http, a, session)).filter((m) => m.kind === 'assistant' && m.completed).length, { timeout: 15_000 }).toBe(1);

    const words = 120;
    await send(http, a, session, `tell me a long story [[fake:words=${words}]] [[fake:delay=25]]`);
    // Mid-stream: part of the reply is already stored.
    await expect
      .poll(async () => (await messages(http, a, session)).filter((m) => m.kind === 'assistant').at(-1)?.message.message.text.split(' ').length ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(20);
    first.child.kill('SIGKILL');
    await first.exited;

    const t0 = Date.now();
    const second = start();
    http = new Http(await waitReady(second));
    await expect
      .poll(
        async () => {
          const list = await messages(http, a, session);
          return list.filter((m) => m.kind === 'assistant' && m.completed).length === 2 && (await sessionStatus(http, a, session)).status === 'waiting';
        },
        { timeout: 30_000, interval: 100 },
      )
      .toBe(true);
    const recoveredInMs = Date.now() - t0;

    const list = await messages(http, a, session);
    const users = list.filter((m) => m.kind === 'user').map((m) => m.message.message.text);
    expect(users).toEqual(['a question before the crash', `tell me a long story [[fake:words=${words}]] [[fake:delay=25]]`]);
    const replies = list.filter((m) => m.kind === 'assistant');
    expect(replies).toHaveLength(2);
    expect(replies[1]!.message.message.text).toBe(Array.from({ length: words }, (_, i) => `word${i + 1}`).join(' '));
    // The interrupted reply was restarted in the same message (a new revision), not stored twice.
    expect(replies[1]!.rev).toBeGreaterThanOrEqual(1);
    expect(new Set(list.map((m) => m.seq)).size).toBe(list.length);
    // The model saw the first exchange once, in full, when the turn was redone.
    const retried = fake.requests.at(-1)!.body as { messages: { role: string; content: string }[] };
    expect(retried.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(retried.messages[2]!.content).toBe('Echo: a question before the crash');
    console.log(`recovered and completed the interrupted turn ${recoveredInMs} ms after restart`);
    second.child.kill('SIGTERM');
    await second.exited;
  });
});
