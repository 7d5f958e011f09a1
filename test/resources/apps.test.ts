import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http } from '../support/http.js';
import { createAccount, createAgent, createChatApp, createModel, joinTeam, type TestAccount } from '../support/factories.js';
import { crews } from '../../src/db/schema.js';
import { addTask, addVariable, embeddingModel, errorOf, fastembedLlm, UNKNOWN_ID, type Json } from './building-blocks.js';

let server: TestServer;
let http: Http;
let a: TestAccount;
let b: TestAccount;
let modelA: string;
let modelB: string;
let agentA: string;
let agentB: string;
let taskA: string;
let taskB: string;

beforeAll(async () => {
  server = await startTestServer();
  http = new Http(server.url);
  [a, b] = await Promise.all([createAccount(http, { name: 'Ada' }), createAccount(http)]);
  [modelA, modelB] = await Promise.all([createModel(http, a), createModel(http, b)]);
  [agentA, agentB] = await Promise.all([createAgent(http, a, { modelId: modelA }), createAgent(http, b, { modelId: modelB })]);
  [taskA, taskB] = await Promise.all([addTask(http, a), addTask(http, b)]);
});
afterAll(async () => server?.close());

interface AppOut {
  _id: string;
  name: string;
  crewId?: string;
  crew?: { _id: string; tasks: string[]; agents: string[]; process: string; managerModelId: string | null };
  sharingConfig: { mode: string; permissions: Record<string, string> };
}
function chatBody(extra: Json = {}): Json {
  return { type: 'chat', name: 'Helpdesk', description: 'Answers questions', tags: [], sharingMode: 'team', agentId: agentA, conversationStarters: ['Hello'], ...extra };
}
function crewBody(extra: Json = {}): Json {
  return { type: 'crew', name: 'Research crew', description: 'Writes reports', tags: [], sharingMode: 'team', tasks: [taskA], agents: [agentA], process: 'sequential', ...extra };
}
const add = (body: Json, who: TestAccount = a) => http.post<{ _id: string; redirect?: string }>(`/${who.teamId}/forms/app/add`, body, { token: who.token });
const addError = (body: Json, who: TestAccount = a) => errorOf(add(body, who));
async function addApp(body: Json, who: TestAccount = a): Promise<string> {
  const res = await add(body, who);
  expect(res.status, res.text).toBe(200);
  return res.body._id;
}
const getApp = (id: string, who: TestAccount = a) => http.get<{ app: AppOut & Json } & Json>(`/${who.teamId}/app/${id}.json`, { token: who.token });
const listApps = (who: TestAccount = a) => http.get<{ apps: AppOut[] } & Json>(`/${who.teamId}/apps.json`, { token: who.token });

describe('apps: chat apps', () => {
  it('creates a chat app with a plain 200 {_id, redirect} ({_id} with run) and reads it back', async () => {
    const res = await add(chatBody({ tags: [' support ', 'faq', ' '], maxMessages: 20 }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ _id: expect.stringMatching(/^[a-f0-9]{24}$/), redirect: `/${a.teamId}/apps` });
    const id = res.body._id;
    const run = await add(chatBody({ name: 'Runner', run: true }));
    expect(run.status).toBe(200);
    expect(run.body).toEqual({ _id: expect.stringMatching(/^[a-f0-9]{24}$/) });

    const one = await getApp(id);
    expect(one.status).toBe(200);
    expect(Object.keys(one.body).sort()).toEqual(['account', 'agents', 'app', 'csrf', 'datasources', 'models', 'tasks', 'teamMembers', 'tools', 'variables']);
    expect(one.body.app).toMatchObject({
      _id: id,
      orgId: a.orgId,
      teamId: a.teamId,
      createdBy: a.accountId,
      author: "Ada's Team",
      name: 'Helpdesk',
      description: 'Answers questions',
      type: 'chat',
      tags: ['support', 'faq'],
      sharingConfig: { mode: 'team', permissions: {} },
      chatAppConfig: { agentId: agentA, conversationStarters: ['Hello'], maxMessages: 20 },
    });
    expect(one.body.teamMembers).toEqual([a.email]);
    expect(one.body.datasources).toEqual([]);
  });

  it('lists apps newest first with every helper list', async () => {
    const first = await addApp(chatBody({ name: 'Older' }));
    const second = await addApp(chatBody({ name: 'Newer' }));
    const list = await listApps();
    expect(list.status).toBe(200);
    expect(Object.keys(list.body).sort()).toEqual(['account', 'agents', 'apps', 'csrf', 'datasources', 'models', 'tasks', 'teamMembers', 'tools', 'variables']);
    const ids = list.body.apps.map((x) => x._id);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first));
    expect((list.body.agents as Json[]).map((x) => x._id)).toContain(agentA);
    expect((list.body.tasks as Json[]).map((x) => x._id)).toContain(taskA);
    expect((list.body.models as Json[]).map((x) => x._id)).toContain(modelA);
  });

  it('gives a session a place to start: model → agent → chat app → session add (the factories’ chain)', async () => {
    const model = await createModel(http, a, { baseUrl: 'http://127.0.0.1:9/v1' });
    const agent = await createAgent(http, a, { modelId: model });
    const app = await createChatApp(http, a, { agentId: agent, conversationStarters: ['Hi'], maxMessages: 5 });
    const res = await http.post<{ _id: string; redirect: string }>(`/${a.teamId}/forms/session/add`, { id: app, skipRun: true }, { token: a.token });
    expect(res.status).toBe(302);
    const session = await http.get<{ app: AppOut }>(res.body.redirect + '.json', { token: a.token });
    expect(session.status).toBe(200);
    expect(session.body.app._id).toBe(app);
  });

  it('answers the spec messages for a chat app', async () => {
    expect(await addError(chatBody({ type: undefined }))).toBe('[type] is empty');
    expect(await addError(chatBody({ type: 'bot' }))).toBe('[type] is an invalid value');
    expect(await addError(chatBody({ name: ' ' }))).toBe('App Name is empty');
    expect(await addError(chatBody({ sharingMode: '' }))).toBe('[sharingMode] is empty');
    expect(await addError(chatBody({ sharingMode: 'restricted' }))).toBe('[sharingMode] is an invalid value');
    expect(await addError(chatBody({ sharingMode: 'whitelist' }))).toBe('[sharingEmails] is empty');
    expect(await addError(chatBody({ sharingMode: 'whitelist', sharingEmails: ['stranger@example.com'] }))).toBe('Unknown email: stranger@example.com');
    expect(await addError(chatBody({ sharingMode: 'whitelist', sharingEmails: [b.email] }))).toBe(`Unknown email: ${b.email}`);
    expect(await addError(chatBody({ variableIds: ['x'] }))).toBe('Invalid Variables');
    expect(await addError(chatBody({ agentId: undefined }))).toBe('Invalid inputs');
    expect(await addError(chatBody({ agentId: 'short' }))).toBe('Invalid inputs');
    expect(await addError(chatBody({ agentId: UNKNOWN_ID }))).toBe('Invalid inputs');
    expect(await addError(chatBody({ agentId: agentB }))).toBe('Invalid inputs');
    expect(await addError(chatBody({ conversationStarters: 'hi' }))).toBe('Invalid Conversation Starters');
    expect(await addError(chatBody({ conversationStarters: [1] }))).toBe('Invalid Conversation Starters');
    expect(await addError(chatBody({ maxMessages: 0 }))).toBe('[maxMessages] is not a valid whole number');
    expect(await addError(chatBody({ maxMessages: 2.5 }))).toBe('[maxMessages] is not a valid whole number');
  });

  it('refuses an agent without a usable model, and a model type chat apps cannot drive', async () => {
    const lostModel = await createModel(http, a);
    const orphan = await createAgent(http, a, { modelId: lostModel, name: 'Orphan' });
    expect((await http.delete(`/${a.teamId}/forms/model/${lostModel}`, undefined, { token: a.token })).status).toBe(200);
    expect(await addError(chatBody({ agentId: orphan }))).toBe('Agent model invalid or missing');

    const odd = await createAgent(http, a, { modelId: await fastembedLlm(http, a), name: 'Odd' });
    expect(await addError(chatBody({ agentId: odd }))).toBe(
      'Only OpenAI, Azure OpenAI, Anthropic, Google, Groq, Ollama and OpenAI-compatible models are supported for chat apps.',
    );
  });

  it('maps whitelist emails of team members to their account ids, and hides the app from others', async () => {
    const [friend, other] = await Promise.all([joinTeam(http, server, a, 'TEAM_MEMBER'), joinTeam(http, server, a, 'TEAM_MEMBER')]);
    const id = await addApp(chatBody({ name: 'Private', sharingMode: 'whitelist', sharingEmails: [` ${friend.email.toUpperCase()} `] }));
    expect((await getApp(id)).body.app.sharingConfig).toEqual({ mode: 'whitelist', permissions: { [friend.accountId]: friend.email } });
    expect((await getApp(id, friend)).status).toBe(200);
    expect((await listApps(friend)).body.apps.map((x) => x._id)).toContain(id);
    expect((await getApp(id, other)).status).toBe(404);
    expect((await listApps(other)).body.apps.map((x) => x._id)).not.toContain(id);
    expect((await http.post(`/${a.teamId}/forms/app/${id}/edit`, chatBody({ sharingMode: 'team' }), { token: other.token })).status).toBe(404);
    expect((await http.delete(`/${a.teamId}/forms/app/${id}`, undefined, { token: other.token })).status).toBe(404);
    // Members do create apps (TEAM_MEMBER has the app bits); an owner-only app is theirs alone, and the team admin's.
    const mine = await addApp(chatBody({ name: 'Mine', sharingMode: 'owner' }), other);
    expect((await getApp(mine, other)).body.app).toMatchObject({ createdBy: other.accountId });
    expect((await getApp(mine, friend)).status).toBe(404);
    expect((await getApp(mine, a)).status).toBe(200);
  });
});

describe('apps: crew apps', () => {
  it('creates a crew app with its crew, joined in the reads', async () => {
    const kickoff = await addVariable(http, a, 'subject');
    const id = await addApp(crewBody({ process: 'hierarchical', managerModelId: modelA, kickOffVariablesIds: [kickoff], memory: true, fullOutput: true }));
    const app = (await getApp(id)).body.app;
    expect(app).toMatchObject({ type: 'crew', memory: true, cache: false, kickOffVariablesIds: [kickoff] });
    expect(app.crew).toMatchObject({ _id: app.crewId, name: 'Research crew', tasks: [taskA], agents: [agentA], process: 'hierarchical', managerModelId: modelA, fullOutput: true });
    expect((await listApps()).body.apps.find((x) => x._id === id)?.crew?._id).toBe(app.crewId);
  });

  it('answers the spec messages for a crew app, foreign ids like unknown ones', async () => {
    expect(await addError(crewBody({ tasks: [] }))).toBe('Invalid Tasks');
    expect(await addError(crewBody({ tasks: undefined }))).toBe('Invalid Tasks');
    expect(await addError(crewBody({ tasks: ['x'] }))).toBe('Invalid Tasks');
    expect(await addError(crewBody({ tasks: [taskA, taskB] }))).toBe('Invalid Tasks');
    expect(await addError(crewBody({ agents: [] }))).toBe('Invalid Agents');
    expect(await addError(crewBody({ agents: [agentB] }))).toBe('Invalid Agents');
    expect(await addError(crewBody({ process: 'parallel' }))).toBe('[process] is an invalid value');
    expect(await addError(crewBody({ process: 'hierarchical' }))).toBe('Chat Manager Model is empty');
    expect(await addError(crewBody({ process: 'hierarchical', managerModelId: 'abc' }))).toBe('Chat Manager Model is not of the right length');
    expect(await addError(crewBody({ process: 'hierarchical', managerModelId: modelB }))).toBe('Invalid manager model ID');
    expect(await addError(crewBody({ process: 'hierarchical', managerModelId: await embeddingModel(http, a) }))).toBe('Invalid manager model ID');
    expect(await addError(crewBody({ kickOffVariablesIds: [UNKNOWN_ID] }))).toBe(`Variable with ID ${UNKNOWN_ID} not found`);
  });
});

describe('apps: edit', () => {
  it('edits an app and its crew in place, answering 200 {}', async () => {
    const id = await addApp(crewBody());
    const before = (await getApp(id)).body.app;
    const otherTask = await addTask(http, a, { name: 'Second' });
    const res = await http.post(`/${a.teamId}/forms/app/${id}/edit`, crewBody({ name: 'Renamed crew', tasks: [taskA, otherTask], teamId: b.teamId }), { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    const after = (await getApp(id)).body.app;
    expect(after).toMatchObject({ name: 'Renamed crew', teamId: a.teamId, crewId: before.crewId });
    expect(after.crew).toMatchObject({ name: 'Renamed crew', tasks: [taskA, otherTask] });
  });

  it('turns a crew app into a chat app and back, dropping and making its crew', async () => {
    const id = await addApp(crewBody({ name: 'Shifty' }));
    const crewId = (await getApp(id)).body.app.crewId!;
    expect((await http.post(`/${a.teamId}/forms/app/${id}/edit`, chatBody({ name: 'Shifty' }), { token: a.token })).status).toBe(200);
    expect((await getApp(id)).body.app).toMatchObject({ type: 'chat', chatAppConfig: { agentId: agentA } });
    expect(await server.ctx.db.select().from(crews).where(eq(crews.id, crewId))).toEqual([]);
    expect((await http.post(`/${a.teamId}/forms/app/${id}/edit`, crewBody({ name: 'Shifty' }), { token: a.token })).status).toBe(200);
    expect((await getApp(id)).body.app.crew).toMatchObject({ tasks: [taskA] });
  });

  it('requires a description on edit and applies the same checks as add', async () => {
    const id = await addApp(chatBody());
    const edit = (body: Json) => errorOf(http.post(`/${a.teamId}/forms/app/${id}/edit`, body, { token: a.token }));
    expect(await edit(chatBody({ description: '' }))).toBe('[description] is empty');
    expect(await edit(chatBody({ name: '' }))).toBe('App Name is empty');
    expect(await edit(chatBody({ agentId: agentB }))).toBe('Invalid inputs');
    expect(await edit(crewBody({ agents: [agentB] }))).toBe('Invalid Agents');
  });

  it('answers 404 for an unknown, non-hex or foreign app id', async () => {
    const theirs = await addApp(chatBody({ agentId: agentB, name: 'Theirs' }), b);
    expect((await http.post(`/${a.teamId}/forms/app/${UNKNOWN_ID}/edit`, chatBody(), { token: a.token })).status).toBe(404);
    expect((await http.post(`/${a.teamId}/forms/app/nope/edit`, chatBody(), { token: a.token })).status).toBe(404);
    expect((await http.post(`/${a.teamId}/forms/app/${theirs}/edit`, chatBody({ name: 'pwned' }), { token: a.token })).status).toBe(404);
    expect((await getApp(theirs, b)).body.app.name).toBe('Theirs');
  });
});

describe('apps: delete', () => {
  it('deletes the app and its crew by path or body id, and keeps its sessions', async () => {
    const id = await addApp(crewBody({ name: 'Doomed' }));
    const crewId = (await getApp(id)).body.app.crewId!;
    const session = await http.post<{ _id: string }>(`/${a.teamId}/forms/session/add`, { id, skipRun: true }, { token: a.token });
    expect(session.status).toBe(302);

    expect((await http.delete(`/${a.teamId}/forms/app/${id}`, { appId: UNKNOWN_ID }, { token: a.token })).status).toBe(400);
    const res = await http.delete(`/${a.teamId}/forms/app/${id}`, { appId: id }, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    expect((await getApp(id)).status).toBe(404);
    expect(await server.ctx.db.select().from(crews).where(eq(crews.id, crewId))).toEqual([]);
    const kept = await http.get<{ session: Json; app: unknown }>(`/${a.teamId}/session/${session.body._id}.json`, { token: a.token });
    expect(kept.status).toBe(200);
    expect(kept.body.app).toBeNull();
    expect((await http.delete(`/${a.teamId}/forms/app/${id}`, undefined, { token: a.token })).status).toBe(404);
  });

  it('answers 404 for an unknown, non-hex or foreign app and leaves the foreign one alone', async () => {
    const theirs = await addApp(chatBody({ agentId: agentB }), b);
    expect((await http.delete(`/${a.teamId}/forms/app/${UNKNOWN_ID}`, undefined, { token: a.token })).status).toBe(404);
    expect((await http.delete(`/${a.teamId}/forms/app/nope`, undefined, { token: a.token })).status).toBe(404);
    expect((await http.delete(`/${a.teamId}/forms/app/${theirs}`, { appId: theirs }, { token: a.token })).status).toBe(404);
    expect((await getApp(theirs, b)).status).toBe(200);
  });
});

describe('apps: access', () => {
  it('answers 404 for an unknown, non-hex or foreign app read, and never lists another team’s apps or members', async () => {
    const theirs = await addApp(chatBody({ agentId: agentB }), b);
    expect((await getApp(UNKNOWN_ID)).status).toBe(404);
    expect((await getApp('nope')).status).toBe(404);
    expect((await getApp(theirs)).status).toBe(404);
    const list = await listApps();
    expect(list.body.apps.map((x) => x._id)).not.toContain(theirs);
    expect(list.body.teamMembers).not.toContain(b.email);
    expect((list.body.agents as Json[]).map((x) => x._id)).not.toContain(agentB);
  });

  it('answers 401 without credentials on every route', async () => {
    const id = await addApp(chatBody());
    const t = a.teamId;
    expect((await http.get(`/${t}/apps.json`)).status).toBe(401);
    expect((await http.get(`/${t}/app/${id}.json`)).status).toBe(401);
    expect((await http.post(`/${t}/forms/app/add`, chatBody())).status).toBe(401);
    expect((await http.post(`/${t}/forms/app/${id}/edit`, chatBody())).status).toBe(401);
    expect((await http.delete(`/${t}/forms/app/${id}`)).status).toBe(401);
  });

  it('answers 403 on every route of a team that is not the caller’s', async () => {
    const id = await addApp(chatBody());
    const t = a.teamId;
    const opts = { token: b.token };
    const answers = [
      await http.get(`/${t}/apps.json`, opts),
      await http.get(`/${t}/app/${id}.json`, opts),
      await http.post(`/${t}/forms/app/add`, chatBody({ agentId: agentB }), opts),
      await http.post(`/${t}/forms/app/${id}/edit`, chatBody({ agentId: agentB }), opts),
      await http.delete(`/${t}/forms/app/${id}`, undefined, opts),
    ];
    for (const res of answers) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: 'No permission' });
    }
    expect((await getApp(id)).status).toBe(200);
  });
});
