import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '../../src/fake-llm/server.js';
import { ANTHROPIC_HEADERS, json, post, readSse, type SseEvent } from './helpers.js';

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm({});
});
afterAll(() => fake.close());

const tools = [{ name: 'search', description: 'x', input_schema: { type: 'object', properties: {} } }];
const req = (messages: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  model: 'claude-test',
  max_tokens: 1024,
  messages,
  ...extra,
});

function deltas(events: SseEvent[]): Array<Record<string, unknown>> {
  return events.filter((e) => e.event === 'content_block_delta').map((e) => json(e).delta as Record<string, unknown>);
}

describe('fake-llm Anthropic messages', () => {
  it('streams the documented event sequence with text deltas and usage', async () => {
    const res = await post(
      `${fake.url}/v1/messages`,
      req([{ role: 'user', content: 'hi there' }], { stream: true, system: 'sys prompt' }),
      ANTHROPIC_HEADERS,
    );
    expect(res.status).toBe(200);
    const events = await readSse(res);
    // Every SSE event name matches the `type` inside its data.
    expect(events.every((e) => e.event === json(e).type)).toBe(true);
    expect(events.map((e) => e.event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    const start = json(events[0]).message as { role: string; model: string; content: unknown[]; usage: { input_tokens: number } };
    expect(start).toMatchObject({ role: 'assistant', model: 'claude-test', content: [] });
    expect(start.usage.input_tokens).toBe(4);
    expect(json(events[1]).content_block).toEqual({ type: 'text', text: '' });
    const ds = deltas(events);
    expect(ds.every((d) => d.type === 'text_delta')).toBe(true);
    expect(ds.map((d) => d.text).join('')).toBe('Echo: hi there');
    const md = json(events[7]) as { delta: { stop_reason: string }; usage: { output_tokens: number } };
    expect(md.delta.stop_reason).toBe('end_turn');
    expect(md.usage.output_tokens).toBe(3);
  });

  it('answers non-streamed with a message object', async () => {
    const res = await post(`${fake.url}/v1/messages`, req([{ role: 'user', content: [{ type: 'text', text: '[[fake:reply=Fine thanks]]' }] }]), ANTHROPIC_HEADERS);
    const body = (await res.json()) as { type: string; content: Array<{ type: string; text: string }>; stop_reason: string; usage: { output_tokens: number } };
    expect(body.type).toBe('message');
    expect(body.content).toEqual([{ type: 'text', text: 'Fine thanks' }]);
    expect(body.stop_reason).toBe('end_turn');
    expect(body.usage.output_tokens).toBe(2);
  });

  it('streams tool_use with input_json_delta chunks and stop_reason tool_use', async () => {
    const user = { role: 'user', content: 'find [[fake:tool=search]] [[fake:args={"q":"cats","n":2}]]' };
    const res = await post(`${fake.url}/v1/messages`, req([user], { stream: true, tools }), ANTHROPIC_HEADERS);
    const events = await readSse(res);
    const block = json(events[1]).content_block as { type: string; id: string; name: string; input: unknown };
    expect(block).toMatchObject({ type: 'tool_use', name: 'search', input: {} });
    expect(block.id).toMatch(/^toolu_/);
    const ds = deltas(events);
    expect(ds.length).toBeGreaterThanOrEqual(2);
    expect(ds.every((d) => d.type === 'input_json_delta')).toBe(true);
    expect(JSON.parse(ds.map((d) => d.partial_json).join(''))).toEqual({ q: 'cats', n: 2 });
    const md = events.find((e) => e.event === 'message_delta');
    expect(md && (json(md).delta as { stop_reason: string }).stop_reason).toBe('tool_use');

    const followUp = [
      user,
      { role: 'assistant', content: [{ type: 'tool_use', id: block.id, name: 'search', input: { q: 'cats', n: 2 } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: block.id, content: [{ type: 'text', text: '3 cats found' }] }] },
    ];
    const res2 = await post(`${fake.url}/v1/messages`, req(followUp, { tools }), ANTHROPIC_HEADERS);
    const body = (await res2.json()) as { content: Array<{ text: string }>; stop_reason: string };
    expect(body.content[0].text).toBe('Tool said: 3 cats found');
    expect(body.stop_reason).toBe('end_turn');
  });

  it('answers non-streamed tool use with parsed input', async () => {
    const res = await post(`${fake.url}/v1/messages`, req([{ role: 'user', content: '[[fake:tool=search]][[fake:args={"q":1}]]' }], { tools }), ANTHROPIC_HEADERS);
    const body = (await res.json()) as { content: Array<{ type: string; input: unknown }>; stop_reason: string };
    expect(body.content[0]).toMatchObject({ type: 'tool_use', input: { q: 1 } });
    expect(body.stop_reason).toBe('tool_use');
  });

  it('401 in Anthropic shape without x-api-key, with bad-key, or without anthropic-version', async () => {
    const variants: Array<Record<string, string>> = [
      { 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      { ...ANTHROPIC_HEADERS, 'x-api-key': 'bad-key' },
      { 'x-api-key': 'k', 'content-type': 'application/json' },
    ];
    for (const headers of variants) {
      const res = await post(`${fake.url}/v1/messages`, req([{ role: 'user', content: 'x' }]), headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
    }
  });

  it('400 invalid_request_error without max_tokens', async () => {
    const res = await post(`${fake.url}/v1/messages`, { model: 'm', messages: [] }, ANTHROPIC_HEADERS);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
  });

  it('lists models in Anthropic shape when anthropic-version is sent', async () => {
    const res = await fetch(`${fake.url}/v1/models`, { headers: ANTHROPIC_HEADERS });
    expect(await res.json()).toMatchObject({ data: [{ type: 'model' }], has_more: false });
  });
});
