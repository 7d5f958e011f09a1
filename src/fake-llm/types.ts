/** Shapes shared by the fake LLM server's modules. */

export type Provider = 'openai' | 'anthropic' | 'gemini';

export type StreamFaultKind = 'drop' | 'stall' | 'malformed' | 'streamerror';

/** A fault chosen for one request, from a directive or the programmatic queue. */
export type ActiveFault =
  | { kind: 'error'; status: number; label: string }
  | { kind: StreamFaultKind; after: number; label: string };

export type RequestOutcome =
  | 'pending'
  | 'completed'
  | 'error'
  | 'dropped'
  | 'stalled'
  | 'malformed'
  | 'stream-error'
  | 'client-aborted';

export interface RecordedRequest {
  id: number;
  provider: Provider;
  method: string;
  /** Path with query; an API key passed as `?key=` is removed. */
  path: string;
  /** Lower-cased request headers without any credential header. */
  headers: Record<string, string>;
  /** Parsed JSON body, or null when the body was not JSON. */
  body: unknown;
  /** Arrival time, epoch ms. */
  time: number;
  stream: boolean;
  /** HTTP status sent; 0 while nothing was sent (stall, drop before headers). */
  status: number;
  fault: string | null;
  outcome: RequestOutcome;
  /** Epoch ms (sub-ms precision) at which each content delta was handed to the socket. */
  deltaTimes: number[];
}

/** What a provider's request means to the fake, independent of wire format. */
export interface Conversation {
  model: string;
  stream: boolean;
  /** Every piece of text in the request (system, messages, tool results), for the prompt word count. */
  texts: string[];
  /** Text of each user-authored message in order (tool results excluded). */
  userTexts: string[];
  toolNames: string[];
  /** Results of the trailing tool-result message(s); null when the last message is not a tool result. */
  trailingToolResults: string[] | null;
}

export type ReplyContent =
  | { kind: 'text'; text: string; deltas: string[] }
  | { kind: 'tool'; name: string; args: Record<string, unknown>; argsJson: string; chunks: string[] };

export interface ReplyPlan {
  content: ReplyContent;
  delayMs: number;
  fault: ActiveFault | null;
  promptTokens: number;
  completionTokens: number;
}

export interface FakeLlmDefaults {
  deltaDelayMs: number;
  /** Replaces the `Echo: …` reply when a message carries no reply/words directive; null keeps the echo. */
  reply: string | null;
}

/** Per-request identifiers, derived from the request sequence number so replies are reproducible. */
export interface ReplyIds {
  seq: number;
  created: number;
}

/** Pre-encoded bytes of one streamed reply; the stream runner only decides timing and faults. */
export interface StreamScript {
  contentType: string;
  head: string;
  deltas: string[];
  tail: string;
  malformed: string;
  streamError: string;
}

/** Everything one provider format module provides. */
export interface ProviderFormat {
  provider: Provider;
  normalize(body: unknown, model: string | null): Conversation | { invalid: string };
  streamScript(plan: ReplyPlan, conv: Conversation, ids: ReplyIds, opts: { sse: boolean; includeUsage: boolean; groq?: boolean }): StreamScript;
  fullBody(plan: ReplyPlan, conv: Conversation, ids: ReplyIds): unknown;
  errorBody(status: number, message?: string): unknown;
}
