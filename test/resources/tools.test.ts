import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http, type HttpResponse } from '../support/http.js';
import { createAccount, joinTeam, type TestAccount } from '../support/factories.js';
import { agents, tasks } from '../../src/db/schema.js';
import { queryRows } from '../../src/db/raw.js';
import { newId } from '../../src/shared/ids.js';
import { ToolRepository, unsealToolData } from '../../src/db/repositories/tool.repository.js';
import { BUILTIN_TOOLS } from '../../src/tools/builtin-catalog.js';

let server: TestServer;
let http: Http;
let a: TestAccount;
let b: TestAccount;
let member: TestAccount;

const SECRET = 'ghp_0123456789abcdefSECRETtail';
const MASKED = 'ghp…tail';
const BUILTIN = BUILTIN_TOOLS[0]!.id;

beforeAll(async () => {
  server = await startTestServer();
  http = new Http(server.url);
  [a, b] = await Promise.all([createAccount(http), createAccount(http)]);
  member = await joinTeam(http, server, a, 'TEAM_MEMBER');
});
afterAll(async () => server?.close());

type Json = Record<string, unknown>;
interface ToolOut {
  _id: string;
  name: string;
  type: string;
  state: string | null;
  functionId?: string | null;
  data: Json & { environmentVariables?: Record<string, string> };
}

function fnTool(extra: Json = {}, data: Json = {}): Json {
  return {
    name: 'Fetch Weather!',
    type: 'function',
    description: 'Weather for a city',
    data: {
      description: 'Returns the weather',
      parameters: { properties: { city: { type: 'string', description: 'City' } }, required: ['city'] },
      code: 'return 1',
      requirements: '',
      runtime: 'python312',
      environmentVariables: { GITHUB_TOKEN: SECRET, REGION: 'eu' },
      ...data,
    },
    ...extra,
  };
}

async function addTool(who: TestAccount, body: Json = fnTool()): Promise<string> {
  const res = await http.post<{ _id: string }>(`/${who.teamId}/forms/tool/add`, body, { token: who.token });
  expect(res.status, res.text).toBe(302);
  expect(res.text).not.toContain(SECRET);
  return res.body._id;
}

async function addError(body: Json): Promise<string> {
  const res = await http.post<{ error: string }>(`/${a.teamId}/forms/tool/add`, body, { token: a.token });
  expect(res.status, res.text).toBe(400);
  return res.body.error;
}

function noSecret(res: HttpResponse<unknown>): void {
  expect(res.text).not.toContain(SECRET);
}

const stored = (teamId: string, id: string) => new ToolRepository(server.ctx.db, server.ctx.keyring).get(teamId, id);

async function insertAgent(who: TestAccount, toolIds: string[]): Promise<string> {
  const id = newId();
  await server.ctx.db.insert(agents).values({ id, teamId: who.teamId, orgId: who.orgId, name: 'ag', role: 'r', goal: 'g', backstory: 'b', toolIds });
  return id;
}
async function insertTask(who: TestAccount, toolIds: string[]): Promise<string> {
  const id = newId();
  await server.ctx.db.insert(tasks).values({ id, teamId: who.teamId, orgId: who.orgId, name: 't', description: 'd', toolIds });
  return id;
}
async function toolIdsOf(table: 'agents' | 'tasks', id: string): Promise<string[]> {
  const [row] = await queryRows<{ tool_ids: string[] }>(server.ctx.db, sql`select tool_ids from ${sql.identifier(table)} where id = ${id}`);
  return row!.tool_ids;
}

describe('tools: read', () => {
  it('lists the built-in tools with the team’s, and reads either by id', async () => {
    const id = await addTool(a);
    const list = await http.get<{ tools: ToolOut[]; datasources: unknown[]; csrf: string; account: Json }>(`/${a.teamId}/tools.json`, { token: a.token });
    expect(list.status).toBe(200);
    noSecret(list);
    expect(list.body.datasources).toEqual([]);
    expect(list.body).toHaveProperty('csrf');
    expect(list.body).toHaveProperty('account');
    const builtin = list.body.tools.find((t) => t._id === BUILTIN);
    expect(builtin).toEqual({
      _id: BUILTIN,
      name: BUILTIN_TOOLS[0]!.name,
      description: BUILTIN_TOOLS[0]!.description,
      type: 'builtin',
      data: { builtin: true, name: BUILTIN_TOOLS[0]!.functionName, description: BUILTIN_TOOLS[0]!.description, parameters: BUILTIN_TOOLS[0]!.parameters },
      state: 'ready',
    });
    expect(list.body.tools.map((t) => t._id)).toContain(id);

    const one = await http.get<{ tool: ToolOut; revisions: unknown[]; datasources: unknown[] }>(`/${a.teamId}/tool/${id}.json`, { token: a.token });
    expect(one.status).toBe(200);
    noSecret(one);
    expect(one.body).toMatchObject({ revisions: [], datasources: [] });
    expect(one.body).toHaveProperty('csrf');
    expect(one.body.tool).toMatchObject({ _id: id, teamId: a.teamId, orgId: a.orgId, type: 'function', state: 'ready' });

    const b1 = await http.get<{ tool: ToolOut }>(`/${a.teamId}/tool/${BUILTIN}.json`, { token: a.token });
    expect(b1.status).toBe(200);
    expect(b1.body.tool).toMatchObject({ _id: BUILTIN, type: 'builtin' });
  });

  it('answers 404 for unknown, non-hex and other teams’ tool ids', async () => {
    const theirs = await addTool(b);
    expect((await http.get(`/${a.teamId}/tool/${theirs}.json`, { token: a.token })).status).toBe(404);
    expect((await http.get(`/${a.teamId}/tool/${newId()}.json`, { token: a.token })).status).toBe(404);
    const bad = await http.get(`/${a.teamId}/tool/zzz.json`, { token: a.token });
    expect(bad.status).toBe(404);
    expect(bad.body.error).toBe('Tool not found');
    const list = await http.get<{ tools: ToolOut[] }>(`/${a.teamId}/tools.json`, { token: a.token });
    expect(list.body.tools.map((t) => t._id)).not.toContain(theirs);
  });
});

describe('tools: add', () => {
  it('creates a function tool: 302, snake_case name, ready, a function id, environment sealed and masked', async () => {
    const res = await http.post<{ _id: string; redirect: string }>(`/${a.teamId}/forms/tool/add`, fnTool(), { token: a.token });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/${a.teamId}/tools`);
    expect(res.body).toEqual({ _id: expect.stringMatching(/^[a-f0-9]{24}$/), redirect: `/${a.teamId}/tools` });
    const id = res.body._id;
    const one = await http.get<{ tool: ToolOut }>(`/${a.teamId}/tool/${id}.json`, { token: a.token });
    noSecret(one);
    expect(one.body.tool).toMatchObject({
      name: 'Fetch Weather!',
      description: 'Weather for a city',
      state: 'ready',
      functionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      data: { builtin: false, name: 'fetch_weather', runtime: 'python312', environmentVariables: { GITHUB_TOKEN: MASKED, REGION: '••••' } },
    });
    const [row] = await queryRows<{ data: unknown; secrets: string }>(server.ctx.db, sql`select data, secrets from tools where id = ${id}`);
    expect(JSON.stringify(row)).not.toContain(SECRET);
    expect(row!.secrets).toMatch(/^v1\./);
    expect((await stored(a.teamId, id))!.environmentVariables).toEqual({ GITHUB_TOKEN: SECRET, REGION: 'eu' });
  });

  it('accepts an empty environment, the javascript runtime, builtin-type tools, filters and a linked tool', async () => {
    const js = await addTool(a, fnTool({}, { environmentVariables: {}, runtime: 'javascript' }));
    expect((await stored(a.teamId, js))!.environmentVariables).toEqual({});
    const plain = await addTool(a, { name: 'Search', type: 'builtin', data: { description: 'd', parameters: { q: 1 } }, ragFilters: { must: [{ key: 'k', match: { value: 'v' } }] } });
    const p = await stored(a.teamId, plain);
    expect(p).toMatchObject({ type: 'builtin', functionId: null, ragFilters: { must: [{ key: 'k', match: { value: 'v' } }] }, data: { name: 'Search', builtin: false } });
    const linked = await addTool(a, fnTool({ name: 'linked', linkedToolId: js }, { parameters: { other: true } }));
    expect(await stored(a.teamId, linked)).toMatchObject({ linkedToolId: js, data: { parameters: (await stored(a.teamId, js))!.data.parameters } });
    const toBuiltin = await addTool(a, fnTool({ name: 'lb', linkedToolId: BUILTIN }));
    expect((await stored(a.teamId, toBuiltin))!.data.parameters).toEqual(BUILTIN_TOOLS[0]!.parameters);
  });

  it('refuses bad bodies with Agent Cloud’s messages, in its order', async () => {
    const data = { description: 'd', parameters: { a: 1 }, environmentVariables: {} };
    expect(await addError({ type: 'function', data })).toBe('Name is empty');
    expect(await addError({ name: 'n', data })).toBe('Type is empty');
    expect(await addError({ name: 'n', type: 'script', data })).toBe('Type is an invalid value');
    expect(await addError({ name: '!!!', type: 'function', data })).toBe('Name is an invalid value');
    expect(await addError({ name: 'n', type: 'function', data: { parameters: { a: 1 }, environmentVariables: {} } })).toBe('Description is empty');
    expect(await addError({ name: 'n', type: 'builtin' })).toBe('Description is empty');
    expect(await addError({ name: 'n', type: 'function', data: { description: 'd', environmentVariables: {} } })).toBe('Parameters is empty');
    expect(await addError({ name: 'n', type: 'function', data: { description: 'd', parameters: [], environmentVariables: {} } })).toBe('Parameters is empty');
    expect(await addError({ name: 'n', type: 'function', data: { description: 'd', parameters: { a: 1 } } })).toBe('[data.environmentVariables] is empty');
    expect(await addError({ name: 'n', type: 'function', data: { ...data, environmentVariables: [] } })).toBe('[data.environmentVariables] is empty');
    expect(await addError({ name: 'n', type: 'function', data: { ...data, environmentVariables: 'A=1' } })).toBe('[data.environmentVariables] is an invalid value');
    expect(await addError({ name: 'n', type: 'builtin', data, ragFilters: 'x' })).toBe('Invalid Filters');
    expect(await addError({ name: 'n', type: 'builtin', data, ragFilters: { must: 'x' } })).toBe('Invalid Filters');
    expect(await addError({ name: 'n', type: 'builtin', data, ragFilters: { must: [{ key: 'k' }] } })).toBe('Invalid Filters');
    expect(await addError({ name: 'n', type: 'function', data: { ...data, runtime: 'python2' } })).toBe('Invalid runtime');
    expect(await addError({ name: 'n', type: 'function', data, linkedToolId: newId() })).toBe('Invalid linked tool ID');
    expect(await addError({ name: 'n', type: 'function', data, linkedToolId: 'abc' })).toBe('Invalid linked tool ID');
    const theirs = await addTool(b);
    expect(await addError({ name: 'n', type: 'function', data, linkedToolId: theirs })).toBe('Invalid linked tool ID');
    expect(await addError({ name: 'n', type: 'function', data: 'x' })).toBe('[data] is an invalid type, should be "object"');
  });

  it('refuses rag tools: their datasource cannot exist yet', async () => {
    const rag = { name: 'r', type: 'rag', retriever: 'raw', description: 'docs', datasourceId: newId() };
    expect(await addError({ ...rag, retriever: undefined })).toBe('[retriever] is empty');
    expect(await addError({ ...rag, retriever: 'best' })).toBe('[retriever] is an invalid value');
    expect(await addError({ ...rag, description: undefined })).toBe('[description] is too short');
    expect(await addError({ ...rag, description: 'x' })).toBe('[description] is too short');
    expect(await addError({ ...rag, datasourceId: undefined })).toBe('Invalid data sources');
    expect(await addError({ ...rag, datasourceId: 'short' })).toBe('Invalid data sources');
    expect(await addError(rag)).toBe('Invalid data sources');
  });
});

describe('tools: edit', () => {
  it('keeps masked environment values, and says whether the function changed', async () => {
    const id = await addTool(a);
    const url = `/${a.teamId}/forms/tool/${id}/edit`;
    const read = await http.get<{ tool: ToolOut }>(`/${a.teamId}/tool/${id}.json`, { token: a.token });
    const same = await http.post(url, fnTool({ toolId: id }, { environmentVariables: read.body.tool.data.environmentVariables }), { token: a.token });
    expect(same.status, same.text).toBe(200);
    expect(same.body).toEqual({ functionNeedsUpdate: false });
    expect((await stored(a.teamId, id))!.environmentVariables).toEqual({ GITHUB_TOKEN: SECRET, REGION: 'eu' });

    const code = await http.post(url, fnTool({ name: 'Renamed tool' }, { code: 'return 2', environmentVariables: { GITHUB_TOKEN: MASKED, REGION: '••••' } }), { token: a.token });
    expect(code.body).toEqual({ functionNeedsUpdate: true });
    expect(await stored(a.teamId, id)).toMatchObject({ name: 'Renamed tool', data: { name: 'renamed_tool', code: 'return 2' }, state: 'ready' });

    const env = await http.post(url, fnTool({}, { code: 'return 2', environmentVariables: { GITHUB_TOKEN: MASKED } }), { token: a.token });
    expect(env.body).toEqual({ functionNeedsUpdate: true });
    expect((await stored(a.teamId, id))!.environmentVariables).toEqual({ GITHUB_TOKEN: SECRET });

    const toPlain = await http.post(url, { name: 'p', type: 'builtin', data: { description: 'd', parameters: { a: 1 } } }, { token: a.token });
    expect(toPlain.body).toEqual({ functionNeedsUpdate: false });
    expect(await stored(a.teamId, id)).toMatchObject({ type: 'builtin', functionId: null, environmentVariables: null });
    noSecret(await http.get(`/${a.teamId}/tools.json`, { token: a.token }));
  });

  it('validates like add, refuses built-ins and body id mismatches, answers 404 for ids not of the team', async () => {
    const id = await addTool(a);
    const url = `/${a.teamId}/forms/tool/${id}/edit`;
    const edit = (u: string, body: Json) => http.post<{ error: string }>(u, body, { token: a.token });
    expect((await edit(url, fnTool({ name: '' }))).body.error).toBe('Name is empty');
    expect((await edit(url, fnTool({}, { runtime: 'ruby' }))).body.error).toBe('Invalid runtime');
    const mismatch = await edit(url, fnTool({ toolId: newId() }));
    expect(mismatch.status).toBe(400);
    const builtin = await edit(`/${a.teamId}/forms/tool/${BUILTIN}/edit`, fnTool());
    expect(builtin.status).toBe(400);
    expect(builtin.body.error).toBe('Built-in tools cannot be edited');
    const theirs = await addTool(b);
    const foreign = await edit(`/${a.teamId}/forms/tool/${theirs}/edit`, fnTool({ name: 'pwn' }));
    expect(foreign.status).toBe(404);
    expect(foreign.body.error).toBe('Tool not found');
    expect((await edit(`/${a.teamId}/forms/tool/${newId()}/edit`, fnTool())).status).toBe(404);
    expect((await edit(`/${a.teamId}/forms/tool/bad/edit`, fnTool())).status).toBe(404);
    expect((await stored(b.teamId, theirs))!.name).toBe('Fetch Weather!');
  });
});

describe('tools: secrets inside data', () => {
  const API_KEY = 'sk-inDataField-0123456789abcd';
  const HEADER = 'Bearer SECRETHEADER';
  const TOKEN = 'tok-short';
  const PASSWORD = 'hunter2-pw';
  const LISTED = 'arr-secret-value-xyz';
  const CLEAR = [API_KEY, HEADER, 'SECRETHEADER', TOKEN, PASSWORD, LISTED];
  const parameters = { properties: { token: { type: 'string', description: 'A token the model passes' } }, required: ['token'] };
  const secretData = {
    description: 'Calls the API',
    parameters,
    url: 'https://api.example.com/v1',
    author: 'Ada',
    max_tokens: 5,
    apiKey: API_KEY,
    token: TOKEN,
    password: PASSWORD,
    headers: { Authorization: HEADER, Accept: 'application/json' },
    accounts: [{ name: 'ops', secret: LISTED }],
  };
  const masked = {
    ...secretData,
    apiKey: 'sk-…abcd',
    token: '••••',
    password: '••••',
    headers: { Authorization: 'Bea…ADER', Accept: 'application/json' },
    accounts: [{ name: 'ops', secret: 'arr…-xyz' }],
  };
  const clearData = (extra: Json = {}) => ({ ...secretData, builtin: false, name: 'fetch_weather', ...extra });

  function noClear(res: HttpResponse<unknown>): void {
    for (const s of [SECRET, ...CLEAR]) expect(res.text).not.toContain(s);
  }

  it('seals secret-named fields at any depth, masks them in every response, keeps the rest as sent', async () => {
    const id = await addTool(a, fnTool({}, secretData));
    const one = await http.get<{ tool: ToolOut }>(`/${a.teamId}/tool/${id}.json`, { token: a.token });
    noClear(one);
    const fn = { code: 'return 1', requirements: '', runtime: 'python312' };
    expect(one.body.tool.data).toEqual({ ...masked, ...fn, builtin: false, name: 'fetch_weather', environmentVariables: { GITHUB_TOKEN: MASKED, REGION: '••••' } });

    // Every envelope that lists the team's tools shows the same masked data.
    for (const path of ['tools.json', 'agents.json', 'tasks.json', 'apps.json']) {
      const res = await http.get<{ tools: ToolOut[] }>(`/${a.teamId}/${path}`, { token: a.token });
      expect(res.status, `${path}: ${res.text}`).toBe(200);
      noClear(res);
      expect(res.body.tools.find((t) => t._id === id)?.data, path).toEqual(one.body.tool.data);
    }

    const [row] = await queryRows<{ data: unknown; secrets: string }>(server.ctx.db, sql`select data, secrets from tools where id = ${id}`);
    for (const s of CLEAR) expect(JSON.stringify(row)).not.toContain(s);
    expect(row!.secrets).toMatch(/^v1\./);
    const record = (await stored(a.teamId, id))!;
    expect(record.data).toMatchObject(masked);
    expect(unsealToolData(record)).toEqual({ ...clearData(), ...fn });
    expect(record.environmentVariables).toEqual({ GITHUB_TOKEN: SECRET, REGION: 'eu' });
  });

  it('never hands a listed item’s secret to another item when the list is reordered or shortened', async () => {
    const servers = [
      { url: 'https://a.example', apiKey: 'short-A' },
      { url: 'https://b.example', apiKey: 'short-B' },
    ];
    const id = await addTool(a, { name: 'Servers', type: 'builtin', data: { description: 'two servers', parameters, servers } });
    const url = `/${a.teamId}/forms/tool/${id}/edit`;
    const read = await http.get<{ tool: ToolOut }>(`/${a.teamId}/tool/${id}.json`, { token: a.token });
    const shown = (read.body.tool.data as { servers: Json[] }).servers;
    // The first server removed: B, sent back with its mask, now sits at index 0 where A's key was.
    const shortened = await http.post(url, { name: 'Servers', type: 'builtin', data: { description: 'one server', parameters, servers: [shown[1]] } }, { token: a.token });
    expect(shortened.status).toBe(400);
    expect(shortened.body.error).toBe('[data.servers.0.apiKey] is a hidden value shown by Nimbus: enter the secret itself');
    const record = (await stored(a.teamId, id))!;
    expect((unsealToolData(record) as { servers: Json[] }).servers).toEqual(servers);
    // Sent back unchanged, in place, both keys stay.
    const same = await http.post(url, { name: 'Servers', type: 'builtin', data: { description: 'two servers', parameters, servers: shown } }, { token: a.token });
    expect(same.status, same.text).toBe(200);
    expect((unsealToolData((await stored(a.teamId, id))!) as { servers: Json[] }).servers).toEqual(servers);
  });

  it('refuses a mask copied into a new tool, and keeps look-alike names readable', async () => {
    const copied = await http.post(`/${a.teamId}/forms/tool/add`, { name: 'Copy', type: 'builtin', data: { description: 'd', parameters, apiKey: 'sk-…abcd' } }, { token: a.token });
    expect(copied.status).toBe(400);
    expect(copied.body.error).toBe('[data.apiKey] is a hidden value shown by Nimbus: enter the secret itself');
    const plain = { description: 'd', parameters, keywords: 'weather, rain', auth_type: 'bearer', token_limit: '500', cookie_policy: 'strict', author: 'Ada', max_tokens: '5' };
    const id = await addTool(a, { name: 'Readable', type: 'builtin', data: plain });
    const read = await http.get<{ tool: ToolOut }>(`/${a.teamId}/tool/${id}.json`, { token: a.token });
    expect(read.body.tool.data).toMatchObject(plain);
  });

  it('keeps a secret sent back masked or omitted, replaces or clears one sent anew', async () => {
    const id = await addTool(a, { name: 'Fetch Weather!', type: 'builtin', data: secretData });
    const url = `/${a.teamId}/forms/tool/${id}/edit`;
    const unsealed = async () => unsealToolData((await stored(a.teamId, id))!);
    const read = await http.get<{ tool: ToolOut }>(`/${a.teamId}/tool/${id}.json`, { token: a.token });
    const asRead: Json = { ...read.body.tool.data, name: undefined, builtin: undefined };

    const same = await http.post(url, { name: 'Fetch Weather!', type: 'builtin', data: asRead }, { token: a.token });
    expect(same.status, same.text).toBe(200);
    expect(await unsealed()).toEqual(clearData({ name: 'Fetch Weather!' }));

    // Omitted: the top-level password and the header inside a headers object that is still sent.
    const { password: _p, ...withoutPassword } = asRead;
    const omittedData = { ...withoutPassword, headers: { Accept: 'text/plain' } };
    const omitted = await http.post(url, { name: 'Fetch Weather!', type: 'builtin', data: omittedData }, { token: a.token });
    expect(omitted.status, omitted.text).toBe(200);
    expect(await unsealed()).toEqual(clearData({ name: 'Fetch Weather!', headers: { Accept: 'text/plain', Authorization: HEADER } }));

    const fresh = 'sk-aNewValue-9876543210wxyz';
    const replaced = await http.post(
      url,
      { name: 'Fetch Weather!', type: 'builtin', data: { ...asRead, apiKey: fresh, token: '', url: 'https://api.example.com/v2', headers: undefined } },
      { token: a.token },
    );
    expect(replaced.status, replaced.text).toBe(200);
    const after = await unsealed();
    expect(after).toMatchObject({ apiKey: fresh, token: '', password: PASSWORD, accounts: [{ name: 'ops', secret: LISTED }] });
    expect(after).toMatchObject({ url: 'https://api.example.com/v2', description: 'Calls the API', parameters, author: 'Ada', max_tokens: 5 });
    // The headers object was dropped, and its secret with it.
    expect(after).not.toHaveProperty('headers');
    const reread = await http.get<{ tool: ToolOut }>(`/${a.teamId}/tool/${id}.json`, { token: a.token });
    expect(reread.text).not.toContain(fresh);
    expect(reread.body.tool.data).toMatchObject({ apiKey: 'sk-…wxyz', token: '', password: '••••' });
  });

  it('reads rows sealed before data secrets existed', async () => {
    const id = await addTool(a);
    const old = server.ctx.keyring.encryptJson({ environmentVariables: { GITHUB_TOKEN: SECRET } });
    await queryRows(server.ctx.db, sql`update tools set secrets = ${old} where id = ${id}`);
    const record = (await stored(a.teamId, id))!;
    expect(record.environmentVariables).toEqual({ GITHUB_TOKEN: SECRET });
    expect(record.dataSecrets).toEqual([]);
  });
});

describe('tools: delete', () => {
  it('deletes a tool and pulls it from the team’s agents and tasks only', async () => {
    const id = await addTool(a);
    const other = await addTool(a);
    const agent = await insertAgent(a, [id, other, BUILTIN]);
    const task = await insertTask(a, [other, id]);
    const foreignAgent = await insertAgent(b, [id]);
    const res = await http.delete(`/${a.teamId}/forms/tool/${id}`, undefined, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    expect(await stored(a.teamId, id)).toBeUndefined();
    expect(await toolIdsOf('agents', agent)).toEqual([other, BUILTIN]);
    expect(await toolIdsOf('tasks', task)).toEqual([other]);
    expect(await toolIdsOf('agents', foreignAgent)).toEqual([id]);
  });

  it('answers 404 for unknown and foreign ids, takes the id from the body, refuses a mismatch', async () => {
    const id = await addTool(a);
    expect((await http.delete(`/${a.teamId}/forms/tool/${id}`, { toolId: newId() }, { token: a.token })).status).toBe(400);
    expect((await http.delete(`/${a.teamId}/forms/tool/${id}`, { toolId: id }, { token: a.token })).status).toBe(200);
    const again = await http.delete(`/${a.teamId}/forms/tool/${id}`, undefined, { token: a.token });
    expect(again.status).toBe(404);
    expect(again.body.error).toBe('Tool not found');
    expect((await http.delete(`/${a.teamId}/forms/tool/nothex`, undefined, { token: a.token })).status).toBe(404);
    const theirs = await addTool(b);
    expect((await http.delete(`/${a.teamId}/forms/tool/${theirs}`, undefined, { token: a.token })).status).toBe(404);
    expect(await stored(b.teamId, theirs)).toBeDefined();
  });

  it('takes a built-in tool off the team’s agents only', async () => {
    const agent = await insertAgent(a, [BUILTIN]);
    const task = await insertTask(a, [BUILTIN]);
    const foreignAgent = await insertAgent(b, [BUILTIN]);
    const res = await http.delete(`/${a.teamId}/forms/tool/${BUILTIN}`, undefined, { token: a.token });
    expect(res.status).toBe(200);
    expect(await toolIdsOf('agents', agent)).toEqual([]);
    expect(await toolIdsOf('tasks', task)).toEqual([BUILTIN]);
    expect(await toolIdsOf('agents', foreignAgent)).toEqual([BUILTIN]);
    const list = await http.get<{ tools: ToolOut[] }>(`/${a.teamId}/tools.json`, { token: a.token });
    expect(list.body.tools.map((t) => t._id)).toContain(BUILTIN);
  });
});

describe('tools: authentication and permissions', () => {
  it('answers 401 without credentials on every route', async () => {
    const id = await addTool(a);
    const t = a.teamId;
    expect((await http.get(`/${t}/tools.json`)).status).toBe(401);
    expect((await http.get(`/${t}/tool/${id}.json`)).status).toBe(401);
    expect((await http.post(`/${t}/forms/tool/add`, fnTool())).status).toBe(401);
    expect((await http.post(`/${t}/forms/tool/${id}/edit`, fnTool())).status).toBe(401);
    expect((await http.delete(`/${t}/forms/tool/${id}`)).status).toBe(401);
  });

  it('answers 403 on every route of a team that is not the caller’s', async () => {
    const id = await addTool(a);
    const t = a.teamId;
    const opts = { token: b.token };
    const answers = [
      await http.get(`/${t}/tools.json`, opts),
      await http.get(`/${t}/tool/${id}.json`, opts),
      await http.post(`/${t}/forms/tool/add`, fnTool(), opts),
      await http.post(`/${t}/forms/tool/${id}/edit`, fnTool(), opts),
      await http.delete(`/${t}/forms/tool/${id}`, undefined, opts),
    ];
    for (const res of answers) {
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('No permission');
      noSecret(res);
    }
    expect(await stored(a.teamId, id)).toBeDefined();
  });

  it('lets a team member (who holds the tool bits) manage tools', async () => {
    const id = await addTool(member);
    const opts = { token: member.token };
    expect((await http.post(`/${a.teamId}/forms/tool/${id}/edit`, fnTool(), opts)).status).toBe(200);
    expect((await http.delete(`/${a.teamId}/forms/tool/${id}`, undefined, opts)).status).toBe(200);
  });
});
