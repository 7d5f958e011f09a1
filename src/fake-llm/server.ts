/**
 * Fake LLM server: speaks the OpenAI, Anthropic and Gemini wire protocols so
 * Nimbus's real provider adapters can run with no model provider reachable.
 * Replies are deterministic and steered by `[[fake:…]]` directives (see directives.ts).
 */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { anthropicModelList } from './anthropic.js';
import { authProblem } from './auth.js';
import { handleControl, type ControlTarget } from './control.js';
import { FaultBook, type Fault } from './faults.js';
import { geminiModelList } from './gemini.js';
import { parseJson, readBody, safeHeaders, sendJson, headerValue } from './http.js';
import { modelList, wantsUsage } from './openai.js';
import { planReply } from './plan.js';
import { sendFull, sendStream } from './respond.js';
import { matchRoute, type Route } from './routes.js';
import type { FakeLlmDefaults, Provider, RecordedRequest } from './types.js';

export type { Fault } from './faults.js';
export type { FakeLlmDefaults, Provider, RecordedRequest } from './types.js';

export interface FakeLlmOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  deltaDelayMs?: number;
  /** One line per model request on stdout. */
  log?: boolean;
}

export interface FakeLlm {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Live list: entries keep filling in (status, deltaTimes, outcome) while their reply is sent. */
  requests: RecordedRequest[];
  clearRequests(): void;
  enqueueFault(f: Fault): void;
  /** Drops queued faults and resets every `times=` counter. */
  clearFaults(): void;
  setDefaults(d: Partial<FakeLlmDefaults>): void;
}

const MODELS = ['fake-model'];

type GenerateRoute = Extract<Route, { kind: 'generate' }>;

function providerHeaders(p: Provider, seq: number): Record<string, string> {
  if (p === 'openai') return { 'x-request-id': `req_fake${seq}` };
  if (p === 'anthropic') return { 'request-id': `req_fake${seq}` };
  return {};
}

/** Path for the record, without a `?key=` credential. */
function recordedPath(url: URL): string {
  const q = new URLSearchParams(url.search);
  q.delete('key');
  const s = q.toString();
  return s === '' ? url.pathname : `${url.pathname}?${s}`;
}

export async function startFakeLlm(opts: FakeLlmOptions = {}): Promise<FakeLlm> {
  const host = opts.host ?? '127.0.0.1';
  const requests: RecordedRequest[] = [];
  const faults = new FaultBook();
  const defaults: FakeLlmDefaults = { deltaDelayMs: opts.deltaDelayMs ?? 0, reply: null };
  let seq = 0;

  const control: ControlTarget = {
    requests,
    // Emptied in place so callers holding `fake.requests` see the change.
    clearRequests: () => void requests.splice(0, requests.length),
    enqueueFault: (f) => faults.enqueue(f),
    clearFaults: () => faults.clear(),
    setDefaults: (d) => {
      if (d.deltaDelayMs !== undefined) defaults.deltaDelayMs = d.deltaDelayMs;
      if (d.reply !== undefined) defaults.reply = d.reply;
    },
    defaults: () => ({ ...defaults }),
  };

  async function generate(req: IncomingMessage, res: ServerResponse, url: URL, route: GenerateRoute): Promise<void> {
    const { format } = route;
    const p = format.provider;
    const id = ++seq;
    const rec: RecordedRequest = {
      id,
      provider: p,
      method: req.method ?? 'POST',
      path: recordedPath(url),
      headers: safeHeaders(req),
      body: null,
      time: Date.now(),
      stream: false,
      status: 0,
      fault: null,
      outcome: 'pending',
      deltaTimes: [],
    };
    requests.push(rec);
    if (opts.log) {
      res.once('close', () =>
        console.log(`[fake-llm] #${id} ${p} ${rec.method} ${rec.path} → ${rec.status} ${rec.outcome} deltas=${rec.deltaTimes.length}${rec.fault ? ` fault=${rec.fault}` : ''}`),
      );
    }
    const headers = providerHeaders(p, id);
    const fail = (status: number, message?: string, extra: Record<string, string> = {}): void => {
      rec.status = status;
      rec.outcome = 'error';
      sendJson(res, status, format.errorBody(status, message), { ...headers, ...extra });
    };

    const body = parseJson(await readBody(req));
    rec.body = body ?? null;
    const authError = authProblem(p, req, url.searchParams);
    if (authError !== null) return fail(401, authError);
    if (body === undefined) return fail(400, 'Request body is not valid JSON.');
    const conv = format.normalize(body, route.model);
    if ('invalid' in conv) return fail(400, conv.invalid);
    if (p === 'gemini') conv.stream = route.geminiStream;
    rec.stream = conv.stream;

    const plan = planReply(p, conv, defaults, faults);
    rec.fault = plan.fault?.label ?? null;
    if (plan.fault?.kind === 'error') {
      const retry: Record<string, string> =
        plan.fault.status === 429 ? { 'retry-after': '1', ...(p === 'openai' ? { 'retry-after-ms': '1000' } : {}) } : {};
      return fail(plan.fault.status, undefined, retry);
    }
    const ids = { seq: id, created: Math.floor(rec.time / 1000) };
    if (conv.stream) {
      // Groq's OpenAI-compatible API reports streamed usage in `x_groq` on the last chunk.
      const groq = rec.path.startsWith('/openai/v1/');
      const script = format.streamScript(plan, conv, ids, { sse: route.sse, includeUsage: wantsUsage(body), groq });
      return sendStream(res, script, plan, rec, headers);
    }
    return sendFull(res, format.fullBody(plan, conv, ids), plan, rec, headers, format.errorBody(500));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake-llm.local');
    const route = matchRoute(req.method ?? 'GET', url.pathname, url.searchParams, headerValue(req, 'anthropic-version') !== undefined);
    if (route === null) {
      return sendJson(res, 404, { error: { message: `Unknown fake-llm route ${req.method} ${url.pathname}`, type: 'invalid_request_error', code: 'not_found' } });
    }
    if (route.kind === 'control') return handleControl(req, res, url.pathname, control);
    if (route.kind === 'models') {
      const list = route.provider === 'anthropic' ? anthropicModelList(MODELS) : route.provider === 'gemini' ? geminiModelList(MODELS) : modelList(MODELS);
      return sendJson(res, 200, list);
    }
    return generate(req, res, url, route);
  }

  const server = createServer({ noDelay: true }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: `fake-llm internal error: ${String(err)}`, type: 'server_error', code: null } });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}`,
    port,
    requests,
    clearRequests: control.clearRequests,
    enqueueFault: control.enqueueFault,
    clearFaults: control.clearFaults,
    setDefaults: control.setDefaults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Stalled streams would otherwise keep close() waiting forever.
        server.closeAllConnections();
      }),
  };
}
