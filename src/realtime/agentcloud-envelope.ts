import type { SessionEvent } from '../runtime/events.js';

/**
 * A session event as Agent Cloud's socket clients expect a `message` event:
 * `{room, authorName, isFeedback, message: {text, chunkId, type, displayType, timestamp, tokens,
 * overwrite}, incoming, ts}` — one chunkId per reply, deltas appended, `overwrite` replacing. The
 * extra `seq`, `rev`, `offset` and `stream` (message | delta | overwrite | complete) let a client
 * merge a snapshot with live events exactly.
 */
export function toAgentCloudEnvelope(room: string, e: Exclude<SessionEvent, { type: 'status' } | { type: 'terminate' }>) {
  if (e.type === 'message') {
    const m = e.message;
    return {
      room,
      authorName: m.authorName,
      isFeedback: m.isFeedback,
      incoming: m.incoming,
      ts: m.ts,
      event: 'message',
      message: {
        text: m.text,
        chunkId: m.chunkId,
        type: m.type,
        displayType: m.displayType,
        timestamp: m.ts,
        tokens: m.tokens,
        overwrite: false,
        completed: m.completed,
        kind: m.kind,
        seq: m.seq,
        rev: m.rev,
        offset: 0,
        first: true,
        stream: 'message',
      },
    };
  }
  const text = e.text;
  const overwrite = e.type !== 'delta';
  // Only replies stream; an overwrite names what it overwrites (a tool line finishing, a reply restarting).
  const kind = e.type === 'overwrite' ? (e.kind ?? 'assistant') : 'assistant';
  const displayType = e.type === 'overwrite' ? (e.displayType ?? 'bubble') : 'bubble';
  return {
    room,
    authorName: e.authorName,
    isFeedback: false,
    incoming: false,
    ts: e.ts,
    event: 'message',
    message: {
      text,
      chunkId: e.chunkId,
      type: 'text',
      displayType,
      kind,
      timestamp: e.ts,
      tokens: e.type === 'complete' ? e.tokens : overwrite ? 0 : 1,
      overwrite,
      completed: e.type === 'complete' || (e.type === 'overwrite' && e.completed),
      seq: e.seq,
      rev: e.rev,
      offset: e.type === 'delta' ? e.offset : 0,
      stream: e.type,
    },
  };
}
