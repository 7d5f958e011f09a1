import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { AppContext } from '../context.js';
import type { AccountSnapshot, CredentialInfo } from '../auth/auth.service.js';
import { SESSION_COOKIE } from '../http/auth-hooks.js';
import { SessionRepository } from '../db/repositories/session.repository.js';
import { stopSession } from '../runtime/session-control.js';
import type { SessionEvent } from '../runtime/events.js';
import { isId } from '../shared/ids.js';
import { AppError } from '../shared/errors.js';
import { parsePosition, SessionFollower } from './session-follower.js';
import { toAgentCloudEnvelope } from './agentcloud-envelope.js';
import { accessWatch, Gate } from './access-watch.js';

interface SocketState {
  token: string;
  credential: CredentialInfo;
  /** `watch.mark()` taken before the handshake's credential was read. */
  checkedAt: number;
  followers: Map<string, SessionFollower>;
}

/** One session event on its way out, dropped if its follower was closed while it was held. */
interface Outgoing {
  room: string;
  follower: SessionFollower;
  event: SessionEvent;
}

const INTERNAL = { error: 'Internal error', code: 500 };

/**
 * Agent Cloud's socket.io protocol on the same port: `join_room`, `leave_room`, `message`,
 * `stop_generating` in; `joined`, `message`, `status`, `terminate` out. Every join and every write
 * is authorised like REST, re-checking the caller's credential each time. Joined rooms are
 * re-checked when the credential or account is invalidated (AccessWatch): a socket that lost a
 * room gets `join_error` for it, one whose credential died is disconnected.
 */
export function attachSocketGateway(ctx: AppContext, server: HttpServer): { io: Server; close(): Promise<void> } {
  const io = new Server(server, { path: '/socket.io/', serveClient: false, maxHttpBufferSize: 1e6 });
  const sessions = new SessionRepository(ctx.db);
  const watch = accessWatch(ctx);

  io.use((socket, next) => {
    const { token, viaCookie } = handshakeToken(socket);
    if (!token) return next(new Error('Unauthorized'));
    // A cookie rides along on a handshake from any page: accept it only from our own origin.
    if (viaCookie && !sameOrigin(socket)) return next(new Error('Forbidden origin'));
    const checkedAt = watch.mark();
    ctx.auth.verify(token).then(
      (cred) => {
        if (!cred) return next(new Error('Unauthorized'));
        (socket.data as SocketState) = { token, credential: cred, checkedAt, followers: new Map() };
        next();
      },
      () => next(new Error('Unauthorized')),
    );
  });

  /** The caller as of now, or null (and the socket dropped) when the credential no longer holds. */
  const current = async (socket: Socket): Promise<{ cred: CredentialInfo; account: AccountSnapshot } | null> => {
    const cred = await ctx.auth.verify((socket.data as SocketState).token).catch(() => null);
    const account = cred ? await ctx.auth.account(cred.accountId).catch(() => null) : null;
    if (!cred || !account) {
      socket.emit('error', { error: 'Unauthorized', code: 401 });
      socket.disconnect(true);
      return null;
    }
    return { cred, account };
  };
  const caller = async (socket: Socket) => (await current(socket))?.account ?? null;

  io.on('connection', (socket) => {
    const state = socket.data as SocketState;
    const leave = (room: string) => {
      state.followers.get(room)?.close();
      state.followers.delete(room);
    };
    const gate = new Gate<Outgoing>((o) => {
      if (state.followers.get(o.room) !== o.follower) return;
      emit(socket, o.room, o.event);
      // A deleted session has nothing more to say: stop following it.
      if (o.event.type === 'terminate' && o.event.deleted) {
        leave(o.room);
        void socket.leave(o.room);
      }
    });

    /** After an invalidation: drop the socket, or leave the rooms its account may no longer see. */
    const recheck = async (): Promise<CredentialInfo | null> => {
      const now = await current(socket);
      if (!now) return null;
      for (const r of socket.rooms) {
        if (r.startsWith('team:') && !now.account.memberships.some((m) => `team:${m.teamId}` === r)) void socket.leave(r);
      }
      await Promise.all(
        [...state.followers].map(async ([room, follower]) => {
          const ok = await ctx.sessionAccess.anyTeam(now.account, room).then(Boolean, (err: unknown) => {
            ctx.log.error({ err, room }, 'socket room access re-check failed');
            return false;
          });
          if (ok || state.followers.get(room) !== follower) return;
          leave(room);
          // The answer a refused join gets: for the client, both mean it is not in the room.
          socket.emit('join_error', { room, error: 'No permission', code: 403 });
        }),
      );
      return now.cred;
    };
    const watching = watch.watch(state.credential, gate, recheck);
    watching.since(state.checkedAt);

    /** Async handlers must not reject unseen: a database error is logged and answered in the protocol's style. */
    const on = <A extends unknown[]>(event: string, handler: (...args: A) => Promise<void>, fail: (...args: A) => void) => {
      socket.on(event, (...args: A) => {
        handler(...args).catch((err: unknown) => {
          ctx.log.error({ err, event }, 'socket event failed');
          if (socket.connected) fail(...args);
        });
      });
    };

    on(
      'join_room',
      async (payload: unknown) => {
        const { room, replay, since } = parseJoin(payload);
        const mark = watch.mark();
        const account = await caller(socket);
        if (!account || !room || !socket.connected) return;
        if (account.memberships.some((m) => m.teamId === room)) {
          await socket.join(`team:${room}`);
          socket.emit('joined', room);
          return;
        }
        const found = isId(room) ? await ctx.sessionAccess.anyTeam(account, room).catch(() => null) : null;
        // Gone meanwhile: no follower for a socket nobody will ever close again.
        if (!socket.connected) return;
        // A join replaces an earlier one of the same room: its follower is closed, never left running.
        leave(room);
        if (!found) {
          socket.emit('join_error', { room, error: 'No permission', code: 403 });
          return;
        }
        const follower = new SessionFollower(ctx, found.session.teamId, room, (event: SessionEvent) => gate.send({ room, follower, event }));
        state.followers.set(room, follower);
        // The account was read before an invalidation that arrived since: check this room again.
        watching.since(mark);
        try {
          await follower.start({
            replay,
            since,
            // The status as of the snapshot, before any live event: a client coming back learns where things stand.
            afterSnapshot: async () => {
              const now = await sessions.get(found.session.teamId, room);
              if (now) gate.send({ room, follower, event: { type: 'status', status: now.status, error: now.errorMessage } });
            },
          });
        } catch (err) {
          if (state.followers.get(room) === follower) leave(room);
          throw err;
        }
        if (socket.connected && state.followers.get(room) === follower) socket.emit('joined', room);
      },
      (payload) => socket.emit('join_error', { room: parseJoin(payload).room, ...INTERNAL }),
    );

    socket.on('leave_room', (room: unknown) => {
      if (typeof room === 'string') leave(room);
    });

    on(
      'message',
      async (data: unknown, ack?: unknown) => {
        const reply = ackOf(ack);
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
          if (!(err instanceof AppError)) throw err;
          reply({ error: err.message, code: err.status });
        }
      },
      (_data, ack) => ackOf(ack)(INTERNAL),
    );

    on(
      'stop_generating',
      async (data: unknown) => {
        const room = typeof data === 'string' ? data : (data as { room?: unknown } | null)?.room;
        if (typeof room !== 'string' || !isId(room)) return;
        const account = await caller(socket);
        if (!account) return;
        const found = await ctx.sessionAccess.anyTeam(account, room).catch(() => null);
        if (found) await stopSession({ sessions, messages: ctx.messages, bus: ctx.bus }, found.session.teamId, room);
      },
      () => socket.emit('error', INTERNAL),
    );

    socket.on('disconnect', () => {
      watching.stop();
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

function ackOf(ack: unknown): (r: unknown) => void {
  return typeof ack === 'function' ? (ack as (r: unknown) => void) : () => undefined;
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
