import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm, type RecordedRequest } from '../../src/fake-llm/server.js';
import { ANTHROPIC_HEADERS, OPENAI_HEADERS, openaiText, post, readSse } from './helpers.js';

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm({});
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.clearRequests();
  fake.clearFaults();
  fake.setDefaults({ deltaDelayMs: 0, reply: null });
});

const ask = (content: string, stream = false): Promise<Response> =>
  post(`${fake.url}/v1/chat/completions`, { model: 'm', stream, messages: [{ role: 'user', content }] }, OPENAI_HEADERS);

describe('fake-llm control API', () => {
  it('reports health', async () => {
    const res = await fetch(`${fake.url}/_fake/health`);
    expect(await res.json()).toMatchObject({ ok: true, name: 'nimbus-fake-llm' });
  });

  it('records model requests without credentials and serves/clears them over HTTP', async () => {
    await (await ask('first')).text();
    await (await post(`${fake.url}/v1/messages`, { model: 'c', max_tokens: 5, messages: [{ role: 'user', content: 'second' }] }, ANTHROPIC_HEADERS)).text();
    const list = (await (await fetch(`${fake.url}/_fake/requests`)).json()) as RecordedRequest[];
    expect(list.map((r) => [r.provider, r.path, r.status, r.outcome])).toEqual([
      ['openai', '/v1/chat/completions', 200, 'completed'],
      ['anthropic', '/v1/messages', 200, 'completed'],
    ]);
    expect(list[0].body).toMatchObject({ messages: [{ content: 'first' }] });
    expect(list[0].headers.authorization).toBeUndefined();
    expect(list[1].headers['x-api-key']).toBeUndefined();
    expect(list[1].headers['anthropic-version']).toBe('2023-06-01');
    expect(typeof list[0].time).toBe('number');

    expect((await fetch(`${fake.url}/_fake/requests`, { method: 'DELETE' })).status).toBe(204);
    expect(fake.requests).toHaveLength(0);
  });

  it('queues faults posted as JSON and rejects invalid ones', async () => {
    const ok = await fetch(`${fake.url}/_fake/faults`, { method: 'POST', body: JSON.stringify({ kind: 'error', status: 429, times: 2 }) });
    expect(ok.status).toBe(201);
    expect((await ask('a')).status).toBe(429);
    expect((await ask('b')).status).toBe(429);
    expect((await ask('c')).status).toBe(200);

    const bad = await fetch(`${fake.url}/_fake/faults`, { method: 'POST', body: JSON.stringify({ kind: 'explode' }) });
    expect(bad.status).toBe(400);

    await fetch(`${fake.url}/_fake/faults`, { method: 'POST', body: JSON.stringify([{ kind: 'error', status: 500 }]) });
    expect((await fetch(`${fake.url}/_fake/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await ask('d')).status).toBe(200);
  });

  it('sets defaults over HTTP and in-process', async () => {
    const res = await fetch(`${fake.url}/_fake/defaults`, { method: 'POST', body: JSON.stringify({ reply: 'Canned answer' }) });
    expect(await res.json()).toEqual({ deltaDelayMs: 0, reply: 'Canned answer' });
    const body = (await (await ask('anything')).json()) as { choices: Array<{ message: { content: string } }> };
    expect(body.choices[0].message.content).toBe('Canned answer');
    // A directive still beats the default reply.
    const b2 = (await (await ask('[[fake:reply=mine]]')).json()) as { choices: Array<{ message: { content: string } }> };
    expect(b2.choices[0].message.content).toBe('mine');
  });

  it('paces deltas by delay and records emit times that precede client arrival', async () => {
    fake.setDefaults({ deltaDelayMs: 60 });
    const events = await readSse(await ask('[[fake:words=4]]', true));
    expect(openaiText(events)).toBe('word1 word2 word3 word4');
    const rec = fake.requests.at(-1)!;
    expect(rec.deltaTimes).toHaveLength(4);
    const gaps = rec.deltaTimes.slice(1).map((t, i) => t - rec.deltaTimes[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(55);
    // Each delta reached the client well before the next was emitted, i.e. nothing buffered it.
    const arrivals = events.filter((e) => e.data.includes('"content":"') && !e.data.includes('"content":""')).map((e) => e.at);
    expect(arrivals).toHaveLength(4);
    arrivals.forEach((at, i) => {
      expect(at - rec.deltaTimes[i]).toBeGreaterThan(-1);
      expect(at - rec.deltaTimes[i]).toBeLessThan(50);
    });
  });

  it('a delay directive overrides the default', async () => {
    const started = Date.now();
    await readSse(await ask('[[fake:words=3]] [[fake:delay=40]]', true));
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('answers unknown routes with 404', async () => {
    expect((await fetch(`${fake.url}/v2/whatever`)).status).toBe(404);
    expect((await fetch(`${fake.url}/_fake/nope`)).status).toBe(404);
  });
});
