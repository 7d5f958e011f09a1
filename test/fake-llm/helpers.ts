/** Raw-HTTP helpers for the fake LLM tests: no SDKs, so the wire format itself is what is checked. */

import { performance } from 'node:perf_hooks';

export interface SseEvent {
  event: string | null;
  data: string;
  /** Epoch ms at which the event's bytes reached the client. */
  at: number;
}

export const OPENAI_HEADERS = { authorization: 'Bearer test-key', 'content-type': 'application/json' };
export const ANTHROPIC_HEADERS = { 'x-api-key': 'test-key', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' };
export const GEMINI_HEADERS = { 'x-goog-api-key': 'test-key', 'content-type': 'application/json' };

export function post(url: string, body: unknown, headers: Record<string, string>, signal?: AbortSignal): Promise<Response> {
  return fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal });
}

/** Parses an SSE body (LF or CRLF framed) as it arrives, stamping each event. */
export async function readSse(res: Response): Promise<SseEvent[]> {
  if (!res.body) throw new Error('no body');
  const events: SseEvent[] = [];
  const decoder = new TextDecoder();
  let buf = '';
  for await (const chunk of res.body) {
    const at = performance.timeOrigin + performance.now();
    buf += decoder.decode(chunk, { stream: true }).replace(/\r\n/g, '\n');
    let sep: number;
    while ((sep = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, sep);
      buf = buf.slice(sep + 2);
      let event: string | null = null;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length > 0 || event !== null) events.push({ event, data: data.join('\n'), at });
    }
  }
  return events;
}

export function json(e: SseEvent): Record<string, unknown> {
  return JSON.parse(e.data) as Record<string, unknown>;
}

/** Reads until the body ends or fails; returns the text seen and the failure, if any. */
export async function readUntilEnd(res: Response): Promise<{ text: string; error: unknown }> {
  let text = '';
  const decoder = new TextDecoder();
  try {
    if (!res.body) return { text, error: null };
    for await (const chunk of res.body) text += decoder.decode(chunk, { stream: true });
    return { text, error: null };
  } catch (error) {
    return { text, error };
  }
}

let counter = 0;
/** A unique first message, so `times=` counters never leak between tests. */
export function unique(label: string): string {
  counter += 1;
  return `${label}-${process.pid}-${counter}`;
}

export interface OpenAiChunk {
  id: string;
  object: string;
  model: string;
  choices: Array<{
    index: number;
    delta: {
      role?: string;
      content?: string | null;
      tool_calls?: Array<{ index: number; id?: string; type?: string; function: { name?: string; arguments?: string } }>;
    };
    finish_reason: string | null;
  }>;
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
}

export function openaiChunks(events: SseEvent[]): OpenAiChunk[] {
  return events.filter((e) => e.data !== '[DONE]').map((e) => JSON.parse(e.data) as OpenAiChunk);
}

export function openaiText(events: SseEvent[]): string {
  return openaiChunks(events)
    .flatMap((c) => c.choices)
    .map((ch) => ch.delta.content ?? '')
    .join('');
}
