import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '../../src/fake-llm/server.js';
import { OPENAI_HEADERS, openaiChunks, openaiText, post, readSse } from './helpers.js';

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm({});
});
afterAll(() => fake.close());

const chat = (messages: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  model: 'gpt-test',
  messages,
  ...extra,
});

describe('fake-llm OpenAI chat completions', () => {
  it('streams one word per delta, finishes with stop and [DONE]', async () => {
    const res = await post(`${fake.url}/v1/chat/completions`, chat([{ role: 'user', content: 'hello big world' }], { stream: true }), OPENAI_HEADERS);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = await readSse(res);
    expect(events.at(-1)?.data).toBe('[DONE]');
    const chunks = openaiChunks(events);
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    expect(chunks.every((c) => c.object === 'chat.completion.chunk' && c.model === 'gpt-test')).toBe(true);
    const contentDeltas = chunks.flatMap((c) => c.choices).map((c) => c.delta.content).filter((c) => c);
    expect(contentDeltas).toEqual(['Echo:', ' hello', ' big', ' world']);
    expect(openaiText(events)).toBe('Echo: hello big world');
    expect(chunks.at(-1)?.choices[0].finish_reason).toBe('stop');
    expect(chunks.some((c) => 'usage' in c)).toBe(false);
  });

  it('sends a usage-only final chunk when stream_options.include_usage is set', async () => {
    const messages = [
      { role: 'system', content: 'be brief' },
      { role: 'user', content: 'one two [[fake:reply=alpha beta gamma]]' },
    ];
    const res = await post(`${fake.url}/v1/chat/completions`, chat(messages, { stream: true, stream_options: { include_usage: true } }), OPENAI_HEADERS);
    const chunks = openaiChunks(await readSse(res));
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 });
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    expect(chunks.at(-2)?.choices[0].finish_reason).toBe('stop');
  });

  it('answers non-streamed with a chat.completion object', async () => {
    const res = await post(`${fake.url}/chat/completions`, chat([{ role: 'user', content: '[[fake:words=3]]' }]), OPENAI_HEADERS);
    const body = (await res.json()) as { object: string; choices: Array<{ message: { content: string }; finish_reason: string }>; usage: { completion_tokens: number } };
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0].message.content).toBe('word1 word2 word3');
    expect(body.choices[0].finish_reason).toBe('stop');
    expect(body.usage.completion_tokens).toBe(3);
  });

  const tools = [{ type: 'function', function: { name: 'get_weather', description: 'x', parameters: { type: 'object', properties: {} } } }];

  it('streams a tool call with arguments split across chunks', async () => {
    const messages = [{ role: 'user', content: 'weather? [[fake:tool=get_weather]] [[fake:args={"city":"Paris","days":3}]]' }];
    const res = await post(`${fake.url}/v1/chat/completions`, chat(messages, { stream: true, tools }), OPENAI_HEADERS);
    const chunks = openaiChunks(await readSse(res));
    const calls = chunks.flatMap((c) => c.choices).flatMap((c) => c.delta.tool_calls ?? []);
    expect(calls[0]).toMatchObject({ index: 0, type: 'function', function: { name: 'get_weather', arguments: '' } });
    expect(calls[0].id).toMatch(/^call_/);
    const argChunks = calls.slice(1).map((c) => c.function.arguments ?? '');
    expect(argChunks.length).toBeGreaterThanOrEqual(2);
    expect(calls.slice(1).every((c) => c.id === undefined && c.index === 0)).toBe(true);
    expect(JSON.parse(argChunks.join(''))).toEqual({ city: 'Paris', days: 3 });
    expect(chunks.at(-1)?.choices[0].finish_reason).toBe('tool_calls');
  });

  it('does not call a tool the request does not offer', async () => {
    const res = await post(`${fake.url}/v1/chat/completions`, chat([{ role: 'user', content: 'hi [[fake:tool=missing]]' }], { tools }), OPENAI_HEADERS);
    const body = (await res.json()) as { choices: Array<{ message: { content: string; tool_calls?: unknown } }> };
    expect(body.choices[0].message.content).toBe('Echo: hi');
    expect(body.choices[0].message.tool_calls).toBeUndefined();
  });

  it('answers a tool result with "Tool said: …" (non-streamed tool call shape too)', async () => {
    const user = { role: 'user', content: 'weather? [[fake:tool=get_weather]] [[fake:args={"city":"Oslo"}]]' };
    const first = await post(`${fake.url}/v1/chat/completions`, chat([user], { tools }), OPENAI_HEADERS);
    const b1 = (await first.json()) as { choices: Array<{ message: { tool_calls: Array<{ id: string; function: { name: string; arguments: string } }> }; finish_reason: string }> };
    expect(b1.choices[0].finish_reason).toBe('tool_calls');
    const call = b1.choices[0].message.tool_calls[0];
    expect(JSON.parse(call.function.arguments)).toEqual({ city: 'Oslo' });

    const messages = [user, { role: 'assistant', content: null, tool_calls: [{ id: call.id, type: 'function', function: call.function }] }, { role: 'tool', tool_call_id: call.id, content: 'sunny, 21C' }];
    const res = await post(`${fake.url}/v1/chat/completions`, chat(messages, { tools, stream: true }), OPENAI_HEADERS);
    const events = await readSse(res);
    expect(openaiText(events)).toBe('Tool said: sunny, 21C');
    expect(openaiChunks(events).at(-1)?.choices[0].finish_reason).toBe('stop');
  });

  it('serves Azure deployment and Groq-style paths', async () => {
    const azure = await post(
      `${fake.url}/openai/deployments/my-dep/chat/completions?api-version=2024-10-21`,
      { messages: [{ role: 'user', content: 'az' }] },
      { 'api-key': 'k', 'content-type': 'application/json' },
    );
    const a = (await azure.json()) as { model: string; choices: Array<{ message: { content: string } }> };
    expect(a.model).toBe('my-dep');
    expect(a.choices[0].message.content).toBe('Echo: az');
    const groq = await post(`${fake.url}/openai/v1/chat/completions`, chat([{ role: 'user', content: [{ type: 'text', text: 'parts' }] }]), OPENAI_HEADERS);
    expect(((await groq.json()) as { choices: Array<{ message: { content: string } }> }).choices[0].message.content).toBe('Echo: parts');
  });

  it('rejects a missing or bad key with 401 in OpenAI shape', async () => {
    for (const headers of [{ 'content-type': 'application/json' }, { ...OPENAI_HEADERS, authorization: 'Bearer bad-key' }]) {
      const res = await post(`${fake.url}/v1/chat/completions`, chat([{ role: 'user', content: 'x' }]), headers);
      expect(res.status).toBe(401);
      const body = (await res.json()) as { error: { message: string; type: string; code: string | null } };
      expect(body.error.type).toBe('invalid_request_error');
      expect(typeof body.error.message).toBe('string');
    }
  });

  it('answers 400 in OpenAI shape for a body without messages', async () => {
    const res = await post(`${fake.url}/v1/chat/completions`, { model: 'x' }, OPENAI_HEADERS);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
  });

  it('lists models', async () => {
    const res = await fetch(`${fake.url}/v1/models`, { headers: OPENAI_HEADERS });
    const body = (await res.json()) as { object: string; data: Array<{ id: string; object: string }> };
    expect(body.object).toBe('list');
    expect(body.data[0].object).toBe('model');
  });
});
