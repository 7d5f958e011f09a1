/**
 * `/_fake/*` control API, so processes that did not start the fake (a spawned
 * Nimbus server, the benchmark) can inspect requests and inject faults.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { faultSchema, type Fault } from './faults.js';
import { parseJson, readBody, sendJson } from './http.js';
import type { FakeLlmDefaults, RecordedRequest } from './types.js';

export const defaultsSchema = z
  .object({ deltaDelayMs: z.number().int().min(0), reply: z.string().nullable() })
  .partial()
  .strict();

export interface ControlTarget {
  requests: RecordedRequest[];
  clearRequests(): void;
  enqueueFault(f: Fault): void;
  clearFaults(): void;
  setDefaults(d: Partial<FakeLlmDefaults>): void;
  defaults(): FakeLlmDefaults;
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  return parseJson(await readBody(req));
}

export async function handleControl(req: IncomingMessage, res: ServerResponse, path: string, t: ControlTarget): Promise<void> {
  const route = `${req.method ?? 'GET'} ${path}`;
  switch (route) {
    case 'GET /_fake/health':
      return sendJson(res, 200, { ok: true, name: 'nimbus-fake-llm', note: 'test model, not a real model', requests: t.requests.length });
    case 'GET /_fake/requests':
      return sendJson(res, 200, t.requests);
    case 'DELETE /_fake/requests':
      t.clearRequests();
      res.writeHead(204).end();
      return;
    case 'POST /_fake/faults': {
      const parsed = z.union([faultSchema, z.array(faultSchema)]).safeParse(await jsonBody(req));
      if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
      const list = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
      list.forEach((f) => t.enqueueFault(f));
      return sendJson(res, 201, { queued: list.length });
    }
    case 'DELETE /_fake/faults':
      t.clearFaults();
      res.writeHead(204).end();
      return;
    case 'GET /_fake/defaults':
      return sendJson(res, 200, t.defaults());
    case 'POST /_fake/defaults': {
      const parsed = defaultsSchema.safeParse(await jsonBody(req));
      if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
      t.setDefaults(parsed.data);
      return sendJson(res, 200, t.defaults());
    }
    default:
      return sendJson(res, 404, { error: `No control route ${route}` });
  }
}
