import { randomUUID } from 'node:crypto';
import type { EventBus } from '../realtime/event-bus.js';
import type { MessageRepository, MessageRow, NewMessage } from '../db/repositories/message.repository.js';
import { sessionChannel, type MessageKind, type MessageSnapshot, type SessionEvent } from './events.js';

/** How often, in distributed mode, streaming replies are written to the database (they are on the bus at once). */
const FLUSH_MS = 500;


/** The session was deleted while a turn ran: nothing is left to write to, and nobody to tell. */
export class SessionGoneError extends Error {}

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

export interface TextFlush {
  teamId: string;
  id: string;
  text: string;
  rev: number;
}

/**
 * In-progress replies by session, in this process: what a client joining mid-stream gets as the
 * text so far. A worker also persists them from here: every FLUSH_MS, the replies whose text grew
 * are written in one statement for all sessions (the text is always on the bus at once).
 */
export class LiveMessages {
  private readonly bySession = new Map<string, Map<string, MessageSnapshot>>();
  private readonly teams = new Map<string, string>();
  private readonly written = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  /** Persist in-progress texts with `write` (a worker's job) until stopped. */
  startFlushing(write: (batch: TextFlush[]) => Promise<void>, onError: (err: unknown) => void): void {
    this.timer = setInterval(() => {
      this.flushing = this.flushing.then(() => this.flushOnce(write)).catch(onError);
    }, FLUSH_MS);
    this.timer.unref();
  }

  async stopFlushing(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flushing.catch(() => undefined);
  }

  set(teamId: string, sessionId: string, m: MessageSnapshot): void {
    let s = this.bySession.get(sessionId);
    if (!s) this.bySession.set(sessionId, (s = new Map()));
    s.set(m.id, m);
    this.teams.set(m.id, teamId);
  }

  delete(sessionId: string, id: string): void {
    this.teams.delete(id);
    this.written.delete(id);
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

  private async flushOnce(write: (batch: TextFlush[]) => Promise<void>): Promise<void> {
    const batch: TextFlush[] = [];
    for (const msgs of this.bySession.values()) {
      for (const m of msgs.values()) {
        const mark = `${m.rev}:${m.text.length}`;
        const teamId = this.teams.get(m.id);
        if (teamId && this.written.get(m.id) !== mark) batch.push({ teamId, id: m.id, text: m.text, rev: m.rev });
      }
    }
    if (batch.length === 0) return;
    await write(batch);
    for (const b of batch) if (this.teams.has(b.id)) this.written.set(b.id, `${b.rev}:${b.text.length}`);
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
    if (!row) throw new SessionGoneError(`session ${this.sessionId} is gone`);
    const snap = snapshotOf(row);
    if (m.kind !== 'user' || !row.openBefore) this.publish({ type: 'message', message: snap });
    return snap;
  }

  /** Announces the user messages that were queued behind the message that just finished. */
  announce(queued: MessageRow[]): void {
    for (const row of queued) this.publish({ type: 'message', message: snapshotOf(row) });
  }

  async releaseQueued(afterSeq: number): Promise<void> {
    this.announce(await this.messages.userMessagesAfter(this.teamId, this.sessionId, afterSeq));
  }

  /** An inline line that is replaced when done ("Using tool: X" → "Finished using tool: X"). */
  async finishLine(line: MessageSnapshot, text: string): Promise<void> {
    await this.messages.update(this.teamId, line.id, { text, completed: true });
    this.publish({ type: 'overwrite', seq: line.seq, rev: line.rev, chunkId: line.chunkId, authorName: line.authorName, text, completed: true, ts: Date.now(), kind: line.kind, displayType: line.displayType });
    await this.releaseQueued(line.seq);
  }

  /** The turn answering `userMessageId` is over (replied, stopped or failed); its usage is counted. */
  async finishTurn(userMessageId: string, tokens: number): Promise<void> {
    await this.messages.finishTurn(this.teamId, this.sessionId, userMessageId, tokens);
  }

  /** A turn that replied: counted, and the next message to answer (none: the session now waits). */
  async endTurn(userMessageId: string, tokens: number): Promise<MessageRow | undefined> {
    const { next, nowWaiting } = await this.messages.endTurn(this.teamId, this.sessionId, userMessageId, tokens);
    if (nowWaiting) this.publish({ type: 'status', status: 'waiting', error: null });
    return next;
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
  constructor(
    private readonly transcript: Transcript,
    private readonly messages: MessageRepository,
    private readonly live: LiveMessages,
    readonly snap: MessageSnapshot,
  ) {
    live.set(transcript.teamId, transcript.sessionId, snap);
  }

  get text(): string {
    return this.snap.text;
  }

  /** On the bus at once; in the database with the next batched flush. */
  append(delta: string): void {
    if (!delta) return;
    const offset = this.snap.text.length;
    this.snap.text += delta;
    const s = this.snap;
    this.transcript.publish({ type: 'delta', seq: s.seq, rev: s.rev, chunkId: s.chunkId, authorName: s.authorName, offset, text: delta, ts: Date.now() });
  }

  /** Starts the text again (a retried attempt): a new revision, so clients replace rather than append. */
  async restart(): Promise<void> {
    this.snap.rev += 1;
    this.snap.text = '';
    const s = this.snap;
    // A batched flush of the old revision that lands later is refused by its `rev` guard.
    await this.messages.update(this.transcript.teamId, s.id, { rev: s.rev, text: '' });
    this.transcript.publish({ type: 'overwrite', seq: s.seq, rev: s.rev, chunkId: s.chunkId, authorName: s.authorName, text: '', completed: false, ts: Date.now(), kind: 'assistant', displayType: 'bubble' });
  }

  /** Stores the whole text and marks the message complete (later batched flushes leave it alone). */
  async complete(tokens: number): Promise<void> {
    const s = this.snap;
    s.completed = true;
    s.tokens = tokens;
    const queued = await this.messages.completeReply(this.transcript.teamId, this.transcript.sessionId, s.id, { text: s.text, rev: s.rev, tokens });
    this.live.delete(this.transcript.sessionId, s.id);
    this.transcript.publish({ type: 'complete', seq: s.seq, rev: s.rev, chunkId: s.chunkId, authorName: s.authorName, text: s.text, tokens, ts: Date.now() });
    this.transcript.announce(queued);
  }
}
