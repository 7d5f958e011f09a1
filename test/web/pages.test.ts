import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http } from '../support/http.js';
import { createAccount, createAgent, createChatApp, createModel, type TestAccount } from '../support/factories.js';

let server: TestServer;
let http: Http;
let a: TestAccount;
let ids: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  http = new Http(server.url);
  a = await createAccount(http);
  const modelId = await createModel(http, a);
  const agentId = await createAgent(http, a, { modelId });
  const appId = await createChatApp(http, a, { agentId });
  const sessionId = (await http.post<{ _id: string }>(`/${a.teamId}/forms/session/add`, { id: appId, skipRun: true }, { token: a.token })).body._id;
  ids = { modelId, agentId, appId, sessionId };
});
afterAll(async () => server?.close());

const pages = () => [
  ['/apikeys', '/apikeys.json'],
  [`/${a.teamId}/apps`, `/${a.teamId}/apps.json`],
  [`/${a.teamId}/agents`, `/${a.teamId}/agents.json`],
  [`/${a.teamId}/agent/${ids.agentId}/edit`, `/${a.teamId}/agent/${ids.agentId}.json`],
  [`/${a.teamId}/models`, `/${a.teamId}/models.json`],
  [`/${a.teamId}/tasks`, `/${a.teamId}/tasks.json`],
  [`/${a.teamId}/tools`, `/${a.teamId}/tools.json`],
  [`/${a.teamId}/variables`, `/${a.teamId}/variables.json`],
  [`/${a.teamId}/sessions`, `/${a.teamId}/sessions.json`],
  [`/${a.teamId}/session/${ids.sessionId}`, `/${a.teamId}/session/${ids.sessionId}.json`],
  [`/${a.teamId}/team`, `/${a.teamId}/team.json`],
];

describe('page paths', () => {
  it('answer an API client with the same envelope as their .json route', async () => {
    for (const [page, json] of pages()) {
      const p = await http.get<Record<string, unknown>>(page, { token: a.token });
      const j = await http.get<Record<string, unknown>>(json, { token: a.token });
      expect(p.status, page).toBe(200);
      expect(Object.keys(p.body).sort(), page).toEqual(Object.keys(j.body).sort());
    }
  });

  it('answer a browser with the web app, logged in or not', async () => {
    for (const [page] of pages()) {
      const res = await http.get(page, { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(res.status, page).toBe(200);
      expect(res.headers.get('content-type'), page).toMatch(/text\/html/);
      expect(res.headers.get('content-security-policy'), page).toMatch(/frame-ancestors 'none'/);
    }
  });

  it('keep their API rules for API clients: 401 without credentials, 403 for another team', async () => {
    const b = await createAccount(http);
    expect((await http.get(`/${a.teamId}/agents`)).status).toBe(401);
    expect((await http.get(`/${a.teamId}/agents`, { token: b.token })).status).toBe(403);
    expect((await http.get(`/${b.teamId}/session/${ids.sessionId}`, { token: b.token })).status).toBe(404);
  });
});
