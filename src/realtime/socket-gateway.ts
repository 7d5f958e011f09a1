import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { AppContext } from '../context.js';
import type { AccountSnapshot } from '../auth/auth.service.js';
import { SESSION_COOKIE } from '../http/auth-hooks.js';
import { SessionRepository } from '../db/repositories/session.repository.js';
import { stopSession } from '../runtime/session-control.js';
import type { SessionEvent } from '../runtime/events.js';
import { isId } from '../shared/ids.js';
import { AppError } from '../shared/errors.js';
import { parsePosition, SessionFollower } from './session-follower.js';
import { toAgentCloudEnvelope } from './agentcloud-envelope.js';

interface SocketState {
  token: string;
  followers: Map<string, SessionFollower>;
}

/**
 * Agent Cloud's socket.io protocol on the same port: `join_room`, `leave_room`, `message`,
 * `stop_generating` in; `joined`, `message`, `status`, `terminate` out. Every join and every write
 * is authorised like REST, re-checking the caller's credential each time (a revoked token or a
 * removed member loses the socket's rights at once).
 */
export function attachSocketGateway(ctx: AppContext, server: HttpServer): { io: Server; close(): Promise<void> } {
  const io = new Server(server, { path: '/socket.io/', serveClient: false, maxHttpBufferSize: 1e6 });
  const sessions = new SessionRepository(ctx.db);

  io.use((socket, next) => {
    const { token, viaCookie } = handshakeToken(socket);
    if (!token) return next(new Error('Unauthorized'));
    // A cookie rides along on a handshake from any page: accept it only from our own origin.
    if (viaCookie && !sameOrigin(socket)) return next(new Error('Forbidden origin'));
    ctx.auth.verify(token).then(
      (cred) => {
        if (!cred) return next(new Error('Unauthorized'));
        (socket.data as SocketState) = { token, followers: new Map() };
        next();
      },
      () => next(new Error('Unauthorized')),
    );
  });

  /** The caller as of now, or null (and the socket dropped) when the credential no longer holds. */
  const caller = async (socket: Socket): Promise<AccountSnapshot | null> => {
    const cred = await ctx.auth.verify((socket.data as SocketState).token).catch(() => null);
    const account = cred ? await ctx.auth.account(cred.accountId) : null;
    if (!account) {
      socket.emit('error', { error: 'Unauthorized', code: 401 });
      socket.disconnect(true);
    }
    return account;
  };

  io.on('connection', (socket) => {
    const state = socket.data as SocketState;
    const leave = (room: string) => {
      state.followers.get(room)?.close();
      state.followers.delete(room);
    };

    socket.on('join_room', async (payload: unknown) => {
      const { room, replay, since } = parseJoin(payload);
      const account = await caller(socket);
      if (!account || !room) return;
      if (account.memberships.some((m) => m.teamId === room)) {
        await socket.join(`team:${room}`);
        socket.emit('joined', room);
        return;
      }
      const found = isId(room) ? await ctx.sessionAccess.anyTeam(account, room).catch(() => null) : null;
      if (!found) {
        socket.emit('join_error', { room, error: 'No permission', code: 403 });
        return;
      }
      leave(room);
      const follower = new SessionFollower(ctx, found.session.teamId, room, (e: SessionEvent) => emit(socket, room, e));
      state.followers.set(room, follower);
      await follower.start({
        replay,
        since,
        // The status as of the snapshot, before any live event: a client coming back learns where things stand.
        afterSnapshot: async () => {
          const now = await sessions.get(found.session.teamId, room);
          if (now) emit(socket, room, { type: 'status', status: now.status, error: now.errorMessage });
        },
      });
      socket.emit('joined', room);
    });

    socket.on('leave_room', (room: unknown) => {
      if (typeof room === 'string') leave(room);
    });

    socket.on('message', async (data: unknown, ack?: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (r: unknown) => void) : () => undefined;
      const parsed = parseMessage(data);
      if (!parsed) return reply({ error: 'Invalid message', code: 400 });
      const account = await caller(socket);
      if (!account) return;
      const found = await ctx.sessionAccess.anyTeam(account, parsed.room).catch(() => null);
      if (!found) return reply({ error: 'No permission', code: 403 });
      try {
        const m = await ctx.userMessages.post(found.session, { id: account.id, name: account.name }, parsed.text);
        reply({ ok: true, _id: m.id, seq: m.seq });
      } catch (err) {
        reply(err instanceof AppError ? { error: err.message, code: err.status } : { error: 'Internal error', code: 500 });
      }
    });

    socket.on('stop_generating', async (data: unknown) => {
      const room = typeof data === 'string' ? data : (data as { room?: unknown } | null)?.room;
      if (typeof room !== 'string' || !isId(room)) return;
      const account = await caller(socket);
      if (!account) return;
      const found = await ctx.sessionAccess.anyTeam(account, room).catch(() => null);
      if (found) await stopSession({ sessions, messages: ctx.messages, bus: ctx.bus }, found.session.teamId, room);
    });

    socket.on('disconnect', () => {
      for (const f of state.followers.values()) f.close();
      state.followers.clear();
    });
  });

  return {
    io,
    // The HTTP server is closed by its owner; this only lets go of the sockets.
    close: () =>
      new Promise<void>((resolve) => {
        io.close(() => resolve());
      }),
  };
}

function emit(socket: Socket, room: string, e: SessionEvent): void {
  if (e.type === 'status') {
    // Agent Cloud's clients read the bare status string; the error text rides in a second event.
    socket.emit('status', e.status);
    socket.emit('status_detail', { room, status: e.status, error: e.error ?? null });
  }
  else if (e.type === 'terminate') socket.emit('terminate', true);
  else socket.emit('message', toAgentCloudEnvelope(room, e));
}

function handshakeToken(socket: Socket): { token: string | undefined; viaCookie: boolean } {
  const auth = socket.handshake.auth as { token?: unknown } | undefined;
  if (typeof auth?.token === 'string' && auth.token) return { token: auth.token, viaCookie: false };
  const header = socket.handshake.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return { token: header.slice(7).trim(), viaCookie: false };
  const cookies = socket.handshake.headers.cookie ?? '';
  for (const part of cookies.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return { token: decodeURIComponent(v.join('=')), viaCookie: true };
  }
  return { token: undefined, viaCookie: false };
}

/** No Origin (a non-browser client) or the Origin of this very host. */
function sameOrigin(socket: Socket): boolean {
  const origin = socket.handshake.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === socket.handshake.headers.host;
  } catch {
    return false;
  }
}

/** `join_room` takes Agent Cloud's bare room string, or `{room, replay?, since?}` to get the transcript first. */
function parseJoin(payload: unknown): { room: string | null; replay: boolean; since: ReturnType<typeof parsePosition> } {
  if (typeof payload === 'string') return { room: payload, replay: false, since: null };
  if (payload && typeof payload === 'object') {
    const p = payload as { room?: unknown; replay?: unknown; since?: unknown };
    if (typeof p.room === 'string') {
      const since = typeof p.since === 'string' ? parsePosition(p.since) : null;
      return { room: p.room, replay: p.replay === true || since !== null, since };
    }
  }
  return { room: null, replay: false, since: null };
}

/** A user's chat input: Agent Cloud's `{room, message: {type:'text', text}}` or `{room, message: "text"}`. */
function parseMessage(data: unknown): { room: string; text: string } | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as { room?: unknown; message?: unknown };
  if (typeof d.room !== 'string' || !isId(d.room)) return null;
  const text = typeof d.message === 'string' ? d.message : (d.message as { text?: unknown } | null)?.text;
  return typeof text === 'string' && text.trim() !== '' ? { room: d.room, text } : null;
}
