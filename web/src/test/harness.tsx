/** Render a page as the app does (query client, router, team), over a scripted fake API. */
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configureClient, setCsrf } from '../api/client';
import { TeamContext } from '../auth/team-context';

export const TEAM = '0123456789abcdef01234567';
/** Every permission bit set, as the team owner has. */
export const ALL_PERMISSIONS = btoa(String.fromCharCode(...new Array<number>(255).fill(0xff)));

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface FakeReply {
  status?: number;
  body?: unknown;
  /** fetch followed a redirect to this path (a documented create's 302). */
  redirectedTo?: string;
}

type Handler = FakeReply | ((call: Call) => FakeReply);

/** Routes are "METHOD /path" (query string ignored unless the key has one). */
export function fakeApi(routes: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetch = async (input: string, init: RequestInit): Promise<Response> => {
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = (init.headers ?? {}) as Record<string, string>;
    const call: Call = { method, url: input, headers, body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined };
    calls.push(call);
    const handler = routes[`${method} ${input}`] ?? routes[`${method} ${input.split('?')[0]}`];
    const reply: FakeReply = handler === undefined ? { status: 404, body: { error: 'Not found', message: `Route ${method} ${input} not found`, code: 404 } } : typeof handler === 'function' ? handler(call) : handler;
    const status = reply.status ?? 200;
    const res = new Response(status === 204 || reply.body === undefined ? null : JSON.stringify(reply.body), {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    if (reply.redirectedTo) {
      Object.defineProperty(res, 'redirected', { value: true });
      Object.defineProperty(res, 'url', { value: `http://localhost${reply.redirectedTo}` });
    }
    return res;
  };
  configureClient({ fetch });
  setCsrf('');
  return { calls, fetch };
}

function Where() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

export function renderPage(ui: ReactElement, opts: { path: string; url: string; permissions?: string }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const utils = render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[opts.url]}>
        <TeamContext.Provider value={{ teamId: TEAM, teamName: 'Team', permissions: opts.permissions ?? ALL_PERMISSIONS }}>
          <Routes>
            <Route path={opts.path} element={ui} />
            <Route path="*" element={<p>elsewhere</p>} />
          </Routes>
          <Where />
        </TeamContext.Provider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  const location = () => utils.getByTestId('location').textContent;
  return { ...utils, client, location };
}

export const envelope = <T extends object>(data: T) => ({ csrf: 'csrf-1', account: { _id: 'a'.repeat(24) }, ...data });
