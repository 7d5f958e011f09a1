/** Gemini (Generative Language API v1beta) wire format. */

import { isRecord } from './http.js';
import type { Conversation, ProviderFormat, ReplyIds, ReplyPlan, StreamScript } from './types.js';

function partsOf(content: unknown): Record<string, unknown>[] {
  return isRecord(content) && Array.isArray(content.parts) ? content.parts.filter(isRecord) : [];
}

function responseText(fr: Record<string, unknown>): string {
  // The AI SDK sends {name, content}; other clients send arbitrary JSON objects.
  const r = fr.response;
  if (isRecord(r) && typeof r.content === 'string') return r.content;
  if (isRecord(r) && r.content !== undefined) return JSON.stringify(r.content);
  return JSON.stringify(r ?? null);
}

function normalize(body: unknown, model: string | null): Conversation | { invalid: string } {
  if (!isRecord(body)) return { invalid: 'Invalid JSON payload received.' };
  if (!Array.isArray(body.contents)) return { invalid: '* GenerateContentRequest.contents: contents is not specified' };

  const texts = partsOf(body.systemInstruction).flatMap((p) => (typeof p.text === 'string' ? [p.text] : []));
  const userTexts: string[] = [];
  let trailing: string[] | null = null;
  for (const content of body.contents) {
    if (!isRecord(content)) return { invalid: 'Invalid value at contents: expected an object.' };
    const parts = partsOf(content);
    const own = parts.flatMap((p) => (typeof p.text === 'string' ? [p.text] : []));
    const results = parts.flatMap((p) => (isRecord(p.functionResponse) ? [responseText(p.functionResponse)] : []));
    texts.push(...own, ...results);
    trailing = results.length > 0 ? results : null;
    // A missing role means "user" in Gemini's API.
    if (content.role !== 'model' && own.length > 0 && results.length === 0) userTexts.push(own.join('\n'));
  }

  const toolNames = (Array.isArray(body.tools) ? body.tools : []).flatMap((t) =>
    isRecord(t) && Array.isArray(t.functionDeclarations)
      ? t.functionDeclarations.flatMap((f) => (isRecord(f) && typeof f.name === 'string' ? [f.name] : []))
      : [],
  );
  return { model: model ?? '', stream: false, texts, userTexts, toolNames, trailingToolResults: trailing };
}

const statusNames: Record<number, { status: string; message: string }> = {
  400: { status: 'INVALID_ARGUMENT', message: 'Request contains an invalid argument. (fake-llm)' },
  401: { status: 'UNAUTHENTICATED', message: 'API key not valid. Please pass a valid API key.' },
  403: { status: 'PERMISSION_DENIED', message: 'The caller does not have permission. (fake-llm)' },
  404: { status: 'NOT_FOUND', message: 'Requested entity was not found. (fake-llm)' },
  429: { status: 'RESOURCE_EXHAUSTED', message: 'Resource has been exhausted (e.g. check quota). (fake-llm)' },
  500: { status: 'INTERNAL', message: 'An internal error has occurred. (fake-llm)' },
  503: { status: 'UNAVAILABLE', message: 'The model is overloaded. Please try again later. (fake-llm)' },
  504: { status: 'DEADLINE_EXCEEDED', message: 'Deadline exceeded. (fake-llm)' },
};

function errorBody(status: number, message?: string): unknown {
  const known = statusNames[status] ?? (status >= 500 ? statusNames[500] : statusNames[400]);
  // Gemini tells clients when to retry inside the body, not only via headers.
  const details = status === 429 ? { details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1s' }] } : {};
  return { error: { code: status, message: message ?? known.message, status: known.status, ...details } };
}

function usageMetadata(plan: ReplyPlan, candidates: number): Record<string, unknown> {
  return { promptTokenCount: plan.promptTokens, candidatesTokenCount: candidates, totalTokenCount: plan.promptTokens + candidates };
}

function response(conv: Conversation, ids: ReplyIds, candidate: Record<string, unknown>, usage: Record<string, unknown>): Record<string, unknown> {
  return { candidates: [{ ...candidate, index: 0 }], usageMetadata: usage, modelVersion: conv.model, responseId: `fake${ids.seq}` };
}

function streamScript(plan: ReplyPlan, conv: Conversation, ids: ReplyIds, opts: { sse: boolean }): StreamScript {
  // Without alt=sse Gemini streams one JSON array, written element by element.
  let count = 0;
  const frame = (data: unknown): string => {
    const json = JSON.stringify(data);
    if (opts.sse) return `data: ${json}\r\n\r\n`;
    return `${count++ === 0 ? '[' : ',\r\n'}${json}`;
  };
  const c = plan.content;
  // Gemini never splits a functionCall: it arrives whole in one chunk.
  const deltas =
    c.kind === 'text'
      ? c.deltas.map((text, i) =>
          frame(response(conv, ids, { content: { parts: [{ text }], role: 'model' } }, usageMetadata(plan, i + 1))),
        )
      : [frame(response(conv, ids, { content: { parts: [{ functionCall: { name: c.name, args: c.args } }], role: 'model' } }, usageMetadata(plan, plan.completionTokens)))];
  const last = frame(
    response(conv, ids, { content: { parts: [{ text: '' }], role: 'model' }, finishReason: 'STOP' }, usageMetadata(plan, plan.completionTokens)),
  );
  return {
    contentType: opts.sse ? 'text/event-stream' : 'application/json; charset=UTF-8',
    head: '',
    deltas,
    tail: opts.sse ? last : `${last}]`,
    malformed: opts.sse ? 'data: {"candidates":[{"content":{"parts":[{"text":\r\n\r\n' : ',\r\n{"candidates":[{"content":',
    streamError: opts.sse ? `data: ${JSON.stringify(errorBody(503))}\r\n\r\n` : `,\r\n${JSON.stringify(errorBody(503))}]`,
  };
}

function fullBody(plan: ReplyPlan, conv: Conversation, ids: ReplyIds): unknown {
  const c = plan.content;
  const part = c.kind === 'text' ? { text: c.text } : { functionCall: { name: c.name, args: c.args } };
  return response(conv, ids, { content: { parts: [part], role: 'model' }, finishReason: 'STOP' }, usageMetadata(plan, plan.completionTokens));
}

export const geminiFormat: ProviderFormat = {
  provider: 'gemini',
  normalize,
  streamScript,
  fullBody,
  errorBody,
};

export function geminiModelList(models: readonly string[]): unknown {
  return {
    models: models.map((id) => ({
      name: `models/${id}`,
      displayName: `${id} (fake)`,
      supportedGenerationMethods: ['generateContent', 'streamGenerateContent'],
    })),
  };
}
