/**
 * A small node:http client with keep-alive. The bench shares two cores with the server it
 * measures, so the client side must be cheap: no fetch/undici stream machinery per request.
 */

import { Agent, request, type IncomingHttpHeaders } from 'node:http';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export class HttpClient {
  readonly agent: Agent;

  constructor(
    readonly baseUrl: string,
    opts: { maxSockets?: number } = {},
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: opts.maxSockets ?? 512, noDelay: true });
  }

  send(method: string, path: string, opts: { token?: string; json?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Reply> {
    const url = new URL(path, this.baseUrl);
    const body = opts.json === undefined ? undefined : JSON.stringify(opts.json);
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    return new Promise((resolve, reject) => {
      const req = request(url, { method, headers, agent: this.agent, timeout: opts.timeoutMs ?? 30_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  /** JSON in, JSON out; throws unless the status is the expected one. */
  async json<T>(method: string, path: string, expect: number, opts: { token?: string; json?: unknown } = {}): Promise<T> {
    const res = await this.send(method, path, opts);
    if (res.status !== expect) throw new Error(`${method} ${path} answered ${res.status} (expected ${expect}): ${res.text.slice(0, 300)}`);
    return (res.text ? JSON.parse(res.text) : {}) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function inBatches<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}
