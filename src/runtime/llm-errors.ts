import { APICallError } from 'ai';
import { BlockedAddressError } from '../shared/net-guard.js';

export class ModelTimeoutError extends Error {}

export interface ClassifiedError {
  retryable: boolean;
  /** Server-requested wait before the next try (retry-after), if any. */
  retryAfterMs?: number;
  /** What the user reads in the session. */
  message: string;
}

/** Turns whatever a provider call threw into a decision (retry or not) and words for the user. */
export function classifyModelError(err: unknown): ClassifiedError {
  if (err instanceof ModelTimeoutError) return { retryable: true, message: err.message };
  if (err instanceof BlockedAddressError) return { retryable: false, message: `The model endpoint is not allowed: ${err.message}` };
  if (APICallError.isInstance(err)) {
    const status = err.statusCode;
    const retryAfterMs = retryAfter(err.responseHeaders);
    if (status === 401 || status === 403) {
      return { retryable: false, message: `The model provider refused the credentials (${status}). Check the model's API key.` };
    }
    if (status === 404) return { retryable: false, message: `The model provider does not know this model or endpoint (404).` };
    if (status === 429) return { retryable: true, retryAfterMs, message: 'The model provider is rate-limiting requests (429).' };
    // A 2xx whose body broke off mid-stream is a broken connection, not a refusal.
    if (status !== undefined && status < 300) return { retryable: true, message: `The model's answer broke off: ${shorten(err.message)}` };
    if (status !== undefined && status >= 500) return { retryable: true, retryAfterMs, message: `The model provider failed (${status}).` };
    if (status !== undefined) return { retryable: false, message: `The model provider rejected the request (${status}): ${shorten(err.message)}` };
    return { retryable: true, message: `Could not reach the model provider: ${shorten(err.message)}` };
  }
  const e = err as { name?: string; message?: string; code?: string; cause?: { code?: string } };
  const code = e?.code ?? e?.cause?.code;
  if (code && /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|UND_ERR|EPIPE/.test(code)) {
    return { retryable: true, message: `Could not reach the model provider (${code}).` };
  }
  const text = e?.message ?? String(err);
  if (/terminated|socket|network|fetch failed|aborted|premature|JSON|parse/i.test(text) || e?.name === 'AI_JSONParseError' || e?.name === 'AI_TypeValidationError') {
    return { retryable: true, message: `The model's answer broke off: ${shorten(text)}` };
  }
  return { retryable: false, message: `The model call failed: ${shorten(text)}` };
}

function retryAfter(headers: Record<string, string> | undefined): number | undefined {
  if (!headers) return undefined;
  const ms = headers['retry-after-ms'];
  if (ms && Number.isFinite(Number(ms))) return Number(ms);
  const s = headers['retry-after'];
  if (!s) return undefined;
  if (Number.isFinite(Number(s))) return Number(s) * 1000;
  const at = Date.parse(s);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

function shorten(s: string): string {
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

/** Exponential backoff with full jitter, never shorter than what the server asked for. */
export function backoffMs(attempt: number, baseMs: number, retryAfterMs?: number): number {
  const exp = baseMs * 2 ** attempt;
  const jittered = exp / 2 + Math.random() * (exp / 2);
  return Math.min(Math.max(jittered, retryAfterMs ?? 0), 60_000);
}
