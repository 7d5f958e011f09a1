import { describe, expect, it } from 'vitest';
import {
  activityOf,
  applyEnvelope,
  applySnapshotStatus,
  applyStatus,
  applyTerminate,
  EMPTY_TRANSCRIPT,
  markSent,
  resumePosition,
  resyncStarted,
  transcriptReducer,
  transcriptTokens,
  type TranscriptState,
  type WireEnvelope,
  type WireMessage,
} from './transcript-state';

const ROOM = 'f'.repeat(24);

function env(message: WireMessage, extra: Partial<WireEnvelope> = {}): WireEnvelope {
  return { room: ROOM, authorName: 'Helper', incoming: false, ts: 1, ...extra, message: { type: 'text', displayType: 'bubble', chunkId: 'c', ...message } };
}

const whole = (seq: number, text: string, o: Partial<WireMessage> = {}, incoming = false) =>
  env({ stream: 'message', seq, rev: 0, offset: 0, text, completed: false, kind: incoming ? 'user' : 'assistant', ...o }, { incoming });
const delta = (seq: number, offset: number, text: string, rev = 0) => env({ stream: 'delta', seq, rev, offset, text, tokens: 1 });
const overwrite = (seq: number, text: string, rev = 0, completed = false) => env({ stream: 'overwrite', seq, rev, text, completed, overwrite: true });
const complete = (seq: number, text: string, tokens: number, rev = 0) => env({ stream: 'complete', seq, rev, text, tokens, completed: true, overwrite: true });

function run(events: WireEnvelope[], from: TranscriptState = EMPTY_TRANSCRIPT): TranscriptState {
  return events.reduce(applyEnvelope, from);
}

const textOf = (s: TranscriptState, seq: number) => s.messages.find((m) => m.seq === seq)?.text;

describe('transcript merge', () => {
  it('appends deltas in order and completes with the whole text', () => {
    let s = run([whole(1, 'hi', { completed: true }, true), whole(2, ''), delta(2, 0, 'Hello'), delta(2, 5, ' there'), delta(2, 11, ', friend')]);
    expect(textOf(s, 2)).toBe('Hello there, friend');
    expect(s.messages.map((m) => [m.seq, m.kind])).toEqual([
      [1, 'user'],
      [2, 'assistant'],
    ]);
    expect(s.messages[1]?.completed).toBe(false);
    s = applyEnvelope(s, complete(2, 'Hello there, friend', 7));
    expect(s.messages[1]).toMatchObject({ text: 'Hello there, friend', completed: true, tokens: 7 });
    expect(s.resync).toBe(false);
  });

  it('ignores a delta it already has, whole or in part, and trims an overlap', () => {
    const s1 = run([whole(2, 'Hello there')]);
    expect(applyEnvelope(s1, delta(2, 0, 'Hello'))).toBe(s1);
    expect(applyEnvelope(s1, delta(2, 5, ' there'))).toBe(s1);
    const s2 = applyEnvelope(s1, delta(2, 6, 'there, friend'));
    expect(textOf(s2, 2)).toBe('Hello there, friend');
    // The same event twice changes nothing the second time.
    expect(applyEnvelope(s2, delta(2, 6, 'there, friend'))).toBe(s2);
  });

  it('asks to resync on a gap and leaves the text as it was', () => {
    const s1 = run([whole(2, 'Hello')]);
    const s2 = applyEnvelope(s1, delta(2, 11, ', friend'));
    expect(s2.resync).toBe(true);
    expect(textOf(s2, 2)).toBe('Hello');
    expect(resumePosition(s2)).toBe('2:0:5');
    const s3 = resyncStarted(s2);
    expect(s3.resync).toBe(false);
    expect(resyncStarted(s3)).toBe(s3);
    // The server's replay from 2:0:5 closes the gap.
    const s4 = run([delta(2, 5, ' there'), delta(2, 11, ', friend')], s3);
    expect(textOf(s4, 2)).toBe('Hello there, friend');
  });

  it('a delta for a reply it never saw starts it at offset 0, or is a gap later on', () => {
    const s1 = applyEnvelope(EMPTY_TRANSCRIPT, delta(4, 0, 'Hi'));
    expect(s1.messages[0]).toMatchObject({ seq: 4, kind: 'assistant', text: 'Hi', authorName: 'Helper', completed: false });
    const s2 = applyEnvelope(EMPTY_TRANSCRIPT, delta(4, 3, 'there'));
    expect(s2.resync).toBe(true);
    expect(s2.messages).toHaveLength(0);
  });

  it('a higher revision restarts the reply; older revisions are ignored', () => {
    const s1 = run([whole(2, ''), delta(2, 0, 'Partial answ')]);
    const s2 = applyEnvelope(s1, overwrite(2, '', 1));
    expect(s2.messages[0]).toMatchObject({ rev: 1, text: '', completed: false });
    const s3 = run([delta(2, 12, 'er', 0), delta(2, 0, 'Fresh', 1), delta(2, 5, ' start', 1)], s2);
    expect(textOf(s3, 2)).toBe('Fresh start');
    expect(s3.resync).toBe(false);
    expect(applyEnvelope(s3, complete(2, 'Partial answer', 3, 0))).toBe(s3);
    // A delta of a newer revision, seen without its overwrite, resets the text too.
    const s4 = applyEnvelope(s3, delta(2, 0, 'Third', 2));
    expect(s4.messages[0]).toMatchObject({ rev: 2, text: 'Third' });
    expect(applyEnvelope(s4, delta(2, 4, 'x', 3)).resync).toBe(true);
  });

  it('an overwrite replaces the text and keeps the kind (a tool line finishing)', () => {
    const s1 = run([
      whole(3, 'Using tool: Search', { kind: 'tool', displayType: 'inline' }),
      overwrite(3, 'Finished using tool: Search', 0, true),
    ]);
    expect(s1.messages[0]).toMatchObject({ kind: 'tool', displayType: 'inline', text: 'Finished using tool: Search', completed: true });
  });

  it('complete converges a copy that missed a piece', () => {
    const s = run([whole(2, ''), delta(2, 0, 'Hel'), complete(2, 'Hello world', 2)]);
    expect(s.messages[0]).toMatchObject({ text: 'Hello world', completed: true, tokens: 2 });
    expect(applyEnvelope(s, complete(2, 'Hello world', 2))).toBe(s);
  });

  it('a replayed whole message never shortens or duplicates what is there', () => {
    const s1 = run([whole(1, 'q', { completed: true }, true), whole(2, ''), delta(2, 0, 'Hello there')]);
    const s2 = run([whole(1, 'q', { completed: true }, true), whole(2, 'Hello')], s1);
    expect(s2).toBe(s1);
    const s3 = applyEnvelope(s2, whole(2, 'Hello there, friend', { completed: true, tokens: 5 }));
    expect(s3.messages).toHaveLength(2);
    expect(s3.messages[1]).toMatchObject({ text: 'Hello there, friend', completed: true, tokens: 5 });
  });

  it('keeps messages in seq order whatever order they arrive in', () => {
    const s = run([whole(3, 'c'), whole(1, 'a'), whole(2, 'b'), whole(2, 'b')]);
    expect(s.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('ignores envelopes without a message or a seq', () => {
    expect(applyEnvelope(EMPTY_TRANSCRIPT, { room: ROOM })).toBe(EMPTY_TRANSCRIPT);
    expect(applyEnvelope(EMPTY_TRANSCRIPT, env({ text: 'x' }))).toBe(EMPTY_TRANSCRIPT);
    expect(applyEnvelope(EMPTY_TRANSCRIPT, env({ text: 'x', seq: -1 }))).toBe(EMPTY_TRANSCRIPT);
  });

  it('reads an Agent Cloud envelope without `stream` as a whole message or an overwrite', () => {
    const s1 = applyEnvelope(EMPTY_TRANSCRIPT, env({ seq: 1, rev: 0, text: 'Hi' }, { incoming: true }));
    expect(s1.messages[0]).toMatchObject({ kind: 'user', text: 'Hi' });
    const s2 = applyEnvelope(s1, env({ seq: 1, rev: 0, text: 'Hi!', overwrite: true }));
    expect(textOf(s2, 1)).toBe('Hi!');
  });

  it('shows an error message as kind error', () => {
    const s = applyEnvelope(EMPTY_TRANSCRIPT, whole(5, '⛔ The model is unreachable', { kind: 'error', completed: true }));
    expect(s.messages[0]).toMatchObject({ kind: 'error', completed: true });
  });

  it('counts tokens of the messages shown', () => {
    const s = run([whole(1, 'a', { tokens: 0, completed: true }, true), whole(2, ''), complete(2, 'b', 12), whole(3, 'c', { tokens: 4, completed: true })]);
    expect(transcriptTokens(s)).toBe(16);
  });
});

describe('resume position', () => {
  it('is null for nothing, else the last message with its revision and length', () => {
    expect(resumePosition(EMPTY_TRANSCRIPT)).toBeNull();
    const s = run([whole(1, 'hi', { completed: true }, true), whole(2, 'Hello', { completed: true, rev: 2 })]);
    // Finished: the server need not announce its end again.
    expect(resumePosition(s)).toBe('2:2:5:complete');
  });

  it('is the first message still in progress when a finished one follows it', () => {
    const s = run([whole(1, 'q', { completed: true }, true), whole(2, ''), delta(2, 0, 'Streaming'), whole(3, 'another question', { completed: true }, true)]);
    expect(resumePosition(s)).toBe('2:0:9');
  });
});

describe('status', () => {
  it('follows live status events', () => {
    let s = applyStatus(EMPTY_TRANSCRIPT, 'running');
    expect(activityOf(s)).toEqual({ activity: 'thinking', busy: true });
    s = run([whole(2, ''), delta(2, 0, 'Hi')], s);
    expect(activityOf(s)).toEqual({ activity: 'replying', busy: true });
    s = applyStatus(applyEnvelope(s, complete(2, 'Hi', 1)), 'waiting');
    expect(activityOf(s)).toEqual({ activity: 'waiting', busy: false });
    s = applyStatus(s, 'error');
    expect(activityOf(s)).toEqual({ activity: 'error', busy: false });
    expect(applyStatus(s, 42)).toBe(s);
  });

  it('a run status arriving after the stop does not undo it; an explicit start does', () => {
    let s = applyTerminate(applyStatus(EMPTY_TRANSCRIPT, 'running'));
    expect(activityOf(s).activity).toBe('stopped');
    s = applyStatus(s, 'running');
    s = applyStatus(s, 'waiting');
    expect(s.status).toBe('terminated');
    expect(activityOf(s)).toEqual({ activity: 'stopped', busy: false });
    s = applyStatus(s, 'started');
    expect(activityOf(s).activity).toBe('waiting');
  });

  it('a REST read loses to a live status that came in after the read began', () => {
    const s1 = applyStatus(EMPTY_TRANSCRIPT, 'running');
    const readAt = s1.statusEvents;
    const s2 = applyStatus(s1, 'waiting');
    expect(applySnapshotStatus(s2, 'running', readAt)).toBe(s2);
    expect(applySnapshotStatus(s2, 'error', s2.statusEvents).status).toBe('error');
  });

  it('thinks from the moment its own message is accepted until the turn is heard of', () => {
    let s = applyStatus(EMPTY_TRANSCRIPT, 'waiting');
    s = applyEnvelope(s, whole(1, 'hello', { completed: true }, true));
    s = markSent(s, 1);
    expect(activityOf(s)).toEqual({ activity: 'thinking', busy: true });
    s = applyStatus(s, 'running');
    s = run([whole(2, ''), delta(2, 0, 'Echo'), complete(2, 'Echo: hello', 3)], s);
    s = applyStatus(s, 'waiting');
    expect(activityOf(s)).toEqual({ activity: 'waiting', busy: false });
  });

  it('an acknowledgement arriving after the turn was already heard of does not think again', () => {
    let s = applyEnvelope(applyStatus(EMPTY_TRANSCRIPT, 'waiting'), whole(1, 'hello', { completed: true }, true));
    s = applyStatus(applyStatus(s, 'running'), 'waiting');
    expect(markSent(s, 1)).toBe(s);
    expect(activityOf(markSent(s, 1)).activity).toBe('waiting');
  });

  it('the reducer routes every action', () => {
    let s = transcriptReducer(EMPTY_TRANSCRIPT, { type: 'envelope', envelope: whole(1, 'x', { completed: true }, true) });
    s = transcriptReducer(s, { type: 'status', status: 'running' });
    s = transcriptReducer(s, { type: 'snapshot-status', status: 'waiting', statusEventsAtRead: s.statusEvents });
    expect(s.status).toBe('waiting');
    s = transcriptReducer(s, { type: 'sent', seq: 2 });
    expect(s.awaiting).toBe(2);
    s = transcriptReducer(s, { type: 'terminate' });
    expect(s.status).toBe('terminated');
    s = transcriptReducer(transcriptReducer(s, { type: 'envelope', envelope: delta(1, 9, 'gap') }), { type: 'resync-started' });
    expect(s.resync).toBe(false);
    expect(transcriptReducer(s, { type: 'reset' })).toBe(EMPTY_TRANSCRIPT);
  });
});
