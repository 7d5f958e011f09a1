import { randomUUID } from 'node:crypto';
import type { EventBus } from '../realtime/event-bus.js';
import type { MessageRepository, MessageRow, NewMessage } from '../db/repositories/message.repository.js';
import { sessionChannel, type MessageKind, type MessageSnapshot, type SessionEvent } from './events.js';

/** How often a streaming reply's text is written to the database (it is always on the bus at once). */
const FLUSH_MS = 250;

export function snapshotOf(row: MessageRow): MessageSnapshot {
  return {
    id: row.id,
    seq: row.seq,
    rev: row.rev,
    chunkId: row.chunkId,
    kind: row.kind as MessageKind,
    authorName: row.authorName,
    authorId: row.authorId,
    incoming: row.incoming,
    isFeedback: row.isFeedback,
    type: row.type,
    displayType: row.displayType,
    text: row.text,
    tokens: row.tokens,
    completed: row.completed,
    ts: row.ts,
  };
}

/**
 * In-progress replies by session, in this process: what a client joining mid-stream gets as the
 * text so far (the database copy lags by at most FLUSH_MS).
 */
export class LiveMessages {
  private readonly bySession = new Map<string, Map<string, MessageSnapshot>>();

  set(sessionId: string, m: MessageSnapshot): void {
    let s = this.bySession.get(sessionId);
    if (!s) this.bySession.set(sessionId, (s = new Map()));
    s.set(m.id, m);
  }

  delete(sessionId: string, id: string): void {
    const s = this.bySession.get(sessionId);
    if (!s) return;
    s.delete(id);
    if (s.size === 0) this.bySession.delete(sessionId);
  }

  /** Stored rows with the live text laid over them. */
  overlay(sessionId: string, rows: MessageSnapshot[]): MessageSnapshot[] {
    const live = this.bySession.get(sessionId);
    if (!live) return rows;
    return rows.map((r) => {
      const l = live.get(r.id);
      return l && (l.rev > r.rev || (l.rev === r.rev && l.text.length >= r.text.length)) ? { ...l } : r;
    });
  }
}

/** Writes a session's transcript and tells the bus about every change, in order. */
export class Transcript {
  constructor(
    private readonly messages: MessageRepository,
    private readonly bus: EventBus,
    private readonly live: LiveMessages,
    readonly teamId: string,
    readonly sessionId: string,
  ) {}

  publish(event: SessionEvent): void {
    this.bus.publish(sessionChannel(this.sessionId), event);
  }

  /**
   * Stores a message and announces it — except a user message queued behind a message still being
   * written: that one is announced when the open message finishes, so the session's events stay in
   * transcript order (which is what makes a stream position a resumable event id).
   */
  async add(m: Omit<NewMessage, 'chunkId' | 'ts'> & { chunkId?: string; kind: MessageKind }): Promise<MessageSnapshot> {
    const row = await this.messages.append(this.teamId, this.sessionId, { ...m, chunkId: m.chunkId ?? randomUUID(), ts: Date.now() });
    if (!row) throw new Error(`session ${this.sessionId} is gone`);
    const snap = snapshotOf(row);
    if (m.kind !== 'user' || !(await this.messages.hasOpenBefore(this.teamId, this.sessionId, snap.seq))) {
      this.publish({ type: 'message', message: snap });
    }
    return snap;
  }

  /** Announces the user messages that were queued behind the message that just finished. */
  async releaseQueued(afterSeq: number): Promise<void> {
    for (const row of await this.messages.userMessagesAfter(this.teamId, this.sessionId, afterSeq)) {
      this.publish({ type: 'message', message: snapshotOf(row) });
    }
  }

  /** An inline line that is replaced when done ("Using tool: X" → "Finished using tool: X"). */
  async finishLine(line: MessageSnapshot, text: string): Promise<void> {
    await this.messages.update(this.teamId, line.id, { text, completed: true });
    this.publish({ type: 'overwrite', seq: line.seq, rev: line.rev, chunkId: line.chunkId, authorName: line.authorName, text, completed: true, ts: Date.now(), kind: line.kind, displayType: line.displayType });
    await this.releaseQueued(line.seq);
  }

  async markAnswered(userMessageId: string): Promise<void> {
    await this.messages.update(this.teamId, userMessageId, { answered: true });
  }

  /** A reply that streams in: appended on the bus at once, in the database in batches. */
  async startReply(opts: { authorName: string; inReplyTo: string; reuse?: MessageRow }): Promise<ReplyWriter> {
    let snap: MessageSnapshot;
    if (opts.reuse) {
      // A turn that crashed or failed left this row half-written: the reply restarts in it.
      snap = { ...snapshotOf(opts.reuse), rev: opts.reuse.rev + 1, text: '', completed: false };
      await this.messages.update(this.teamId, snap.id, { rev: snap.rev, text: '', completed: false });
      this.publish({ type: 'overwrite', seq: snap.seq, rev: snap.rev, chunkId: snap.chunkId, authorName: snap.authorName, text: '', completed: false, ts: Date.now(), kind: 'assistant', displayType: 'bubble' });
    } else {
      snap = await this.add({ kind: 'assistant', authorName: opts.authorName, incoming: false, inReplyTo: opts.inReplyTo, text: '' });
    }
    return new ReplyWriter(this, this.messages, this.live, snap);
  }
}

export class ReplyWriter {
  private timer: NodeJS.Timeout | undefined;
  private flushed = 0;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly transcript: Transcript,
    private readonly messages: MessageRepository,
    private readonly live: LiveMessages,
    readonly snap: MessageSnapshot,
  ) {
    live.set(transcript.sessionId, snap);
  }

  get text(): string {
    return this.snap.text;
  }

  append(delta: string): void {
    if (!delta) return;
    const offset = this.snap.text.length;
    this.snap.text += delta;
    const s = this.snap;
    this.transcript.publish({ type: 'delta', seq: s.seq, rev: s.rev, chunkId: s.chunkId, authorName: s.authorName, offset, text: delta, ts: Date.now() });
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, FLUSH_MS);
  }

  /** Starts the text again (a retried attempt): a new revision, so clients replace rather than append. */
  async restart(): Promise<void> {
    this.cancelTimer();
    await this.flushing;
    this.snap.rev += 1;
    this.snap.text = '';
    this.flushed = 0;
    const s = this.snap;
    await this.messages.update(this.transcript.teamId, s.id, { rev: s.rev, text: '' });
    this.transcript.publish({ type: 'overwrite', seq: s.seq, rev: s.rev, chunkId: s.chunkId, authorName: s.authorName, text: '', completed: false, ts: Date.now(), kind: 'assistant', displayType: 'bubble' });
  }

  /** Stores the whole text and marks the message complete. */
  async complete(tokens: number): Promise<void> {
    this.cancelTimer();
    await this.flushing;
    const s = this.snap;
    s.completed = true;
    s.tokens = tokens;
    await this.messages.update(this.transcript.teamId, s.id, { text: s.text, completed: true, tokens, rev: s.rev });
    this.live.delete(this.transcript.sessionId, s.id);
    this.transcript.publish({ type: 'complete', seq: s.seq, rev: s.rev, chunkId: s.chunkId, authorName: s.authorName, text: s.text, tokens, ts: Date.now() });
    await this.transcript.releaseQueued(s.seq);
  }

  private flush(): void {
    if (this.snap.text.length === this.flushed) return;
    const text = this.snap.text;
    const rev = this.snap.rev;
    this.flushing = this.flushing
      .then(() => this.messages.update(this.transcript.teamId, this.snap.id, { text, rev }))
      .then(() => {
        this.flushed = text.length;
      })
      .catch(() => undefined);
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
