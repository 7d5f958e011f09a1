import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '../../src/fake-llm/server.js';
import {
  ANTHROPIC_HEADERS,
  GEMINI_HEADERS,
  OPENAI_HEADERS,
  json,
  openaiChunks,
  openaiText,
  post,
  readSse,
  readUntilEnd,
  unique,
} from './helpers.js';

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm({});
});
afterAll(() => fake.close());
afterEach(() => fake.clearFaults());

const openai = (content: string, stream = true): Promise<Response> =>
  post(`${fake.url}/v1/chat/completions`, { model: 'm', stream, messages: [{ role: 'user', content }] }, OPENAI_HEADERS);
const anthropic = (content: string, stream = true): Promise<Response> =>
  post(`${fake.url}/v1/messages`, { model: 'm', max_tokens: 10, stream, messages: [{ role: 'user', content }] }, ANTHROPIC_HEADERS);
const gemini = (content: string, stream = true): Promise<Response> =>
  post(
    `${fake.url}/v1beta/models/g:${stream ? 'streamGenerateContent?alt=sse' : 'generateContent'}`,
    { contents: [{ role: 'user', parts: [{ text: content }] }] },
    GEMINI_HEADERS,
  );

describe('fake-llm error faults', () => {
  it.each([400, 401, 429, 500, 503])('error=%i in each provider shape', async (status) => {
    const o = await openai(`x [[fake:error=${status}]]`);
    expect(o.status).toBe(status);
    expect(await o.json()).toMatchObject({ error: { message: expect.any(String), type: expect.any(String) } });

    const a = await anthropic(`x [[fake:error=${status}]]`);
    expect(a.status).toBe(status);
    expect(await a.json()).toMatchObject({ type: 'error', error: { type: expect.any(String), message: expect.any(String) } });

    const g = await gemini(`x [[fake:error=${status}]]`);
    expect(g.status).toBe(status);
    expect(await g.json()).toMatchObject({ error: { code: status, status: expect.any(String), message: expect.any(String) } });
  });

  it('429 carries retry-after (and retry-after-ms for OpenAI) and provider error types', async () => {
    const o = await openai('[[fake:error=429]]');
    expect(o.headers.get('retry-after')).toBe('1');
    expect(o.headers.get('retry-after-ms')).toBe('1000');
    expect(await o.json()).toMatchObject({ error: { code: 'rate_limit_exceeded' } });
    const a = await anthropic('[[fake:error=429]]');
    expect(a.headers.get('retry-after')).toBe('1');
    expect(await a.json()).toMatchObject({ error: { type: 'rate_limit_error' } });
    const g = await gemini('[[fake:error=429]]');
    expect(g.headers.get('retry-after')).toBe('1');
    expect(await g.json()).toMatchObject({ error: { status: 'RESOURCE_EXHAUSTED', details: [{ retryDelay: '1s' }] } });
  });

  it('times=2 fails the first two requests of a conversation, then answers', async () => {
    const first = unique('retry me');
    const msg = `${first} [[fake:error=503,times=2]]`;
    expect((await openai(msg, false)).status).toBe(503);
    expect((await openai(msg, false)).status).toBe(503);
    const ok = await openai(msg, false);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ choices: [{ message: { content: `Echo: ${first}` } }] });
    // A different conversation (other first message) has its own counter.
    expect((await openai(`${unique('other')} [[fake:error=503,times=2]]`, false)).status).toBe(503);
  });

  it('times counts by first user message, so later turns of the same conversation share it', async () => {
    const first = unique('first turn');
    const directive = '[[fake:error=429,times=1]]';
    const body = (last: string): Record<string, unknown> => ({
      model: 'm',
      messages: [
        { role: 'user', content: first },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: last },
      ],
    });
    expect((await post(`${fake.url}/v1/chat/completions`, body(`a ${directive}`), OPENAI_HEADERS)).status).toBe(429);
    expect((await post(`${fake.url}/v1/chat/completions`, body(`b ${directive}`), OPENAI_HEADERS)).status).toBe(200);
  });

  it('chains faults: the first still-armed one wins', async () => {
    const msg = `${unique('chain')} [[fake:error=429,times=1]] [[fake:error=500,times=1]]`;
    expect((await anthropic(msg, false)).status).toBe(429);
    expect((await anthropic(msg, false)).status).toBe(500);
    expect((await anthropic(msg, false)).status).toBe(200);
  });
});

describe('fake-llm stream faults', () => {
  it('drop=N sends N deltas then breaks the connection', async () => {
    const res = await openai('[[fake:words=10]] [[fake:drop=3]]');
    expect(res.status).toBe(200);
    const { text, error } = await readUntilEnd(res);
    expect(error).toBeTruthy();
    expect(text).not.toContain('[DONE]');
    expect(text.match(/"content":"[^"]+"/g)).toEqual(['"content":"word1"', '"content":" word2"', '"content":" word3"']);
    await expect.poll(() => fake.requests.at(-1)?.outcome).toBe('dropped');
    expect(fake.requests.at(-1)?.deltaTimes).toHaveLength(3);
  });

  it('drop without a stream (non-streamed request) resets the connection', async () => {
    await expect(openai('[[fake:drop=0]]', false).then((r) => r.text())).rejects.toThrow();
  });

  it('stall=N sends N deltas then goes silent until the client gives up', async () => {
    const ctrl = new AbortController();
    const res = await post(
      `${fake.url}/v1/messages`,
      { model: 'm', max_tokens: 10, stream: true, messages: [{ role: 'user', content: '[[fake:words=10]] [[fake:stall=2]]' }] },
      ANTHROPIC_HEADERS,
      ctrl.signal,
    );
    const seen: string[] = [];
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const timer = setTimeout(() => ctrl.abort(), 300);
    const started = Date.now();
    await expect(
      (async () => {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          seen.push(decoder.decode(value));
        }
      })(),
    ).rejects.toThrow();
    clearTimeout(timer);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    const all = seen.join('');
    expect(all.match(/"text_delta"/g)).toHaveLength(2);
    expect(all).not.toContain('message_stop');
    await expect.poll(() => fake.requests.at(-1)?.outcome).toBe('stalled');
  });

  it('malformed=N puts a line of invalid JSON after N deltas', async () => {
    const res = await openai('[[fake:words=4]] [[fake:malformed=2]]');
    const events = await readSse(res);
    const bad = events.findIndex((e) => {
      try {
        JSON.parse(e.data);
        return false;
      } catch {
        return e.data !== '[DONE]';
      }
    });
    expect(bad).toBeGreaterThan(0);
    // Two content deltas, then the broken line, then the rest of the stream as normal.
    const before = openaiText(events.slice(0, bad));
    expect(before).toBe('word1 word2');
    expect(openaiText(events.slice(bad + 1))).toBe(' word3 word4');
    expect(events.at(-1)?.data).toBe('[DONE]');
  });

  it('malformed on a non-streamed request sends truncated JSON', async () => {
    const res = await gemini('[[fake:malformed]]', false);
    expect(res.status).toBe(200);
    await expect(res.clone().json()).rejects.toThrow();
  });

  it('streamerror=N emits the provider in-stream error event', async () => {
    const a = await readSse(await anthropic('[[fake:words=5]] [[fake:streamerror=1]]'));
    const last = a.at(-1)!;
    expect(last.event).toBe('error');
    expect(json(last)).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    expect(a.filter((e) => e.event === 'content_block_delta')).toHaveLength(1);

    const o = await readSse(await openai('[[fake:streamerror=2]] [[fake:words=5]]'));
    expect(json(o.at(-1)!)).toMatchObject({ error: { type: 'server_error' } });
    const g = await readSse(await gemini('[[fake:streamerror=0]]'));
    expect(g).toHaveLength(1);
    expect(json(g[0])).toMatchObject({ error: { code: 503, status: 'UNAVAILABLE' } });
  });

  it('stream fault with times=1 hits once, then the stream completes', async () => {
    const msg = `${unique('flaky')} [[fake:words=3]] [[fake:drop=1,times=1]]`;
    expect((await readUntilEnd(await openai(msg))).error).toBeTruthy();
    const events = await readSse(await openai(msg));
    expect(openaiText(events)).toBe('word1 word2 word3');
  });
});

describe('fake-llm enqueueFault', () => {
  it('hits the next request regardless of content, `times` requests in a row', async () => {
    fake.enqueueFault({ kind: 'error', status: 500, times: 2 });
    expect((await openai('plain', false)).status).toBe(500);
    expect((await anthropic('plain', false)).status).toBe(500);
    expect((await gemini('plain', false)).status).toBe(200);
  });

  it('can target one provider and inject stream faults', async () => {
    fake.enqueueFault({ kind: 'drop', after: 1, provider: 'gemini' });
    expect((await openai('plain', false)).status).toBe(200);
    const { error } = await readUntilEnd(await gemini('[[fake:words=5]]'));
    expect(error).toBeTruthy();
    expect(fake.requests.at(-1)?.fault).toBe('queued drop=1');
  });

  it('wins over a directive in the message', async () => {
    fake.enqueueFault({ kind: 'error', status: 400 });
    expect((await openai('[[fake:error=503]]', false)).status).toBe(400);
  });

  it('stall is released when the fake closes', async () => {
    const other = await startFakeLlm({});
    other.enqueueFault({ kind: 'stall', after: 0 });
    const pending = post(`${other.url}/v1/chat/completions`, { model: 'm', messages: [{ role: 'user', content: 'x' }] }, OPENAI_HEADERS).then(
      (r) => r.text(),
    );
    await expect.poll(() => other.requests.length).toBe(1);
    await other.close();
    await expect(pending).rejects.toThrow();
  });
});

describe('fake-llm stream bookkeeping', () => {
  it('stops emitting once the client aborts', async () => {
    const ctrl = new AbortController();
    const res = await post(
      `${fake.url}/v1/chat/completions`,
      { model: 'm', stream: true, messages: [{ role: 'user', content: '[[fake:words=200]] [[fake:delay=10]]' }] },
      OPENAI_HEADERS,
      ctrl.signal,
    );
    const reader = res.body!.getReader();
    await reader.read();
    ctrl.abort();
    await expect.poll(() => fake.requests.at(-1)?.outcome).toBe('client-aborted');
    const emitted = fake.requests.at(-1)?.deltaTimes.length ?? 0;
    expect(emitted).toBeLessThan(50);
  });

  it('OpenAI tool call survives a drop only as a partial stream', async () => {
    const body = {
      model: 'm',
      stream: true,
      tools: [{ type: 'function', function: { name: 't', parameters: {} } }],
      messages: [{ role: 'user', content: '[[fake:tool=t]] [[fake:args={"k":"vvvvvv"}]] [[fake:drop=1]]' }],
    };
    const { text, error } = await readUntilEnd(await post(`${fake.url}/v1/chat/completions`, body, OPENAI_HEADERS));
    expect(error).toBeTruthy();
    expect(text).toContain('"name":"t"');
    expect(text).not.toContain('tool_calls"}');
    const chunks = openaiChunks(
      text
        .split('\n\n')
        .filter((b) => b.startsWith('data: '))
        .map((b) => ({ event: null, data: b.slice(6), at: 0 })),
    );
    expect(chunks.every((c) => c.choices[0].finish_reason === null)).toBe(true);
  });
});
