import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionEvent } from '../runtime/events.js';
import { formatPosition, type Position, SessionFollower } from './session-follower.js';
import type { EventBus } from './event-bus.js';
import type { MessageRepository } from '../db/repositories/message.repository.js';
import type { LiveMessages } from '../runtime/transcript.js';
import type { CredentialInfo } from '../auth/auth.service.js';
import { Gate, type AccessWatch, type Recheck, type Watching } from './access-watch.js';

const HEARTBEAT_MS = 15_000;

/** What the stream was opened with, so it can end when that access does (see AccessWatch). */
export interface StreamAccess {
  watch: AccessWatch;
  credential: CredentialInfo;
  /** `watch.mark()` taken before the caller's access was read. */
  checkedAt: number;
  /** The caller's access to this session as of now: the credential, or null when it is gone. */
  recheck: Recheck;
}

/**
 * A session as Server-Sent Events: the transcript (each reply whole), then live events. Text
 * events carry the position `seq:rev:chars` as their id, so `Last-Event-ID` resumes exactly after
 * what the client has; state events (status, complete, terminate) add their name to it.
 */
export async function streamSession(
  deps: { bus: EventBus; messages: MessageRepository; live: LiveMessages },
  req: FastifyRequest,
  reply: FastifyReply,
  session: { teamId: string; id: string },
  currentStatus: () => Promise<{ status: string; error: string | null }>,
  since: Position | null,
  access: StreamAccess,
): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': req.id,
  });
  res.write(': nimbus session stream\nretry: 2000\n\n');
  let last: Position = since ?? { seq: 0, rev: 0, len: 0 };
  let corked = false;
  const write = (id: string, event: string, data: unknown) => {
    if (res.writableEnded) return;
    // Events of one tick (a model's burst of deltas) leave in one socket write, not one each.
    if (!corked) {
      corked = true;
      res.cork();
      process.nextTick(() => {
        corked = false;
        res.uncork();
      });
    }
    res.write(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const sink = (e: SessionEvent) => {
    switch (e.type) {
      case 'message':
        // A message that arrives finished (a user message, an error line) needs no `complete`.
        last = { seq: e.message.seq, rev: e.message.rev, len: e.message.text.length, done: e.message.completed };
        return write(formatPosition(last), 'message', e.message);
      case 'delta':
        last = { seq: e.seq, rev: e.rev, len: e.offset + e.text.length };
        return write(formatPosition(last), 'delta', e);
      case 'overwrite':
        last = { seq: e.seq, rev: e.rev, len: e.text.length, done: e.completed };
        return write(formatPosition(last), 'overwrite', e);
      case 'complete':
        last = { seq: e.seq, rev: e.rev, len: e.text.length, done: true };
        return write(formatPosition(last), 'complete', e);
      case 'status':
        return write(`${formatPosition(last)}:${e.status}`, 'status', { status: e.status, error: e.error ?? null });
      case 'terminate':
        write(`${formatPosition(last)}:terminate`, 'terminate', { terminate: true, ...(e.deleted ? { deleted: true } : {}) });
        // A deleted session's stream ends; a reconnecting EventSource then gets 404 and gives up.
        if (e.deleted) end();
        return;
    }
  };
  // Live events wait here while an invalidation is re-checked (see Gate).
  const gate = new Gate(sink);
  const follower = new SessionFollower(deps, session.teamId, session.id, gate.send);
  const heartbeat = setInterval(() => {
    if (!res.writableEnded) res.write(': ping\n\n');
  }, HEARTBEAT_MS);
  let watching: Watching | null = null;
  const stop = () => {
    clearInterval(heartbeat);
    follower.close();
    watching?.stop();
  };
  const end = (last?: string) => {
    stop();
    if (!res.writableEnded) res.end(last);
  };
  req.raw.on('close', stop);
  res.on('close', stop);
  // The client may have left during the access check, before these listeners existed.
  if (res.destroyed) return stop();
  watching = access.watch.watch(access.credential, gate, async () => {
    const cred = await access.recheck();
    if (!cred) end(': access ended\n\n');
    return cred;
  });
  watching.since(access.checkedAt);
  try {
    await follower.start({
      replay: true,
      since,
      afterSnapshot: async () => gate.send({ type: 'status', ...(await currentStatus()) }),
    });
  } catch (err) {
    req.log.error({ err }, 'session stream failed');
    end();
  }
}
