/** Anthropic Messages API wire format. */

import { isRecord } from './http.js';
import type { Conversation, ProviderFormat, ReplyIds, ReplyPlan, StreamScript } from './types.js';

function blockTexts(content: unknown, type: string): string[] {
  if (typeof content === 'string') return type === 'text' ? [content] : [];
  if (!Array.isArray(content)) return [];
  return content.filter(isRecord).flatMap((b) => (b.type === type && typeof b.text === 'string' ? [b.text] : []));
}

function toolResultText(block: Record<string, unknown>): string {
  const c = block.content;
  if (typeof c === 'string') return c;
  return blockTexts(c, 'text').join('');
}

function normalize(body: unknown): Conversation | { invalid: string } {
  if (!isRecord(body)) return { invalid: 'Invalid JSON body.' };
  if (typeof body.model !== 'string') return { invalid: 'model: Field required' };
  if (!Array.isArray(body.messages)) return { invalid: 'messages: Field required' };
  if (typeof body.max_tokens !== 'number') return { invalid: 'max_tokens: Field required' };

  const texts = [...blockTexts(body.system, 'text')];
  const userTexts: string[] = [];
  let trailing: string[] | null = null;
  for (const m of body.messages) {
    if (!isRecord(m)) return { invalid: 'messages: Input should be a valid list of objects' };
    const own = blockTexts(m.content, 'text');
    const results = Array.isArray(m.content)
      ? m.content.filter(isRecord).filter((b) => b.type === 'tool_result').map(toolResultText)
      : [];
    texts.push(...own, ...results);
    // Tool results travel inside a user message; such a message is a tool turn, not the user speaking.
    trailing = m.role === 'user' && results.length > 0 ? results : null;
    if (m.role === 'user' && own.length > 0) userTexts.push(own.join('\n'));
  }

  const toolNames = (Array.isArray(body.tools) ? body.tools : []).flatMap((t) =>
    isRecord(t) && typeof t.name === 'string' ? [t.name] : [],
  );
  return { model: body.model, stream: body.stream === true, texts, userTexts, toolNames, trailingToolResults: trailing };
}

const errorTypes: Record<number, { type: string; message: string }> = {
  400: { type: 'invalid_request_error', message: 'Invalid request (fake-llm).' },
  401: { type: 'authentication_error', message: 'invalid x-api-key' },
  403: { type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.' },
  404: { type: 'not_found_error', message: 'The requested resource could not be found.' },
  413: { type: 'request_too_large', message: 'Request exceeds the maximum allowed number of bytes.' },
  429: { type: 'rate_limit_error', message: 'Number of requests has exceeded your rate limit (fake-llm).' },
  500: { type: 'api_error', message: 'Internal server error (fake-llm).' },
  529: { type: 'overloaded_error', message: 'Overloaded' },
};

function errorBody(status: number, message?: string): unknown {
  const known = errorTypes[status] ?? (status >= 500 ? errorTypes[500] : errorTypes[400]);
  return { type: 'error', error: { type: known.type, message: message ?? known.message } };
}

const event = (data: { type: string } & Record<string, unknown>): string =>
  `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;

function stopReason(plan: ReplyPlan): string {
  return plan.content.kind === 'text' ? 'end_turn' : 'tool_use';
}

function message(plan: ReplyPlan, conv: Conversation, ids: ReplyIds, content: unknown[], outputTokens: number, stop: string | null): Record<string, unknown> {
  return {
    id: `msg_fake${ids.seq}`,
    type: 'message',
    role: 'assistant',
    model: conv.model,
    content,
    stop_reason: stop,
    stop_sequence: null,
    usage: { input_tokens: plan.promptTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: outputTokens },
  };
}

function streamScript(plan: ReplyPlan, conv: Conversation, ids: ReplyIds): StreamScript {
  const c = plan.content;
  const block =
    c.kind === 'text' ? { type: 'text', text: '' } : { type: 'tool_use', id: `toolu_fake${ids.seq}`, name: c.name, input: {} };
  // The real API reports output_tokens: 1 at message_start and the total in message_delta.
  const head =
    event({ type: 'message_start', message: message(plan, conv, ids, [], 1, null) }) +
    event({ type: 'content_block_start', index: 0, content_block: block }) +
    event({ type: 'ping' });
  const deltas =
    c.kind === 'text'
      ? c.deltas.map((text) => event({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }))
      : c.chunks.map((partial_json) =>
          event({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json } }),
        );
  const tail =
    event({ type: 'content_block_stop', index: 0 }) +
    event({
      type: 'message_delta',
      delta: { stop_reason: stopReason(plan), stop_sequence: null },
      usage: { output_tokens: plan.completionTokens },
    }) +
    event({ type: 'message_stop' });
  return {
    contentType: 'text/event-stream; charset=utf-8',
    head,
    deltas,
    tail,
    malformed: 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":\n\n',
    streamError: event({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }),
  };
}

function fullBody(plan: ReplyPlan, conv: Conversation, ids: ReplyIds): unknown {
  const c = plan.content;
  const content =
    c.kind === 'text'
      ? [{ type: 'text', text: c.text }]
      : [{ type: 'tool_use', id: `toolu_fake${ids.seq}`, name: c.name, input: c.args }];
  return message(plan, conv, ids, content, plan.completionTokens, stopReason(plan));
}

export const anthropicFormat: ProviderFormat = {
  provider: 'anthropic',
  normalize,
  streamScript,
  fullBody,
  errorBody,
};

export function anthropicModelList(models: readonly string[]): unknown {
  const data = models.map((id) => ({ type: 'model', id, display_name: `${id} (fake)`, created_at: '2025-01-01T00:00:00Z' }));
  return { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null };
}
