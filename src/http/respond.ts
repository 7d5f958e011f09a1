import type { FastifyReply, FastifyRequest } from 'fastify';

/** A response with a status other than 200, or extra headers. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

/**
 * Agent Cloud's `dynamicResponse`: a JSON or multipart request gets 200 with the body (its
 * `redirect` included); any other request (a form post, a browser) gets a real 302.
 */
export class Dynamic {
  constructor(readonly body: { redirect?: string } & Record<string, unknown>) {}
}

/** A create on a documented route: 302 + Location + `{_id, redirect}`, whatever the content type. */
export function created(id: string, redirect: string): Reply {
  return new Reply(302, { _id: id, redirect }, { location: redirect });
}

export function dynamic(body: { redirect?: string } & Record<string, unknown>): Dynamic {
  return new Dynamic(body);
}

export function status(code: number, body: unknown): Reply {
  return new Reply(code, body);
}

export function isJsonRequest(req: FastifyRequest): boolean {
  const type = req.headers['content-type'] ?? '';
  return type.startsWith('application/json') || type.startsWith('multipart/form-data');
}

export function send(req: FastifyRequest, reply: FastifyReply, result: unknown): FastifyReply {
  if (result instanceof Reply) {
    reply.code(result.status);
    for (const [k, v] of Object.entries(result.headers)) reply.header(k, v);
    return result.status === 204 ? reply.send() : reply.send(result.body ?? {});
  }
  if (result instanceof Dynamic) {
    if (!isJsonRequest(req) && result.body.redirect) {
      return reply.code(302).header('location', result.body.redirect).send(result.body);
    }
    return reply.code(200).send(result.body);
  }
  return reply.code(200).send(result ?? {});
}
