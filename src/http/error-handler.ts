import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../shared/errors.js';

export interface ErrorBody {
  error: string;
  message: string;
  code: number;
}

export function errorBody(code: number, error: string, message: string = error): ErrorBody {
  return { error, message, code };
}

/** Fastify's own client errors, in words a client can act on. */
const FASTIFY_CLIENT_ERRORS: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Malformed JSON body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Empty JSON body: send a JSON value or no Content-Type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported Content-Type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length does not match the body',
  FST_ERR_CTP_INVALID_TYPE: 'Invalid Content-Type',
};

/** Every error leaves as `{error, message, code}`; internals stay in the log, keyed by request id. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0]?.message ?? 'Invalid input';
      return reply.code(400).send(errorBody(400, first));
    }
    if (err instanceof AppError) {
      return reply.code(err.status).send(errorBody(err.status, err.message, err.detail ?? err.message));
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message = (err.code && FASTIFY_CLIENT_ERRORS[err.code]) || err.message || 'Bad request';
      if (status === 429) reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
      return reply.code(status).send(errorBody(status, message));
    }
    req.log.error({ err, reqId: req.id }, 'request failed');
    const message = `An internal error occurred. Please contact support with code: ${req.id}`;
    return reply.code(500).send(errorBody(500, message));
  });
}
