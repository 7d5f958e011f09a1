/** A thin fetch wrapper: real HTTP, JSON in and out, no redirect following unless asked. */
export interface HttpResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
  /** Sent as JSON unless `raw` is given. */
  json?: unknown;
  raw?: string;
  contentType?: string;
  redirect?: 'manual' | 'follow' | 'error';
}

export class Http {
  constructor(readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(method: string, path: string, opts: RequestOptions = {}): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.cookie) headers.cookie = opts.cookie;
    let body: string | undefined;
    if (opts.raw !== undefined) {
      body = opts.raw;
      headers['content-type'] = opts.contentType ?? 'application/json';
    } else if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      headers['content-type'] = opts.contentType ?? 'application/json';
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body, redirect: opts.redirect ?? 'manual' });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  get<T = Record<string, unknown>>(path: string, opts?: RequestOptions) {
    return this.request<T>('GET', path, opts);
  }
  post<T = Record<string, unknown>>(path: string, json?: unknown, opts?: RequestOptions) {
    return this.request<T>('POST', path, { ...opts, json: json ?? opts?.json });
  }
  delete<T = Record<string, unknown>>(path: string, json?: unknown, opts?: RequestOptions) {
    return this.request<T>('DELETE', path, { ...opts, json });
  }
}
