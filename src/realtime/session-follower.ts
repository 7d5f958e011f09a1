import type { EventBus } from './event-bus.js';
import type { MessageRepository } from '../db/repositories/message.repository.js';
import { snapshotOf, type LiveMessages } from '../runtime/transcript.js';
import { sessionChannel, type MessageSnapshot, type SessionEvent } from '../runtime/events.js';

/**
 * Where a client is in a session's text: message seq, its revision, characters seen, and whether
 * it has also seen that message finish (so a resume does not announce the end twice).
 */
export interface Position {
  seq: number;
  rev: number;
  len: number;
  done?: boolean;
}

export function formatPosition(p: Position): string {
  return `${p.seq}:${p.rev}:${p.len}${p.done ? ':complete' : ''}`;
}

export function parsePosition(id: string | undefined): Position | null {
  const m = /^(\d+):(\d+):(\d+)(:complete)?/.exec(id ?? '');
  return m ? { seq: Number(m[1]), rev: Number(m[2]), len: Number(m[3]), done: m[4] !== undefined } : null;
}

interface Seen {
  rev: number;
  len: number;
  completed: boolean;
  /** Text went missing (the snapshot lagged behind another process's stream): wait for the whole text. */
  gap?: boolean;
}

/**
 * One client's view of a session: the stored transcript (with live text laid over it) followed by
 * live events, merged so that nothing is missed or shown twice. Live events that arrive while the
 * snapshot is read are held back, then trimmed against what the snapshot already had; every text
 * event names its message, revision and offset, which is what makes that exact.
 */
export class SessionFollower {
  private readonly seen = new Map<number, Seen>();
  private buffered: SessionEvent[] | null = [];
  private unsubscribe: (() => void) | null = null;
  private closed = false;

  constructor(
    private readonly deps: { bus: EventBus; messages: MessageRepository; live: LiveMessages },
    private readonly teamId: string,
    private readonly sessionId: string,
    private readonly sink: (event: SessionEvent) => void,
  ) {}

  /**
   * Starts following. With `replay`, the transcript is sent first — from `since` on, or whole.
   * Without it (Agent Cloud's clients fetch messages.json themselves), only live events follow.
   */
  async start(opts: { replay: boolean; since?: Position | null; afterSnapshot?: () => Promise<void> }): Promise<void> {
    // Closed before it started (the client left during the access check): subscribing now would leak.
    if (this.closed) return;
    this.unsubscribe = this.deps.bus.subscribe(sessionChannel(this.sessionId), (e) => this.onLive(e as SessionEvent));
    await this.deps.bus.subscribed(sessionChannel(this.sessionId));
    const rows = await this.deps.messages.list(this.teamId, this.sessionId);
    if (this.closed) return;
    const all = this.deps.live.overlay(this.sessionId, rows.map(snapshotOf));
    // Messages queued behind one still being written are announced when it finishes, in order.
    const open = all.findIndex((m) => !m.completed);
    const snapshot = open < 0 ? all : all.slice(0, open + 1);
    for (const m of snapshot) {
      if (opts.replay) this.replayMessage(m, opts.since ?? null);
      this.seen.set(m.seq, { rev: m.rev, len: m.text.length, completed: m.completed });
    }
    // Still holding live events: whatever the caller sends now (the current status) comes before them.
    await opts.afterSnapshot?.();
    if (this.closed) return;
    const held = this.buffered ?? [];
    this.buffered = null;
    for (const e of held) this.forward(e);
  }

  close(): void {
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private replayMessage(m: MessageSnapshot, since: Position | null): void {
    if (!since || m.seq > since.seq) return this.sink({ type: 'message', message: m });
    if (m.seq < since.seq) return;
    if (since.done && m.rev === since.rev && m.text.length === since.len) return; // nothing new
    if (m.rev > since.rev || m.text.length < since.len) {
      this.sink({ type: 'overwrite', seq: m.seq, rev: m.rev, chunkId: m.chunkId, authorName: m.authorName, text: m.text, completed: m.completed, ts: m.ts });
      return;
    }
    if (m.text.length > since.len) {
      this.sink({ type: 'delta', seq: m.seq, rev: m.rev, chunkId: m.chunkId, authorName: m.authorName, offset: since.len, text: m.text.slice(since.len), ts: m.ts });
    }
    if (m.completed && m.kind !== 'user') this.sink({ type: 'complete', seq: m.seq, rev: m.rev, chunkId: m.chunkId, authorName: m.authorName, text: m.text, tokens: m.tokens, ts: m.ts });
  }

  private onLive(e: SessionEvent): void {
    if (this.closed) return;
    if (this.buffered) this.buffered.push(e);
    else this.forward(e);
  }

  private forward(e: SessionEvent): void {
    const out = this.merge(e);
    if (out) this.sink(out);
  }

  /** Drops or trims what this client already has; passes the rest. */
  private merge(e: SessionEvent): SessionEvent | null {
    switch (e.type) {
      case 'message': {
        if (this.seen.has(e.message.seq)) return null;
        this.seen.set(e.message.seq, { rev: e.message.rev, len: e.message.text.length, completed: e.message.completed });
        return e;
      }
      case 'delta': {
        let s = this.seen.get(e.seq);
        if (!s) this.seen.set(e.seq, (s = { rev: e.rev, len: 0, completed: false }));
        if (e.rev < s.rev) return null;
        if (e.rev > s.rev) {
          // A revision this client never saw start: it began at offset 0 (restart() sends an overwrite first).
          s.rev = e.rev;
          s.len = 0;
          s.gap = false;
        }
        if (s.gap) return null;
        if (e.offset > s.len) {
          // Never show text with a hole in it: the reply's `complete` event brings it whole.
          s.gap = true;
          return null;
        }
        const end = e.offset + e.text.length;
        if (end <= s.len) return null;
        const from = s.len - e.offset;
        s.len = end;
        return from === 0 ? e : { ...e, offset: e.offset + from, text: e.text.slice(from) };
      }
      case 'overwrite': {
        const s = this.seen.get(e.seq);
        if (s && e.rev < s.rev) return null;
        this.seen.set(e.seq, { rev: e.rev, len: e.text.length, completed: e.completed });
        return e;
      }
      case 'complete': {
        const s = this.seen.get(e.seq);
        if (s?.completed && s.rev >= e.rev) return null;
        this.seen.set(e.seq, { rev: e.rev, len: e.text.length, completed: true });
        if (s && s.rev === e.rev && s.len === e.text.length) return e;
        // This client's copy differs (it joined between a flush and the end): send the whole text.
        return { type: 'overwrite', seq: e.seq, rev: e.rev, chunkId: e.chunkId, authorName: e.authorName, text: e.text, completed: true, ts: e.ts };
      }
      default:
        return e;
    }
  }
}
