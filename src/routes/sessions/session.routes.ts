import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineRoute, type Route } from '../../http/route.js';
import { created } from '../../http/respond.js';
import { idParams, MAX_IDS, teamParams } from '../../http/fields.js';
import { isId } from '../../shared/ids.js';
import { ValidationError } from '../../shared/errors.js';
import { isPlainObject } from '../tools/tool-input.js';
import { envelope, envelopeSchema } from '../shared/envelope.js';
import { pathId, pathOrBodyId } from '../shared/ids.js';
import { appJson } from '../apps/app.presenter.js';
import { sessionJson } from './session.presenter.js';
import { SessionService } from './session.service.js';

const tags = ['sessions'];
const params = idParams('sessionId');
const NOT_FOUND = 'Session not found';

/**
 * The app id comes in three shapes: `{id}` (Agent Cloud's code), `{appId}` (its docs) and a bare
 * JSON string (its docs' schema). All three end as `{appId, skipRun}`.
 */
const sessionAddBody = z
  .union(
    [
      z.string(),
      z.object({
        id: z.unknown().optional(),
        appId: z.unknown().optional(),
        // Form posts send the flag as text.
        skipRun: z.union([z.boolean(), z.enum(['true', 'false'])], { error: '[skipRun] is an invalid type, should be "boolean"' }).nullish(),
      }),
    ],
    {
      // A failed union reports only its own error: for an object, pass on what the object found wrong.
      error: (iss) => (iss.code === 'invalid_union' && isPlainObject(iss.input) && iss.errors[1]?.[0]?.message) || 'Id is empty',
    },
  )
  .transform((body, c) => {
    const raw = typeof body === 'string' ? body : (body.id ?? body.appId);
    const skipRun = typeof body === 'object' && (body.skipRun === true || body.skipRun === 'true');
    if (raw === undefined || raw === null || raw === '') {
      c.addIssue({ code: 'custom', message: 'Id is empty' });
      return z.NEVER;
    }
    if (typeof raw !== 'string') {
      c.addIssue({ code: 'custom', message: 'Id is an invalid type, should be "string"' });
      return z.NEVER;
    }
    return { appId: raw.trim(), skipRun };
  });

const sessionIdBody = z.object({ sessionId: z.string({ error: 'Session ID is an invalid type, should be "string"' }).optional() }).nullish();

export function sessionRoutes(ctx: AppContext): Route[] {
  const sessions = new SessionService(ctx);
  const detailRoute = (url: string, summary: string) =>
    defineRoute({
      method: 'GET',
      url,
      summary,
      tags,
      auth: 'team',
      documented: true,
      params,
      response: { 200: envelopeSchema({ session: sessionJson, app: appJson.nullable(), avatarMap: z.record(z.string(), z.string().nullable()) }) },
      async handler({ principal, team, params }) {
        const detail = await sessions.detail(team, principal.account.id, pathId(params.sessionId, NOT_FOUND));
        return envelope(ctx, principal, team, detail);
      },
    });

  return [
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/session/add',
      summary: 'Create a session from an app (and start it)',
      description:
        'Body: `{"id": "<appId>"}`, `{"appId": "<appId>"}` or the bare JSON string `"<appId>"`; optional `skipRun`. ' +
        'Answers 302 with `Location: /{teamId}/session/{sessionId}` and `{_id, redirect}`. Unless `skipRun` is true or the app needs variables first, the session starts at once.',
      tags,
      auth: 'team',
      documented: true,
      params: teamParams,
      body: sessionAddBody,
      response: { 302: z.object({ _id: z.string(), redirect: z.string() }) },
      async handler({ principal, team, body }) {
        if (!isId(body.appId)) throw new ValidationError('Invalid inputs');
        const sessionId = await sessions.add(team, principal.account.id, body.appId, body.skipRun);
        return created(sessionId, `/${team.teamId}/session/${sessionId}`);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/:teamId/sessions.json',
      summary: 'The team’s ten newest sessions (before a cursor), each with its app',
      tags,
      auth: 'team',
      documented: true,
      params: teamParams,
      query: z.object({
        before: z
          .string({ error: '[before] is an invalid type, should be "string"' })
          .optional()
          .refine((v) => v === undefined || v === '' || v === 'null' || isId(v), '[before] is not a valid session id'),
      }),
      response: { 200: envelopeSchema({ sessions: z.array(sessionJson.extend({ app: appJson.optional() })) }) },
      async handler({ principal, team, query }) {
        const before = query.before && query.before !== 'null' ? query.before : null;
        return envelope(ctx, principal, team, { sessions: await sessions.list(team, principal.account.id, before) });
      },
    }),
    detailRoute('/:teamId/session/:sessionId.json', 'Get a session with its app and avatar map'),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/session/:sessionId/cancel',
      summary: 'Cancel a session: status terminated and the run stops',
      tags,
      auth: 'team',
      documented: true,
      params,
      body: sessionIdBody,
      response: { 200: z.object({}) },
      async handler({ principal, team, params, body }) {
        await sessions.cancel(team, principal.account.id, pathOrBodyId(params.sessionId, body?.sessionId, NOT_FOUND));
        return {};
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/:teamId/forms/session/:sessionId',
      summary: 'Delete a session and its messages',
      tags,
      auth: 'team',
      documented: true,
      params,
      body: sessionIdBody,
      response: { 200: z.object({}) },
      async handler({ principal, team, params, body }) {
        await sessions.delete(team, principal.account.id, pathOrBodyId(params.sessionId, body?.sessionId, NOT_FOUND));
        return {};
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/session/:sessionId/edit',
      summary: 'Set the session’s variables (before starting it)',
      tags,
      auth: 'team',
      params,
      body: z.object({
        sessionId: z.string().optional(),
        variables: z
          .record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String), {
            error: (iss) => (iss.input == null ? 'Variables is empty' : 'Variables is an invalid type, should be "object"'),
          })
          // As many as an app's id lists can name.
          .refine((v) => Object.keys(v).length <= MAX_IDS, `Variables is too long (at most ${MAX_IDS} entries)`),
      }),
      response: { 200: z.object({ message: z.string(), session: z.looseObject({}) }) },
      async handler({ principal, team, params, body }) {
        const id = pathOrBodyId(params.sessionId, body.sessionId, NOT_FOUND);
        const result = await sessions.setVariables(team, principal.account.id, id, body.variables);
        return { message: 'Session updated successfully', session: result };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/session/:sessionId/start',
      summary: 'Start (or restart) a session: clears a stop and runs it',
      tags,
      auth: 'team',
      params,
      body: z.object({ sessionId: z.string().optional(), appType: z.enum(['chat', 'crew']).optional() }).nullish(),
      response: { 200: z.object({ message: z.string() }) },
      async handler({ principal, team, params, body }) {
        await sessions.start(team, principal.account.id, pathOrBodyId(params.sessionId, body?.sessionId, NOT_FOUND));
        return { message: 'Session started successfully' };
      },
    }),
  ];
}
