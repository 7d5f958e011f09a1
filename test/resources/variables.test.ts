import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http } from '../support/http.js';
import { createAccount, type TestAccount } from '../support/factories.js';

let server: TestServer;
let http: Http;
let a: TestAccount;
let b: TestAccount;

beforeAll(async () => {
  server = await startTestServer();
  http = new Http(server.url);
  [a, b] = await Promise.all([createAccount(http), createAccount(http)]);
});
afterAll(async () => server?.close());

async function addVariable(who: TestAccount, name: string, defaultValue = 'v'): Promise<string> {
  const res = await http.post<{ _id: string }>(`/${who.teamId}/forms/variable/add`, { name, defaultValue }, { token: who.token });
  expect(res.status).toBe(201);
  return res.body._id;
}

describe('variables', () => {
  it('adds, lists, reads, edits and deletes a variable', async () => {
    const id = await addVariable(a, 'city', 'Paris');
    expect(id).toMatch(/^[a-f0-9]{24}$/);
    const list = await http.get<{ variables: { _id: string; name: string }[]; csrf: string; account: unknown }>(`/${a.teamId}/variables.json`, { token: a.token });
    expect(list.status).toBe(200);
    expect(list.body.variables.map((v) => v.name)).toContain('city');
    expect(list.body.account).toBeDefined();
    const one = await http.get(`/${a.teamId}/variable/${id}.json`, { token: a.token });
    expect(one.body).toMatchObject({ _id: id, name: 'city', defaultValue: 'Paris', teamId: a.teamId, usedInAgents: [], usedInTasks: [] });
    const edit = await http.post(`/${a.teamId}/forms/variable/${id}/edit`, { name: 'town', defaultValue: 'Lyon', description: 'where' }, { token: a.token });
    expect(edit.status).toBe(200);
    expect((await http.get(`/${a.teamId}/variable/${id}.json`, { token: a.token })).body).toMatchObject({ name: 'town', defaultValue: 'Lyon', description: 'where' });
    const del = await http.delete(`/${a.teamId}/forms/variable/${id}`, undefined, { token: a.token });
    expect(del.status).toBe(204);
    expect((await http.get(`/${a.teamId}/variable/${id}.json`, { token: a.token })).status).toBe(404);
  });

  it('refuses a duplicate name and missing fields with the spec messages', async () => {
    await addVariable(a, 'dup');
    const dup = await http.post(`/${a.teamId}/forms/variable/add`, { name: 'dup', defaultValue: 'x' }, { token: a.token });
    expect(dup.status).toBe(400);
    expect(dup.body.error).toBe('Variable already exists');
    expect((await http.post(`/${a.teamId}/forms/variable/add`, { defaultValue: 'x' }, { token: a.token })).body.error).toBe('Variable Name is empty');
    expect((await http.post(`/${a.teamId}/forms/variable/add`, { name: 'n' }, { token: a.token })).body.error).toBe('Default Value is empty');
    // The same name in another team is fine.
    await addVariable(b, 'dup');
  });

  it('answers 401 without credentials and 403 for a team that is not the caller’s', async () => {
    expect((await http.get(`/${a.teamId}/variables.json`)).status).toBe(401);
    expect((await http.post(`/${a.teamId}/forms/variable/add`, { name: 'x', defaultValue: 'y' })).status).toBe(401);
    const foreign = await http.get(`/${a.teamId}/variables.json`, { token: b.token });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toBe('No permission');
    expect((await http.post(`/${a.teamId}/forms/variable/add`, { name: 'x', defaultValue: 'y' }, { token: b.token })).status).toBe(403);
  });

  it('never reads, edits or deletes another team’s variable through its own team path', async () => {
    const theirs = await addVariable(b, 'secret', 'hidden');
    expect((await http.get(`/${a.teamId}/variable/${theirs}.json`, { token: a.token })).status).toBe(404);
    expect((await http.post(`/${a.teamId}/forms/variable/${theirs}/edit`, { name: 'pwn', defaultValue: 'x' }, { token: a.token })).status).toBe(404);
    expect((await http.delete(`/${a.teamId}/forms/variable/${theirs}`, undefined, { token: a.token })).status).toBe(404);
    const still = await http.get(`/${b.teamId}/variable/${theirs}.json`, { token: b.token });
    expect(still.body).toMatchObject({ name: 'secret', defaultValue: 'hidden' });
    const list = await http.get<{ variables: { _id: string }[] }>(`/${a.teamId}/variables.json`, { token: a.token });
    expect(list.body.variables.map((v) => v._id)).not.toContain(theirs);
  });

  it('answers 404 for ids that are not 24-hex, and 400 for a body id that does not match the path', async () => {
    expect((await http.get(`/${a.teamId}/variable/nope.json`, { token: a.token })).status).toBe(404);
    const id = await addVariable(a, 'mismatch');
    const res = await http.delete(`/${a.teamId}/forms/variable/${id}`, { variableId: 'aaaaaaaaaaaaaaaaaaaaaaaa' }, { token: a.token });
    expect(res.status).toBe(400);
    const ok = await http.request('DELETE', `/${a.teamId}/forms/variable/${id}`, { token: a.token, raw: '', contentType: 'application/json' });
    expect(ok.status).toBe(204);
  });
});
