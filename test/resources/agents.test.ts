import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http } from '../support/http.js';
import { createAccount, createChatApp, createModel, joinTeam, type TestAccount } from '../support/factories.js';
import { crews, tasks } from '../../src/db/schema.js';
import { newId } from '../../src/shared/ids.js';
import {
  addAgent,
  addTask,
  addTool,
  addVariable,
  agentBody,
  BUILTIN_TOOL,
  embeddingModel,
  errorOf,
  UNKNOWN_ID,
  type Json,
} from './building-blocks.js';

let server: TestServer;
let http: Http;
let a: TestAccount;
let b: TestAccount;
let modelA: string;
let modelB: string;

beforeAll(async () => {
  server = await startTestServer();
  http = new Http(server.url);
  [a, b] = await Promise.all([createAccount(http), createAccount(http)]);
  [modelA, modelB] = await Promise.all([createModel(http, a), createModel(http, b)]);
});
afterAll(async () => server?.close());

interface AgentOut {
  _id: string;
  name: string;
  toolIds: string[];
  variableIds: string[];
  modelId: string | null;
}
const add = (body: Json, who: TestAccount = a) => http.post(`/${who.teamId}/forms/agent/add`, body, { token: who.token });
const addError = (body: Json, who: TestAccount = a) => errorOf(add(body, who));

describe('agents: add, list, read', () => {
  it('creates an agent with a documented 302 and shows it in agents.json and agent.json', async () => {
    const tool = await addTool(http, a);
    const variable = await addVariable(http, a, 'topic');
    const res = await http.post<{ _id: string; redirect: string }>(
      `/${a.teamId}/forms/agent/add`,
      agentBody(modelA, { toolIds: [tool, BUILTIN_TOOL], variableIds: [variable], maxIter: 5, maxRPM: '10', verbose: true, functionModelId: modelA }),
      { token: a.token },
    );
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/${a.teamId}/agents`);
    expect(res.body).toEqual({ _id: expect.stringMatching(/^[a-f0-9]{24}$/), redirect: `/${a.teamId}/agents` });
    const id = res.body._id;

    const list = await http.get<{ agents: AgentOut[]; models: Json[]; tools: Json[]; variables: Json[]; csrf: string; account: Json }>(
      `/${a.teamId}/agents.json`,
      { token: a.token },
    );
    expect(list.status).toBe(200);
    expect(Object.keys(list.body).sort()).toEqual(['account', 'agents', 'csrf', 'models', 'tools', 'variables']);
    expect(list.body.agents.map((x) => x._id)).toContain(id);
    expect(list.body.models.map((m) => m._id)).toContain(modelA);
    expect(list.body.tools.map((t) => t._id)).toEqual(expect.arrayContaining([tool, BUILTIN_TOOL]));
    expect(list.body.variables.find((v) => v._id === variable)).toMatchObject({ usedInAgents: [id] });

    const one = await http.get<{ agent: Json }>(`/${a.teamId}/agent/${id}.json`, { token: a.token });
    expect(one.status).toBe(200);
    expect(Object.keys(one.body).sort()).toEqual(['account', 'agent', 'csrf', 'models', 'tools', 'variables']);
    expect(one.body.agent).toEqual({
      _id: id,
      orgId: a.orgId,
      teamId: a.teamId,
      name: 'Researcher',
      role: 'Finds facts',
      goal: 'Be right',
      backstory: 'A librarian',
      modelId: modelA,
      functionModelId: modelA,
      maxIter: 5,
      maxRPM: 10,
      verbose: true,
      allowDelegation: false,
      toolIds: [tool, BUILTIN_TOOL],
      variableIds: [variable],
      icon: null,
      dateCreated: expect.any(String),
    });
  });

  it('defaults toolIds and variableIds to [] when omitted (the reference hangs)', async () => {
    const res = await http.post<{ _id: string }>(`/${a.teamId}/forms/agent/add`, { name: 'Bare', role: 'r', goal: 'g', backstory: 'b', modelId: modelA }, { token: a.token });
    expect(res.status).toBe(302);
    const one = await http.get<{ agent: AgentOut }>(`/${a.teamId}/agent/${res.body._id}.json`, { token: a.token });
    expect(one.body.agent).toMatchObject({ toolIds: [], variableIds: [], functionModelId: null, maxIter: null, maxRPM: null });
  });

  it('lets a team member (TEAM_MEMBER) create agents', async () => {
    const member = await joinTeam(http, server, a, 'TEAM_MEMBER');
    expect((await add(agentBody(modelA, { name: 'By member' }), member)).status).toBe(302);
  });
});

describe('agents: validation', () => {
  it('answers the spec messages for each field, first failing field first', async () => {
    expect(await addError({ ...agentBody(modelA), name: '' })).toBe('Name is empty');
    expect(await addError({ ...agentBody(modelA), name: undefined, role: '' })).toBe('Name is empty');
    expect(await addError({ ...agentBody(modelA), role: '' })).toBe('[role] is empty');
    expect(await addError({ ...agentBody(modelA), goal: '  ' })).toBe('[goal] is empty');
    expect(await addError({ ...agentBody(modelA), backstory: undefined })).toBe('[backstory] is empty');
    expect(await addError({ ...agentBody(modelA), modelId: undefined })).toBe('Model is empty');
    expect(await addError({ ...agentBody(modelA), modelId: '' })).toBe('Model is empty');
    expect(await addError({ ...agentBody(modelA), modelId: 'abc' })).toBe('Model is not of the right length');
    expect(await addError({ ...agentBody(modelA), functionModelId: 'abc' })).toBe('Function Calling Model is not of the right length');
    expect(await addError({ ...agentBody(modelA), toolIds: ['abc'] })).toBe('Invalid Tools');
    expect(await addError({ ...agentBody(modelA), toolIds: 'nope' })).toBe('Invalid Tools');
    expect(await addError({ ...agentBody(modelA), variableIds: [42] })).toBe('Invalid Variables');
    expect(await addError({ ...agentBody(modelA), maxIter: -1 })).toBe('[maxIter] is not a valid whole number');
    expect(await addError({ ...agentBody(modelA), maxRPM: 'many' })).toBe('[maxRPM] is not a valid whole number');
  });

  it('refuses references that are not of the team, unknown and foreign alike', async () => {
    const theirTool = await addTool(http, b);
    const theirVariable = await addVariable(http, b, 'theirs');
    expect(await addError(agentBody(modelA, { toolIds: [UNKNOWN_ID] }))).toBe('Invalid tool IDs');
    expect(await addError(agentBody(modelA, { toolIds: [BUILTIN_TOOL, theirTool] }))).toBe('Invalid tool IDs');
    expect(await addError(agentBody(UNKNOWN_ID))).toBe('Invalid model ID');
    expect(await addError(agentBody(modelB))).toBe('Invalid model ID');
    expect(await addError(agentBody(modelA, { functionModelId: UNKNOWN_ID }))).toBe('Invalid function calling model ID');
    expect(await addError(agentBody(modelA, { functionModelId: modelB }))).toBe('Invalid function calling model ID');
    expect(await addError(agentBody(modelA, { variableIds: [UNKNOWN_ID] }))).toBe(`Variable with ID ${UNKNOWN_ID} not found`);
    expect(await addError(agentBody(modelA, { variableIds: [theirVariable] }))).toBe(`Variable with ID ${theirVariable} not found`);
  });

  it('refuses an embedding model as the agent’s model or function-calling model ("Invalid model ID")', async () => {
    const embedder = await embeddingModel(http, a);
    expect(await addError(agentBody(embedder))).toBe('Invalid model ID');
    expect(await addError(agentBody(modelA, { functionModelId: embedder }))).toBe('Invalid function calling model ID');
  });
});

describe('agents: edit', () => {
  it('replaces the fields and answers 200 {}', async () => {
    const id = await addAgent(http, a, modelA, { name: 'Editable' });
    const res = await http.post(`/${a.teamId}/forms/agent/${id}/edit`, agentBody(modelA, { name: 'Edited', goal: 'New goal', toolIds: [BUILTIN_TOOL], allowDelegation: true, _id: UNKNOWN_ID, teamId: b.teamId }), { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    const one = await http.get<{ agent: Json }>(`/${a.teamId}/agent/${id}.json`, { token: a.token });
    expect(one.body.agent).toMatchObject({ _id: id, teamId: a.teamId, name: 'Edited', goal: 'New goal', toolIds: [BUILTIN_TOOL], allowDelegation: true });
  });

  it('refuses another agent’s name, the same validation as add, and foreign references', async () => {
    await addAgent(http, a, modelA, { name: 'Taken name' });
    const id = await addAgent(http, a, modelA, { name: 'Mine' });
    const edit = (body: Json) => http.post(`/${a.teamId}/forms/agent/${id}/edit`, body, { token: a.token });
    expect(await errorOf(edit(agentBody(modelA, { name: 'Taken name' })))).toBe('Duplicate agent name');
    expect((await edit(agentBody(modelA, { name: 'Mine' }))).status).toBe(200);
    expect(await errorOf(edit({ ...agentBody(modelA, { name: 'Mine' }), backstory: '' }))).toBe('[backstory] is empty');
    expect(await errorOf(edit(agentBody(modelB, { name: 'Mine' })))).toBe('Invalid model ID');
  });

  it('answers 404 for an unknown, non-hex or foreign agent id', async () => {
    const theirs = await addAgent(http, b, modelB);
    expect((await http.post(`/${a.teamId}/forms/agent/${UNKNOWN_ID}/edit`, agentBody(modelA), { token: a.token })).status).toBe(404);
    expect((await http.post(`/${a.teamId}/forms/agent/nope/edit`, agentBody(modelA), { token: a.token })).status).toBe(404);
    expect((await http.post(`/${a.teamId}/forms/agent/${theirs}/edit`, agentBody(modelA, { name: 'pwned' }), { token: a.token })).status).toBe(404);
    const still = await http.get<{ agent: AgentOut }>(`/${b.teamId}/agent/${theirs}.json`, { token: b.token });
    expect(still.body.agent.name).toBe('Researcher');
  });
});

describe('agents: delete', () => {
  it('deletes by path or body id, pulls the agent from crews and unsets it on tasks', async () => {
    const id = await addAgent(http, a, modelA, { name: 'Doomed' });
    const other = await addAgent(http, a, modelA, { name: 'Survivor' });
    const taskId = await addTask(http, a, { agentId: id });
    const crewId = newId();
    await server.ctx.db.insert(crews).values({ id: crewId, teamId: a.teamId, orgId: a.orgId, name: 'c', agents: [id, other], tasks: [taskId] });

    expect((await http.delete(`/${a.teamId}/forms/agent/${id}`, { agentId: other }, { token: a.token })).status).toBe(400);
    const res = await http.delete(`/${a.teamId}/forms/agent/${id}`, { agentId: id }, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    expect((await http.get(`/${a.teamId}/agent/${id}.json`, { token: a.token })).status).toBe(404);
    const [crew] = await server.ctx.db.select().from(crews).where(eq(crews.id, crewId));
    expect(crew!.agents).toEqual([other]);
    const [task] = await server.ctx.db.select().from(tasks).where(eq(tasks.id, taskId));
    expect(task!.agentId).toBeNull();

    expect((await http.delete(`/${a.teamId}/forms/agent/${other}`, undefined, { token: a.token })).status).toBe(200);
    expect((await http.delete(`/${a.teamId}/forms/agent/${other}`, undefined, { token: a.token })).status).toBe(404);
  });

  it('refuses with 409 to delete an agent a chat app talks through', async () => {
    const id = await addAgent(http, a, modelA, { name: 'Busy' });
    const appId = await createChatApp(http, a, { agentId: id, name: 'Support bot' });
    const res = await http.delete(`/${a.teamId}/forms/agent/${id}`, undefined, { token: a.token });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'Agent is used by apps: Support bot', code: 409 });
    expect((await http.delete(`/${a.teamId}/forms/app/${appId}`, undefined, { token: a.token })).status).toBe(200);
    expect((await http.delete(`/${a.teamId}/forms/agent/${id}`, undefined, { token: a.token })).status).toBe(200);
  });

  it('answers 404 for an unknown, non-hex or foreign agent and leaves the foreign one alone', async () => {
    const theirs = await addAgent(http, b, modelB);
    expect((await http.delete(`/${a.teamId}/forms/agent/${UNKNOWN_ID}`, undefined, { token: a.token })).status).toBe(404);
    expect((await http.delete(`/${a.teamId}/forms/agent/nope`, undefined, { token: a.token })).status).toBe(404);
    expect((await http.delete(`/${a.teamId}/forms/agent/${theirs}`, { agentId: theirs }, { token: a.token })).status).toBe(404);
    expect((await http.get(`/${b.teamId}/agent/${theirs}.json`, { token: b.token })).status).toBe(200);
  });
});

describe('agents: access', () => {
  it('answers 404 for an unknown, non-hex or foreign agent read, and never lists another team’s agents', async () => {
    const theirs = await addAgent(http, b, modelB, { name: 'Their agent' });
    expect((await http.get(`/${a.teamId}/agent/${UNKNOWN_ID}.json`, { token: a.token })).status).toBe(404);
    expect((await http.get(`/${a.teamId}/agent/nope.json`, { token: a.token })).status).toBe(404);
    expect((await http.get(`/${a.teamId}/agent/${theirs}.json`, { token: a.token })).status).toBe(404);
    const list = await http.get<{ agents: AgentOut[]; models: Json[] }>(`/${a.teamId}/agents.json`, { token: a.token });
    expect(list.body.agents.map((x) => x._id)).not.toContain(theirs);
    expect(list.body.models.map((m) => m._id)).not.toContain(modelB);
  });

  it('answers 401 without credentials on every route', async () => {
    const id = await addAgent(http, a, modelA);
    const t = a.teamId;
    expect((await http.get(`/${t}/agents.json`)).status).toBe(401);
    expect((await http.get(`/${t}/agent/${id}.json`)).status).toBe(401);
    expect((await http.post(`/${t}/forms/agent/add`, agentBody(modelA))).status).toBe(401);
    expect((await http.post(`/${t}/forms/agent/${id}/edit`, agentBody(modelA))).status).toBe(401);
    expect((await http.delete(`/${t}/forms/agent/${id}`)).status).toBe(401);
  });

  it('answers 403 on every route of a team that is not the caller’s', async () => {
    const id = await addAgent(http, a, modelA);
    const t = a.teamId;
    const opts = { token: b.token };
    const answers = [
      await http.get(`/${t}/agents.json`, opts),
      await http.get(`/${t}/agent/${id}.json`, opts),
      await http.post(`/${t}/forms/agent/add`, agentBody(modelB), opts),
      await http.post(`/${t}/forms/agent/${id}/edit`, agentBody(modelB), opts),
      await http.delete(`/${t}/forms/agent/${id}`, undefined, opts),
    ];
    for (const res of answers) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: 'No permission' });
    }
    expect((await http.get(`/${t}/agent/${id}.json`, { token: a.token })).status).toBe(200);
  });
});
