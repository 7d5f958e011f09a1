import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineRoute, type HandlerInput, type Route } from '../../http/route.js';
import { idParams } from '../../http/fields.js';
import { ValidationError } from '../../shared/errors.js';
import { isId } from '../../shared/ids.js';
import { snapshotOf } from '../../runtime/transcript.js';
import { MAX_MESSAGE_CHARS } from '../../runtime/user-messages.js';
import { streamSession } from '../../realtime/sse.js';
import { accessWatch } from '../../realtime/access-watch.js';
import { resolvePrincipal } from '../../http/auth-hooks.js';
import { parsePosition } from '../../realtime/session-follower.js';
import { SESSION_NOT_FOUND } from '../../auth/session-access.js';
import { AppError } from '../../shared/errors.js';
import { SessionRepository } from '../../db/repositories/session.repository.js';
import { pathId } from '../shared/ids.js';
import { chatMessageJson, presentChatMessage } from './message.presenter.js';

const tags = ['chat'];
const params = idParams('sessionId');
const messageBody = z.object({
  messageText: z
    .string({ error: (iss) => (iss.input == null ? 'Message Text is empty' : 'Message Text is an invalid type, should be "string"') })
    .min(1, 'Message Text is empty')
    .max(MAX_MESSAGE_CHARS, 'Message Text is too long'),
});
type SendInput = HandlerInput<'team', typeof messageBody, undefined, typeof params>;

export function sessionChatRoutes(ctx: AppContext): Route[] {
  const sessions = new SessionRepository(ctx.db);
  const send = async ({ principal, team, params, body }: SendInput) => {
    const { session } = await ctx.sessionAccess.inTeam(team, principal.account.id, pathId(params.sessionId, SESSION_NOT_FOUND));
    const m = await ctx.userMessages.post(session, { id: principal.account.id, name: principal.account.name }, body.messageText);
    return { message: 'Message sent successfully', _id: m.id, seq: m.seq, chunkId: m.chunkId };
  };
  const sendResponse = { 200: z.object({ message: z.string(), _id: z.string(), seq: z.number(), chunkId: z.string() }) };

  return [
    defineRoute({
      method: 'GET',
      url: '/:teamId/session/:sessionId/messages.json',
      summary: 'The session’s messages in order, each with its full text (or those after `messageId`)',
      tags,
      auth: 'team',
      params,
      query: z.object({
        messageId: z
          .string({ error: 'Message ID is an invalid type, should be "string"' })
          .optional()
          .refine((v) => v === undefined || isId(v), 'Message ID is not of the right length'),
      }),
      response: { 200: z.array(chatMessageJson) },
      async handler({ principal, team, params, query }) {
        const { session } = await ctx.sessionAccess.inTeam(team, principal.account.id, pathId(params.sessionId, SESSION_NOT_FOUND));
        const rows = await ctx.messages.list(team.teamId, session.id, query.messageId);
        return ctx.live.overlay(session.id, rows.map(snapshotOf)).map((m) => presentChatMessage(team.teamId, session.id, m));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/session/:sessionId/send-message',
      summary: 'Send a user message into a session (the REST way to talk to its agent)',
      description: 'Any session that is not terminated accepts messages; messages sent while a reply streams are answered in order.',
      tags,
      auth: 'team',
      params,
      body: messageBody,
      response: sendResponse,
      handler: send,
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/session/:sessionId/stream',
      summary: 'Send a user message (the SSE client’s way; same as send-message)',
      tags,
      auth: 'team',
      params,
      body: messageBody,
      response: sendResponse,
      handler: send,
    }),
    defineRoute({
      method: 'GET',
      url: '/:teamId/session/:sessionId/stream',
      summary: 'The session as Server-Sent Events: the transcript, then live events (resumable)',
      description:
        'Events: `message` (a whole message), `delta` (text appended at `offset`), `overwrite` (text replaced), `complete`, `status`, `terminate`. ' +
        'Each event id is the position `seq:rev:chars` (plus `:<state>` for state events); reconnect with `Last-Event-ID` (or `?since=`) to get exactly what came after it.',
      tags,
      auth: 'team',
      params,
      query: z.object({ since: z.string().optional() }),
      async handler({ principal, team, params, query, req, reply }) {
        // When the auth hook read the caller's access: an invalidation since then is re-checked at once.
        const checkedAt = performance.now() - reply.elapsedTime;
        const { session } = await ctx.sessionAccess.inTeam(team, principal.account.id, pathId(params.sessionId, SESSION_NOT_FOUND));
        const header = req.headers['last-event-id'];
        const sinceRaw = (typeof header === 'string' ? header : undefined) ?? query.since;
        const since = parsePosition(sinceRaw);
        if (sinceRaw && !since) throw new ValidationError('Last-Event-ID is not a position of this stream');
        await streamSession({ bus: ctx.bus, messages: ctx.messages, live: ctx.live }, req, reply, { teamId: team.teamId, id: session.id }, async () => {
          const now = await sessions.get(team.teamId, session.id);
          return { status: now?.status ?? 'terminated', error: now?.errorMessage ?? null };
        }, since, {
          watch: accessWatch(ctx),
          credential: principal.credential,
          checkedAt,
          // The same checks as opening the stream, on the same token (header or cookie), as of now.
          recheck: async () => {
            try {
              const now = await resolvePrincipal(ctx, req);
              const t = now && ctx.auth.teamAccess(now.account, team.teamId);
              if (!now || !t) return null;
              await ctx.sessionAccess.inTeam(t, now.account.id, session.id);
              return now.credential;
            } catch (err) {
              // Unauthorized or not found is an answer; anything else ends the stream too (it reconnects).
              if (!(err instanceof AppError)) req.log.error({ err }, 'session stream access re-check failed');
              return null;
            }
          },
        });
        return reply;
      },
    }),
  ];
}
