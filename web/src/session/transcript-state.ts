/**
 * A session's transcript as this browser knows it, merged from the realtime protocol's events.
 * Pure: every function returns a new state (or the same one when nothing changed), so it is
 * tested without a socket and drives React with a reducer.
 *
 * Every text event names its message (`seq`), the message's revision (`rev`: a restarted reply
 * gets a higher one) and, for a delta, the character `offset` it starts at. That is what lets
 * the merge drop duplicates, trim overlaps and notice gaps, so a reconnect or a reload never
 * loses or repeats text.
 */

export type MessageKind = 'user' | 'assistant' | 'tool' | 'system' | 'error';
export type StreamKind = 'message' | 'delta' | 'overwrite' | 'complete';

/** The `message` field of an Agent Cloud socket envelope, with Nimbus's merge fields. */
export interface WireMessage {
  text?: unknown;
  chunkId?: unknown;
  type?: unknown;
  displayType?: unknown;
  timestamp?: unknown;
  tokens?: unknown;
  overwrite?: unknown;
  completed?: unknown;
  seq?: unknown;
  rev?: unknown;
  offset?: unknown;
  kind?: unknown;
  stream?: unknown;
}

/** A socket `message` event: `{room, authorName, isFeedback, incoming, ts, event, message}`. */
export interface WireEnvelope {
  room?: unknown;
  authorName?: unknown;
  incoming?: unknown;
  ts?: unknown;
  message?: WireMessage | null;
}

export interface ChatMessage {
  seq: number;
  rev: number;
  kind: MessageKind;
  authorName: string;
  text: string;
  completed: boolean;
  tokens: number;
  displayType: 'bubble' | 'inline';
  incoming: boolean;
  ts: number;
}

export interface TranscriptState {
  /** Ordered by seq, each seq once. */
  messages: readonly ChatMessage[];
  /** The session's status as the server last said it ('running', 'waiting', 'terminated', …). */
  status: string | null;
  /** How many live status events have arrived: a REST snapshot older than the last one is stale. */
  statusEvents: number;
  /** The highest seq known when the last live status event arrived. */
  statusSeq: number;
  /** The seq of a message this client sent whose turn has not been heard of yet. */
  awaiting: number | null;
  /** Something was missed (a delta beyond the text we have): re-join from `resumePosition`. */
  resync: boolean;
}

export const EMPTY_TRANSCRIPT: TranscriptState = {
  messages: [],
  status: null,
  statusEvents: 0,
  statusSeq: 0,
  awaiting: null,
  resync: false,
};

const KINDS: readonly MessageKind[] = ['user', 'assistant', 'tool', 'system', 'error'];
const STREAMS: readonly StreamKind[] = ['message', 'delta', 'overwrite', 'complete'];

function int(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
}

function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : fallback;
}

function streamOf(m: WireMessage): StreamKind {
  if (typeof m.stream === 'string' && (STREAMS as readonly string[]).includes(m.stream)) return m.stream as StreamKind;
  // An Agent Cloud server without `stream`: an overwrite flag, else a whole message.
  return m.overwrite === true ? 'overwrite' : 'message';
}

function kindOf(v: unknown, incoming: boolean): MessageKind {
  if (typeof v === 'string' && (KINDS as readonly string[]).includes(v)) return v as MessageKind;
  return incoming ? 'user' : 'assistant';
}

function maxSeq(messages: readonly ChatMessage[]): number {
  return messages.length ? (messages[messages.length - 1]?.seq ?? 0) : 0;
}

function indexOfSeq(messages: readonly ChatMessage[], seq: number): number {
  // Transcripts are short and usually hit at the end: a backwards scan is enough.
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m && m.seq === seq) return i;
    if (m && m.seq < seq) return -1;
  }
  return -1;
}

function put(state: TranscriptState, msg: ChatMessage): TranscriptState {
  const messages = state.messages.slice();
  const at = indexOfSeq(messages, msg.seq);
  if (at >= 0) {
    messages[at] = msg;
  } else {
    let i = messages.length;
    while (i > 0 && (messages[i - 1]?.seq ?? 0) > msg.seq) i--;
    messages.splice(i, 0, msg);
  }
  return { ...state, messages };
}

function fresh(env: WireEnvelope, m: WireMessage, seq: number, rev: number, kind: MessageKind, text: string): ChatMessage {
  const incoming = env.incoming === true;
  return {
    seq,
    rev,
    kind,
    authorName: str(env.authorName),
    text,
    completed: m.completed === true,
    tokens: int(m.tokens) ?? 0,
    displayType: m.displayType === 'inline' ? 'inline' : 'bubble',
    incoming,
    ts: int(m.timestamp) ?? int(env.ts) ?? 0,
  };
}

/** Applies one socket `message` event. */
export function applyEnvelope(state: TranscriptState, env: WireEnvelope): TranscriptState {
  const m = env.message;
  if (!m) return state;
  const seq = int(m.seq);
  const rev = int(m.rev) ?? 0;
  if (seq === null) return state;
  const text = str(m.text);
  const stream = streamOf(m);
  const at = indexOfSeq(state.messages, seq);
  const have = at >= 0 ? state.messages[at] : undefined;

  switch (stream) {
    case 'message': {
      // A whole message (new, or replayed). Within one revision text only grows: keep the longer.
      const incoming = env.incoming === true;
      const next = fresh(env, m, seq, rev, kindOf(m.kind, incoming), text);
      if (!have || rev > have.rev) return put(state, next);
      if (rev < have.rev) return state;
      const longer = text.length >= have.text.length ? text : have.text;
      const completed = have.completed || next.completed;
      if (longer === have.text && completed === have.completed && next.tokens <= have.tokens) return state;
      return put(state, { ...have, text: longer, completed, tokens: Math.max(have.tokens, next.tokens) });
    }
    case 'delta': {
      const offset = int(m.offset) ?? 0;
      if (!have || rev > have.rev) {
        // A reply (or a new revision of one) we did not see start: fine from 0, a gap otherwise.
        if (offset !== 0) return { ...state, resync: true };
        const base = have ?? fresh(env, m, seq, rev, 'assistant', '');
        return put(state, { ...base, rev, text, completed: false, tokens: 0 });
      }
      if (rev < have.rev) return state;
      const length = have.text.length;
      if (offset > length) return { ...state, resync: true };
      const end = offset + text.length;
      if (end <= length) return state; // already have all of it
      return put(state, { ...have, text: have.text + text.slice(length - offset) });
    }
    case 'overwrite': {
      if (have && rev < have.rev) return state;
      if (!have) return put(state, fresh(env, m, seq, rev, 'assistant', text));
      // Kind and display stay ours: an overwrite envelope does not carry them.
      return put(state, { ...have, rev, text, completed: m.completed === true });
    }
    case 'complete': {
      if (have && rev < have.rev) return state;
      const tokens = int(m.tokens) ?? 0;
      if (!have) return put(state, { ...fresh(env, m, seq, rev, 'assistant', text), completed: true, tokens });
      if (have.rev === rev && have.completed && have.text === text && have.tokens === tokens) return state;
      return put(state, { ...have, rev, text, completed: true, tokens });
    }
  }
}

/**
 * A live `status` event. A run status that arrives after the session was stopped is a straggler
 * from the run that was being stopped: only an explicit start ('started') leaves 'terminated'.
 */
export function applyStatus(state: TranscriptState, status: unknown): TranscriptState {
  if (typeof status !== 'string' || !status) return state;
  const counted = { ...state, statusEvents: state.statusEvents + 1, statusSeq: Math.max(state.statusSeq, maxSeq(state.messages)) };
  if (state.status === 'terminated' && status !== 'started' && status !== 'terminated') return counted;
  return { ...counted, status };
}

/** The `terminate` event: the session was stopped. */
export function applyTerminate(state: TranscriptState): TranscriptState {
  return applyStatus(state, 'terminated');
}

/**
 * The status from a REST read of the session. It was read at some moment: when a live status
 * event came in after the read began (`statusEventsAtRead` is what the count was then), the
 * live one is newer and wins.
 */
export function applySnapshotStatus(state: TranscriptState, status: string, statusEventsAtRead: number): TranscriptState {
  if (state.statusEvents !== statusEventsAtRead || state.status === status) return state;
  return { ...state, status };
}

/** This client's message was accepted as `seq`: until its turn is heard of, the page shows it is thinking. */
export function markSent(state: TranscriptState, seq: number): TranscriptState {
  if (state.statusSeq >= seq) return state; // a status about it already came
  return { ...state, awaiting: seq };
}

/** The re-join was sent: later gaps will ask again. */
export function resyncStarted(state: TranscriptState): TranscriptState {
  return state.resync ? { ...state, resync: false } : state;
}

/**
 * Where this client is, as `seq:rev:chars` for `join_room`'s `since`; null when it has nothing
 * (join with `replay: true`). It is the first message still in progress, not simply the last
 * one: a message sent while a reply streams, or two tool lines in flight, put a finished message
 * after an unfinished one, and the server replays only what comes after the position.
 */
export function resumePosition(state: TranscriptState): string | null {
  const open = state.messages.find((m) => !m.completed);
  const at = open ?? state.messages[state.messages.length - 1];
  // `:complete`: this client saw that message finish, so the server need not say it again.
  return at ? `${at.seq}:${at.rev}:${at.text.length}${at.completed ? ':complete' : ''}` : null;
}

export type Activity = 'thinking' | 'replying' | 'waiting' | 'stopped' | 'error';

/** What the page says the session is doing, and whether a Stop button makes sense. */
export function activityOf(state: TranscriptState): { activity: Activity; busy: boolean } {
  if (state.status === 'terminated') return { activity: 'stopped', busy: false };
  const pending = state.awaiting !== null && state.statusSeq < state.awaiting;
  const running = state.status === 'running' || pending;
  if (running) {
    const open = state.messages.find((m) => m.kind === 'assistant' && !m.completed && m.text.length > 0);
    return { activity: open ? 'replying' : 'thinking', busy: true };
  }
  if (state.status === 'error') return { activity: 'error', busy: false };
  return { activity: 'waiting', busy: false };
}

/** Tokens of the messages shown (the session's own count comes from the server). */
export function transcriptTokens(state: TranscriptState): number {
  return state.messages.reduce((n, m) => n + m.tokens, 0);
}

export type TranscriptAction =
  | { type: 'envelope'; envelope: WireEnvelope }
  | { type: 'status'; status: unknown }
  | { type: 'terminate' }
  | { type: 'snapshot-status'; status: string; statusEventsAtRead: number }
  | { type: 'sent'; seq: number }
  | { type: 'resync-started' }
  | { type: 'reset' };

export function transcriptReducer(state: TranscriptState, action: TranscriptAction): TranscriptState {
  switch (action.type) {
    case 'envelope':
      return applyEnvelope(state, action.envelope);
    case 'status':
      return applyStatus(state, action.status);
    case 'terminate':
      return applyTerminate(state);
    case 'snapshot-status':
      return applySnapshotStatus(state, action.status, action.statusEventsAtRead);
    case 'sent':
      return markSent(state, action.seq);
    case 'resync-started':
      return resyncStarted(state);
    case 'reset':
      return EMPTY_TRANSCRIPT;
  }
}
