/**
 * One session, live: joins its room (the whole transcript on the first join, only what came
 * after our position on a re-join), merges every event into the transcript state, re-joins on a
 * gap, and sends / stops through the socket, or through REST while the socket is down.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { api } from '../api/client';
import { ApiError } from '../api/errors';
import { connectSocket, type Realtime, type RealtimeFactory } from './realtime';
import { EMPTY_TRANSCRIPT, resumePosition, transcriptReducer, type TranscriptState } from './transcript-state';

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'denied';

export interface LiveSessionOptions {
  teamId: string;
  sessionId: string;
  /** The status the page already read (session.json), until the socket says otherwise. */
  initialStatus: string;
  /** A fresh read of the session's status (after every join: statuses are not replayed). */
  readStatus(): Promise<string | null>;
  /** A live status event (the page refreshes the token count when a turn ends). */
  onStatus?(status: string): void;
  /** The login is gone (the socket was refused). */
  onUnauthorized?(): void;
  realtime?: RealtimeFactory;
}

export interface LiveSession {
  state: TranscriptState;
  connection: Connection;
  /** Why the room could not be joined, when it could not. */
  denied: string | null;
  /** True from the first `joined` on: the transcript shown is the server's. */
  loaded: boolean;
  send(text: string): Promise<void>;
  stop(): Promise<void>;
}

const SEND_TIMEOUT_MS = 15_000;

export function useLiveSession(opts: LiveSessionOptions): LiveSession {
  const { teamId, sessionId } = opts;
  const [state, dispatch] = useReducer(transcriptReducer, EMPTY_TRANSCRIPT);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [denied, setDenied] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const stateRef = useRef(state);
  stateRef.current = state;
  const rt = useRef<Realtime | null>(null);
  const joining = useRef(false);
  const callbacks = useRef(opts);
  callbacks.current = opts;

  useEffect(() => {
    dispatch({ type: 'snapshot-status', status: callbacks.current.initialStatus, statusEventsAtRead: 0 });
    let everJoined = false;
    let closed = false;
    const refreshStatus = () => {
      const at = stateRef.current.statusEvents;
      callbacks.current
        .readStatus()
        .then((status) => {
          if (!closed && status) dispatch({ type: 'snapshot-status', status, statusEventsAtRead: at });
        })
        .catch(() => undefined);
    };
    const join = (conn: Realtime) => {
      const since = everJoined ? resumePosition(stateRef.current) : null;
      joining.current = true;
      dispatch({ type: 'resync-started' });
      conn.join(since ? { room: sessionId, since } : { room: sessionId, replay: true });
    };
    const factory = callbacks.current.realtime ?? connectSocket;
    const conn = factory({
      connect: () => join(conn),
      disconnect: () => {
        joining.current = false;
        if (!closed) setConnection('reconnecting');
      },
      connectError: (message) => {
        if (closed) return;
        setConnection('reconnecting');
        if (/unauthori[sz]ed/i.test(message)) callbacks.current.onUnauthorized?.();
      },
      joined: (room) => {
        if (room !== sessionId) return;
        joining.current = false;
        everJoined = true;
        setLoaded(true);
        setConnection('live');
        refreshStatus();
      },
      joinError: (e) => {
        joining.current = false;
        setDenied(e.error);
        setConnection('denied');
      },
      message: (envelope) => {
        if (envelope.room === undefined || envelope.room === sessionId) dispatch({ type: 'envelope', envelope });
      },
      status: (status) => {
        dispatch({ type: 'status', status });
        if (typeof status === 'string') callbacks.current.onStatus?.(status);
      },
      terminate: () => {
        dispatch({ type: 'terminate' });
        callbacks.current.onStatus?.('terminated');
      },
    });
    rt.current = conn;
    return () => {
      closed = true;
      rt.current = null;
      conn.close();
    };
  }, [sessionId]);

  // A gap in a reply: join again from what we have; the server sends exactly the rest.
  useEffect(() => {
    const conn = rt.current;
    if (!state.resync || !conn || joining.current || !conn.connected()) return;
    const since = resumePosition(state);
    joining.current = true;
    dispatch({ type: 'resync-started' });
    conn.join(since ? { room: sessionId, since } : { room: sessionId, replay: true });
  }, [state, sessionId]);

  const send = useCallback(
    async (text: string) => {
      const conn = rt.current;
      if (conn?.connected()) {
        const ack = await conn.send(sessionId, text, SEND_TIMEOUT_MS);
        if (!ack.ok) throw new ApiError(ack.code ?? 400, ack.error, ack.error, ack);
        dispatch({ type: 'sent', seq: ack.seq });
        return;
      }
      const res = await api.post('/{teamId}/session/{sessionId}/send-message', { path: { teamId, sessionId }, body: { messageText: text } });
      dispatch({ type: 'sent', seq: res.seq });
    },
    [teamId, sessionId],
  );

  const stop = useCallback(async () => {
    const conn = rt.current;
    if (conn?.connected()) {
      conn.stop(sessionId);
      return;
    }
    await api.post('/{teamId}/forms/session/{sessionId}/cancel', { path: { teamId, sessionId }, body: { sessionId } });
  }, [teamId, sessionId]);

  return { state, connection, denied, loaded, send, stop };
}
