/**
 * OpenAI Chat Completions wire format (also served for Azure, Groq and other
 * OpenAI-compatible bases).
 */

import { isRecord } from './http.js';
import type { Conversation, ProviderFormat, ReplyIds, ReplyPlan, StreamScript } from './types.js';

/** Text of a string or `[{type:'text', text}]` content; other parts (images, audio) carry no text. */
function contentText(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  const texts = content.filter(isRecord).flatMap((p) => (p.type === 'text' && typeof p.text === 'string' ? [p.text] : []));
  return texts.length > 0 ? texts.join('') : null;
}

function normalize(body: unknown, model: string | null): Conversation | { invalid: string } {
  if (!isRecord(body)) return { invalid: 'We could not parse the JSON body of your request.' };
  if (!Array.isArray(body.messages)) return { invalid: "Missing required parameter: 'messages'." };
  const bodyModel = typeof body.model === 'string' ? body.model : null;
  if (bodyModel === null && model === null) return { invalid: "Missing required parameter: 'model'." };

  const texts: string[] = [];
  const userTexts: string[] = [];
  let trailing: string[] | null = null;
  for (const m of body.messages) {
    if (!isRecord(m)) return { invalid: "Invalid type for 'messages': expected an array of objects." };
    const t = contentText(m.content);
    if (t !== null) texts.push(t);
    if (m.role === 'tool') {
      trailing = [...(trailing ?? []), t ?? ''];
      continue;
    }
    trailing = null;
    if (m.role === 'user' && t !== null) userTexts.push(t);
  }

  const toolNames = (Array.isArray(body.tools) ? body.tools : []).flatMap((t) =>
    isRecord(t) && isRecord(t.function) && typeof t.function.name === 'string' ? [t.function.name] : [],
  );
  return { model: bodyModel ?? model ?? '', stream: body.stream === true, texts, userTexts, toolNames, trailingToolResults: trailing };
}

function usage(plan: ReplyPlan): Record<string, unknown> {
  return {
    prompt_tokens: plan.promptTokens,
    completion_tokens: plan.completionTokens,
    total_tokens: plan.promptTokens + plan.completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

const errorTypes: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request (fake-llm).' },
  401: { type: 'invalid_request_error', code: 'invalid_api_key', message: 'Incorrect API key provided.' },
  403: { type: 'invalid_request_error', code: 'unsupported_country_region_territory', message: 'Forbidden (fake-llm).' },
  404: { type: 'invalid_request_error', code: 'model_not_found', message: 'The model does not exist (fake-llm).' },
  429: { type: 'requests', code: 'rate_limit_exceeded', message: 'Rate limit reached for requests (fake-llm).' },
  500: { type: 'server_error', code: null, message: 'The server had an error while processing your request. Sorry about that! (fake-llm)' },
  503: { type: 'server_error', code: null, message: 'The engine is currently overloaded, please try again later. (fake-llm)' },
};

function errorBody(status: number, message?: string): unknown {
  const known = errorTypes[status] ?? (status >= 500 ? errorTypes[500] : errorTypes[400]);
  return { error: { message: message ?? known.message, type: known.type, param: null, code: known.code } };
}

const sse = (data: unknown): string => `data: ${JSON.stringify(data)}\n\n`;

function streamScript(plan: ReplyPlan, conv: Conversation, ids: ReplyIds, opts: { includeUsage: boolean; groq?: boolean }): StreamScript {
  const base = { id: `chatcmpl-fake${ids.seq}`, object: 'chat.completion.chunk', created: ids.created, model: conv.model, system_fingerprint: 'fp_fake' };
  // With include_usage every chunk carries `usage: null` until the final usage-only chunk.
  const usageNull = opts.includeUsage ? { usage: null } : {};
  const chunk = (delta: Record<string, unknown>, finish: string | null = null): string =>
    sse({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...usageNull });

  const c = plan.content;
  const toolCallId = `call_fake${ids.seq}`;
  const head =
    c.kind === 'text'
      ? chunk({ role: 'assistant', content: '', refusal: null })
      : chunk({
          role: 'assistant',
          content: null,
          tool_calls: [{ index: 0, id: toolCallId, type: 'function', function: { name: c.name, arguments: '' } }],
          refusal: null,
        });
  const deltas =
    c.kind === 'text'
      ? c.deltas.map((d) => chunk({ content: d }))
      : c.chunks.map((a) => chunk({ tool_calls: [{ index: 0, function: { arguments: a } }] }));
  const finish = c.kind === 'text' ? 'stop' : 'tool_calls';
  const tail =
    (opts.groq
      ? sse({ ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: finish }], x_groq: { id: `req_fake${ids.seq}`, usage: usage(plan) } })
      : chunk({}, finish)) +
    (opts.includeUsage ? sse({ ...base, choices: [], usage: usage(plan) }) : '') +
    'data: [DONE]\n\n';

  return {
    contentType: 'text/event-stream; charset=utf-8',
    head,
    deltas,
    tail,
    malformed: `data: {"id":"${base.id}","object":"chat.completion.chunk","choices":[{"delta":{"content":\n\n`,
    streamError: sse(errorBody(500)),
  };
}

function fullBody(plan: ReplyPlan, conv: Conversation, ids: ReplyIds): unknown {
  const c = plan.content;
  const message =
    c.kind === 'text'
      ? { role: 'assistant', content: c.text, refusal: null, annotations: [] }
      : {
          role: 'assistant',
          content: null,
          refusal: null,
          annotations: [],
          tool_calls: [{ id: `call_fake${ids.seq}`, type: 'function', function: { name: c.name, arguments: c.argsJson } }],
        };
  return {
    id: `chatcmpl-fake${ids.seq}`,
    object: 'chat.completion',
    created: ids.created,
    model: conv.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: c.kind === 'text' ? 'stop' : 'tool_calls' }],
    usage: usage(plan),
    system_fingerprint: 'fp_fake',
  };
}

export const openaiFormat: ProviderFormat = {
  provider: 'openai',
  normalize,
  streamScript: (plan, conv, ids, opts) => streamScript(plan, conv, ids, opts),
  fullBody,
  errorBody,
};

/** Reads `stream_options.include_usage`, which only OpenAI's format has. */
export function wantsUsage(body: unknown): boolean {
  return isRecord(body) && isRecord(body.stream_options) && body.stream_options.include_usage === true;
}

export function modelList(models: readonly string[]): unknown {
  return { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 1700000000, owned_by: 'nimbus-fake-llm' })) };
}
