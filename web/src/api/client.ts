/**
 * The typed API client: JSON in and out, the session cookie, the CSRF token of the last envelope,
 * and the API's `{error, message, code}` errors turned into ApiError.
 */
import { ApiError } from './errors';
import type { ApiPaths, Created, Method, PathsFor, RequestOptions, ResponseOf } from './types';

export { ApiError };

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

interface ClientState {
  fetch: FetchLike;
  csrf: string;
}

const state: ClientState = {
  fetch: (input, init) => globalThis.fetch(input, init),
  csrf: '',
};

/** Tests swap the transport. */
export function configureClient(opts: { fetch?: FetchLike }): void {
  if (opts.fetch) state.fetch = opts.fetch;
}

export function setCsrf(token: string): void {
  state.csrf = token;
}

export function currentCsrf(): string {
  return state.csrf;
}

const ID = /^[a-f0-9]{24}$/;

/** `/{teamId}/session/{id}` → the id: the last path segment when it is an object id. */
export function idFromRedirect(redirect: string): string | undefined {
  const last = redirect.split('?')[0]?.split('/').filter(Boolean).pop();
  return last && ID.test(last) ? last : undefined;
}

export function buildUrl(template: string, params?: Record<string, string>, query?: Record<string, unknown>): string {
  let url = template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === '') throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(value);
  });
  if (query) {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
    }
    const s = search.toString();
    if (s) url += `?${s}`;
  }
  return url;
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return null;
  const text = await res.text();
  if (!text) return null;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return { message: text };
    }
  }
  return { message: text };
}

function noteCsrf(body: unknown): void {
  if (body && typeof body === 'object' && 'csrf' in body && typeof body.csrf === 'string' && body.csrf) {
    state.csrf = body.csrf;
  }
}

async function refreshCsrf(): Promise<boolean> {
  const res = await state.fetch('/account.json', { method: 'GET', headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!res.ok) return false;
  noteCsrf(await readBody(res));
  return state.csrf !== '';
}

/** One request; `url` is already built. */
export async function send(method: string, url: string, body?: unknown, retried = false): Promise<unknown> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    // Agent Cloud's rule: a JSON request gets its redirect as data (200 `{redirect}`), not a 302.
    'content-type': 'application/json',
  };
  const unsafe = method !== 'GET';
  if (unsafe && state.csrf) headers['x-csrf-token'] = state.csrf;
  const res = await state.fetch(url, {
    method,
    headers,
    body: unsafe ? JSON.stringify(body ?? {}) : undefined,
    credentials: 'same-origin',
    // A documented create answers 302. A browser cannot read a 302's body (a manual redirect is
    // opaque), so it follows: `redirected` and the final URL say where the server sent us.
    redirect: 'follow',
  });
  if (res.redirected && unsafe) {
    const target = new URL(res.url, 'http://localhost');
    const redirect = target.pathname + target.search;
    const created: Created = { redirect };
    const id = idFromRedirect(redirect);
    if (id) created._id = id;
    return created;
  }
  const data = await readBody(res);
  noteCsrf(data);
  if (res.ok) return data;
  const error = ApiError.from(res.status, data);
  if (res.status === 403 && unsafe && !retried && /csrf/i.test(error.message) && (await refreshCsrf())) {
    return send(method, url, body, true);
  }
  throw error;
}

type Args<P extends keyof ApiPaths, M extends Method> =
  RequestOptions<P, M> extends { path?: undefined; body?: undefined } ? [opts?: RequestOptions<P, M>] : [opts: RequestOptions<P, M>];

async function call<M extends Method, P extends PathsFor<M>>(method: M, path: P, opts?: RequestOptions<P, M>): Promise<ResponseOf<P, M>> {
  const o = (opts ?? {}) as { path?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };
  const url = buildUrl(path, o.path, o.query);
  return (await send(method.toUpperCase(), url, o.body)) as ResponseOf<P, M>;
}

export const api = {
  get: <P extends PathsFor<'get'>>(path: P, ...[opts]: Args<P, 'get'>) => call('get', path, opts),
  post: <P extends PathsFor<'post'>>(path: P, ...[opts]: Args<P, 'post'>) => call('post', path, opts),
  delete: <P extends PathsFor<'delete'>>(path: P, ...[opts]: Args<P, 'delete'>) => call('delete', path, opts),
};
