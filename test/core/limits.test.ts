import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http } from '../support/http.js';
import { createAccount, type TestAccount } from '../support/factories.js';
import { seedChatApp } from '../support/seed.js';
import { agentBody, errorOf, taskBody, UNKNOWN_ID, type Json } from '../resources/building-blocks.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { MAX_JSON_DEPTH } from '../../src/http/app.js';
import { MAX_IDS } from '../../src/http/fields.js';

/**
 * Inputs sized or shaped past what the database and the JSON machinery take: each one is a 400
 * naming the problem, never a 500; what real clients send still passes.
 */
let server: TestServer;
let http: Http;
let a: TestAccount;

beforeAll(async () => {
  server = await startTestServer();
  http = new Http(server.url);
  a = await createAccount(http);
});
afterAll(async () => server?.close());

/** n distinct well-formed ids that name nothing. */
const ids = (n: number) => Array.from({ length: n }, (_, i) => i.toString(16).padStart(24, '0'));

/** `leaf` wrapped in n objects: {"a": {"a": … leaf}}. */
function nest(n: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}

/** A function tool whose data.parameters sits two levels inside the body. */
const tool = (parameters: unknown): Json => ({
  name: 'Deep',
  type: 'function',
  description: 'Deep parameters',
  data: { description: 'Deep parameters', parameters, code: 'return 1', requirements: '', runtime: 'python312', environmentVariables: {} },
});

const post = (path: string, body: unknown) => http.post(`/${a.teamId}${path}`, body, { token: a.token });
const postRaw = (path: string, raw: string) => http.request('POST', `/${a.teamId}${path}`, { token: a.token, raw });

describe('list sizes', () => {
  it('refuses 70,000 toolIds with a 400 naming the field (it used to pass PostgreSQL’s parameter limit and answer 500)', async () => {
    const body = agentBody(UNKNOWN_ID, { toolIds: ids(70_000) });
    expect(await errorOf(post('/forms/agent/add', body))).toBe(`[toolIds] is too long (at most ${MAX_IDS} items)`);
    expect(await errorOf(post('/forms/task/add', taskBody({ context: ids(70_000) })))).toBe(`[context] is too long (at most ${MAX_IDS} items)`);
  });

  it('takes a list at the limit to the usual checks', async () => {
    const res = await post('/forms/agent/add', agentBody(UNKNOWN_ID, { toolIds: ids(MAX_IDS) }));
    expect(res.status, res.text).toBe(400);
    expect(res.body.error).not.toMatch(/too long/);
  });

  it('caps the short lists of apps and tasks', async () => {
    const app = { type: 'chat', name: 'App', sharingMode: 'team' };
    expect(await errorOf(post('/forms/app/add', { ...app, tags: Array(51).fill('t') }))).toBe('[tags] is too long (at most 50 items)');
    expect(await errorOf(post('/forms/app/add', { ...app, conversationStarters: Array(21).fill('Hi') }))).toBe(
      '[conversationStarters] is too long (at most 20 items)',
    );
    expect(await errorOf(post('/forms/task/add', taskBody({ formFields: Array(101).fill({}) })))).toBe('[formFields] is too long (at most 100 items)');
  });
});

describe('JSON nesting', () => {
  it(`accepts ordinary nested tool parameters (10 levels) and a body exactly ${MAX_JSON_DEPTH} deep`, async () => {
    const res = await post('/forms/tool/add', tool(nest(10, { type: 'string' })));
    expect(res.status, res.text).toBe(302);
    const got = await http.get<{ tool: { data: { parameters: unknown } } }>(`/${a.teamId}/tool/${res.body._id}.json`, { token: a.token });
    expect(got.body.tool.data.parameters).toEqual(nest(10, { type: 'string' }));
    // The body and data objects, the nesting, the leaf object: exactly the limit.
    expect((await post('/forms/tool/add', tool(nest(MAX_JSON_DEPTH - 3, { type: 'string' })))).status).toBe(302);
  });

  it('refuses a body nested deeper than the limit, a NUL at the bottom included', async () => {
    expect(await errorOf(post('/forms/tool/add', tool(nest(MAX_JSON_DEPTH - 2, { type: 'string' }))))).toBe('Request body is nested too deeply');
    expect(await errorOf(post('/forms/tool/add', tool(nest(70, 'bad\u0000'))))).toBe('Request body is nested too deeply');
  });

  it('finds a NUL at any depth it accepts', async () => {
    expect(await errorOf(post('/forms/tool/add', tool(nest(MAX_JSON_DEPTH - 2, 'bad\u0000'))))).toBe('Text must not contain NUL characters (\\u0000)');
    expect(await errorOf(post('/forms/tool/add', tool(nest(MAX_JSON_DEPTH - 2, { ['k\u0000']: 1 }))))).toBe(
      'Request body is nested too deeply',
    );
    expect(await errorOf(post('/forms/tool/add', tool(nest(MAX_JSON_DEPTH - 3, { ['k\u0000']: 1 }))))).toBe(
      'Text must not contain NUL characters (\\u0000)',
    );
  });

  it('refuses a 20,000-level nested array at once, on a public route too', async () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const started = Date.now();
    // As tool parameters, where it used to be stored and overflow JSON.stringify (500).
    expect(await errorOf(postRaw('/forms/tool/add', JSON.stringify(tool('§')).replace('"§"', deep)))).toBe(
      'Request body is nested too deeply',
    );
    expect(await errorOf(http.request('POST', '/forms/account/login', { raw: deep }))).toBe('Request body is nested too deeply');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('counts brackets inside strings as text, escaped quotes included', async () => {
    const res = await post('/forms/tool/add', { ...tool({ type: 'string' }), description: '\\"[{'.repeat(1_000) });
    expect(res.status, res.text).toBe(302);
  });
});

describe('session add', () => {
  it('names skipRun when it is the bad field', async () => {
    const { appId } = await seedChatApp(server.ctx, a);
    const message = '[skipRun] is an invalid type, should be "boolean"';
    for (const skipRun of [5, 'yes', {}]) expect(await errorOf(post('/forms/session/add', { id: appId, skipRun }))).toBe(message);
    expect((await post('/forms/session/add', { appId, skipRun: 'true' })).status).toBe(302);
    expect((await post('/forms/session/add', { id: appId, skipRun: null })).status).toBe(302);
  });

  it('caps a session’s variables', async () => {
    const { appId } = await seedChatApp(server.ctx, a);
    const session = await post('/forms/session/add', { id: appId, skipRun: true });
    const edit = (n: number) => post(`/forms/session/${session.body._id}/edit`, { variables: Object.fromEntries(ids(n).map((k) => [k, 'v'])) });
    expect(await errorOf(edit(MAX_IDS + 1))).toBe(`Variables is too long (at most ${MAX_IDS} entries)`);
    expect((await edit(MAX_IDS)).status).toBe(200);
  });
});

describe('configuration', () => {
  const load = (PORT: string) => () => loadConfig({ PORT, NIMBUS_SECRET: 'x'.repeat(40), NIMBUS_DATA_DIR: server.dataDir });

  it('says what range PORT takes', () => {
    expect(load('70000')).toThrow(ConfigError);
    expect(load('70000')).toThrow('invalid configuration: PORT must be a whole number between 0 and 65535');
    expect(load('-1')).toThrow('PORT must be a whole number between 0 and 65535');
    expect(load('80.5')).toThrow('PORT must be a whole number between 0 and 65535');
    expect(load('abc')).toThrow('invalid configuration: PORT must be a number');
    expect(load('8080')().port).toBe(8080);
  });
});
