/**
 * The realtime connection to one session, over Agent Cloud's socket.io protocol (same origin,
 * path /socket.io/, the login cookie authenticates). Wrapped in a small interface so the page is
 * tested with a scripted fake instead of a server.
 */
import { io } from 'socket.io-client';
import type { WireEnvelope } from './transcript-state';

export type JoinPayload = { room: string; replay: true } | { room: string; since: string };

export type SendAck = { ok: true; _id: string; seq: number } | { ok?: false; error: string; code?: number };

export interface RealtimeHandlers {
  connect(): void;
  disconnect(reason: string): void;
  connectError(message: string): void;
  joined(room: string): void;
  joinError(error: { error: string; code?: number }): void;
  message(envelope: WireEnvelope): void;
  status(status: unknown): void;
  terminate(): void;
}

export interface Realtime {
  connected(): boolean;
  join(payload: JoinPayload): void;
  /** Resolves with the server's acknowledgement; rejects when none comes in time. */
  send(room: string, text: string, timeoutMs: number): Promise<SendAck>;
  stop(room: string): void;
  close(): void;
}

export type RealtimeFactory = (handlers: RealtimeHandlers) => Realtime;

function asAck(v: unknown): SendAck {
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (o.ok === true && typeof o.seq === 'number') return { ok: true, _id: typeof o._id === 'string' ? o._id : '', seq: o.seq };
    if (typeof o.error === 'string') return { error: o.error, code: typeof o.code === 'number' ? o.code : undefined };
  }
  return { error: 'The server gave no answer to the message' };
}

export const connectSocket: RealtimeFactory = (h) => {
  const socket = io({ path: '/socket.io/', withCredentials: true, reconnectionDelayMax: 5000 });
  socket.on('connect', () => h.connect());
  socket.on('disconnect', (reason) => h.disconnect(String(reason)));
  socket.on('connect_error', (err) => h.connectError(err.message));
  socket.on('joined', (room: unknown) => h.joined(typeof room === 'string' ? room : ''));
  socket.on('join_error', (e: unknown) => {
    const o = (e && typeof e === 'object' ? e : {}) as { error?: unknown; code?: unknown };
    h.joinError({ error: typeof o.error === 'string' ? o.error : 'Cannot open this session', code: typeof o.code === 'number' ? o.code : undefined });
  });
  socket.on('message', (envelope: unknown) => {
    if (envelope && typeof envelope === 'object') h.message(envelope as WireEnvelope);
  });
  socket.on('status', (status: unknown) => h.status(status));
  socket.on('terminate', () => h.terminate());
  return {
    connected: () => socket.connected,
    join: (payload) => void socket.emit('join_room', payload),
    send: (room, text, timeoutMs) =>
      new Promise<SendAck>((resolve, reject) => {
        socket.timeout(timeoutMs).emit('message', { room, message: { type: 'text', text } }, (err: Error | null, ack: unknown) => {
          if (err) reject(new Error('The server did not confirm the message. Check the transcript before sending it again.'));
          else resolve(asAck(ack));
        });
      }),
    stop: (room) => void socket.emit('stop_generating', { room }),
    close: () => void socket.disconnect(),
  };
};
