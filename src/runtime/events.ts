/**
 * Everything that happens in a session, as it goes on the event bus. socket.io and SSE both
 * subscribe; each text event carries its message's seq, revision and character offset, so a
 * client that joins late (or comes back) can merge a snapshot with live events exactly — no gap,
 * no duplicate.
 */
export type MessageKind = 'user' | 'assistant' | 'tool' | 'system' | 'error';

export interface MessageSnapshot {
  id: string;
  seq: number;
  rev: number;
  chunkId: string;
  kind: MessageKind;
  authorName: string;
  authorId: string | null;
  incoming: boolean;
  isFeedback: boolean;
  type: string;
  displayType: string;
  text: string;
  tokens: number;
  completed: boolean;
  ts: number;
}

export type SessionEvent =
  | { type: 'message'; message: MessageSnapshot }
  | { type: 'delta'; seq: number; rev: number; chunkId: string; authorName: string; offset: number; text: string; ts: number }
  /** The whole text of a message replaced (a tool line finishing, a retried reply restarting). */
  | { type: 'overwrite'; seq: number; rev: number; chunkId: string; authorName: string; text: string; completed: boolean; ts: number; kind?: MessageKind; displayType?: string }
  /** A reply finished: carries its whole text, so a client that missed a piece converges anyway. */
  | { type: 'complete'; seq: number; rev: number; chunkId: string; authorName: string; text: string; tokens: number; ts: number }
  | { type: 'status'; status: string; error?: string | null }
  /** The session stopped; `deleted` when it is gone for good (streams of it end). */
  | { type: 'terminate'; deleted?: boolean };

export const sessionChannel = (sessionId: string) => `session:${sessionId}`;
export const SESSION_CONTROL = 'session.control';

export interface SessionControl {
  sessionId: string;
  action: 'stop';
}
