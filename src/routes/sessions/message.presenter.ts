import { z } from 'zod';
import type { MessageSnapshot } from '../../runtime/events.js';

/** A chat message as Agent Cloud stores and serves it (the socket envelope inside), with full text. */
export const chatMessageJson = z.looseObject({
  _id: z.string(),
  sessionId: z.string(),
  chunkId: z.string(),
  authorName: z.string(),
  ts: z.number(),
  isFeedback: z.boolean(),
  tokens: z.number(),
  completed: z.boolean(),
  seq: z.number(),
  rev: z.number(),
  kind: z.string(),
  message: z.looseObject({
    room: z.string(),
    authorName: z.string(),
    incoming: z.boolean(),
    message: z.looseObject({ type: z.string(), text: z.string(), chunkId: z.string(), displayType: z.string() }),
  }),
});

export function presentChatMessage(teamId: string, sessionId: string, m: MessageSnapshot) {
  return {
    _id: m.id,
    teamId,
    sessionId,
    chunkId: m.chunkId,
    authorId: m.authorId,
    authorName: m.authorName,
    ts: m.ts,
    isFeedback: m.isFeedback,
    displayType: m.displayType,
    tokens: m.tokens,
    completed: m.completed,
    seq: m.seq,
    rev: m.rev,
    kind: m.kind,
    message: {
      room: sessionId,
      authorName: m.authorName,
      event: 'message',
      incoming: m.incoming,
      isFeedback: m.isFeedback,
      ts: m.ts,
      message: {
        type: m.type,
        text: m.text,
        chunkId: m.chunkId,
        displayType: m.displayType,
        tokens: m.tokens,
        timestamp: m.ts,
      },
    },
  };
}
