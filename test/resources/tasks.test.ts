import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http } from '../support/http.js';
import { createAccount, createModel, type TestAccount } from '../support/factories.js';
import { crews } from '../../src/db/schema.js';
import { newId } from '../../src/shared/ids.js';
import { addAgent, addTask, addTool, addVariable, BUILTIN_TOOL, errorOf, taskBody, UNKNOWN_ID, type Json } from './building-blocks.js';

let server: TestServer;
let http: Http;
let a: TestAccount;
let b: TestAccount;
let agentA: string;
let agentB: string;

beforeAll(async () => {
  server = await startTestServer();
  http = new Http(server.url);
  [a, b] = await Promise.all([createAccount(http), createAccount(http)]);
  const [modelA, modelB] = await Promise.all([createModel(http, a), createModel(http, b)]);
  [agentA, agentB] = await Promise.all([addAgent(http, a, modelA), addAgent(http, b, modelB)]);
});
afterAll(async () => server?.close());

interface TaskOut {
  _id: string;
  name: string;
  context: string[];
  agentId: string | null;
}
const add = (body: Json, who: TestAccount = a) => http.post(`/${who.teamId}/forms/task/add`, body, { token: who.token });
const addError = (body: Json) => errorOf(add(body));
const getTask = (id: string) => http.get<{ task: Json }>(`/${a.teamId}/task/${id}.json`, { token: a.token });

describe('tasks: add, list, read', () => {
  it('creates a task with a documented 302 and shows it in tasks.json and task.json', async () => {
    const tool = await addTool(http, a);
    const variable = await addVariable(http, a, 'audience');
    const earlier = await addTask(http, a, { name: 'Research' });
    const res = await http.post<{ _id: string; redirect: string }>(
      `/${a.teamId}/forms/task/add`,
      taskBody({
        agentId: agentA,
        toolIds: [tool, BUILTIN_TOOL],
        variableIds: [variable],
        context: [earlier],
        asyncExecution: true,
        storeTaskOutput: true,
        taskOutputFileName: 'my report.md',
        displayOnlyFinalOutput: true,
        taskOutputVariableName: 'summary',
      }),
      { token: a.token },
    );
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/${a.teamId}/tasks`);
    expect(res.body).toEqual({ _id: expect.stringMatching(/^[a-f0-9]{24}$/), redirect: `/${a.teamId}/tasks` });
    const id = res.body._id;

    const list = await http.get<{ tasks: TaskOut[]; agents: Json[]; tools: Json[]; variables: Json[] }>(`/${a.teamId}/tasks.json`, { token: a.token });
    expect(list.status).toBe(200);
    expect(Object.keys(list.body).sort()).toEqual(['account', 'agents', 'csrf', 'tasks', 'tools', 'variables']);
    expect(list.body.tasks.map((t) => t._id)).toEqual(expect.arrayContaining([earlier, id]));
    expect(list.body.agents.map((x) => x._id)).toContain(agentA);
    expect(list.body.tools.map((t) => t._id)).toEqual(expect.arrayContaining([tool, BUILTIN_TOOL]));
    expect(list.body.variables.find((v) => v._id === variable)).toMatchObject({ usedInTasks: [id] });

    const one = await getTask(id);
    expect(one.status).toBe(200);
    expect(Object.keys(one.body).sort()).toEqual(['account', 'agents', 'csrf', 'task', 'tasks', 'tools', 'variables']);
    expect(one.body.task).toEqual({
      _id: id,
      orgId: a.orgId,
      teamId: a.teamId,
      name: 'Summarise',
      description: 'Summarise the topic',
      expectedOutput: 'Three bullet points',
      toolIds: [tool, BUILTIN_TOOL],
      agentId: agentA,
      context: [earlier],
      asyncExecution: true,
      requiresHumanInput: false,
      displayOnlyFinalOutput: true,
      storeTaskOutput: true,
      taskOutputFileName: 'my_report.md',
      isStructuredOutput: false,
      taskOutputVariableName: 'summary',
      formFields: [],
      variableIds: [variable],
      icon: null,
      dateCreated: expect.any(String),
    });
  });

  it('defaults every array to [] when omitted (the reference hangs)', async () => {
    const res = await http.post<{ _id: string }>(`/${a.teamId}/forms/task/add`, { name: 'Bare', description: 'd', expectedOutput: 'o' }, { token: a.token });
    expect(res.status).toBe(302);
    expect((await getTask(res.body._id)).body.task).toMatchObject({ toolIds: [], variableIds: [], context: [], formFields: [], agentId: null });
  });

  it('finds a task by name (bare), 404 {error: "Task not found"} otherwise, never another team’s', async () => {
    const id = await addTask(http, a, { name: 'Find me by name' });
    await addTask(http, b, { name: 'Their named task' });
    const found = await http.get(`/${a.teamId}/task?name=${encodeURIComponent('Find me by name')}`, { token: a.token });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ _id: id, name: 'Find me by name', teamId: a.teamId });
    for (const q of ['?name=nothing-like-it', `?name=${encodeURIComponent('Their named task')}`, '']) {
      const res = await http.get(`/${a.teamId}/task${q}`, { token: a.token });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: 'Task not found' });
    }
  });
});

describe('tasks: validation', () => {
  it('answers the spec messages for each field, first failing field first', async () => {
    expect(await addError({ ...taskBody(), name: '' })).toBe('Name is empty');
    expect(await addError({ ...taskBody(), description: undefined, expectedOutput: '' })).toBe('Description is empty');
    expect(await addError({ ...taskBody(), requiresHumanInput: 'yes' })).toBe('Requires Human Input is an invalid type, should be "boolean"');
    expect(await addError({ ...taskBody(), expectedOutput: '' })).toBe('Expected Output is empty');
    expect(await addError({ ...taskBody(), expectedOutput: undefined })).toBe('Expected Output is empty');
    expect(await addError({ ...taskBody(), toolIds: ['x'] })).toBe('Invalid Tools');
    expect(await addError({ ...taskBody(), variableIds: 'x' })).toBe('Invalid Variables');
    expect(await addError({ ...taskBody(), context: ['short'] })).toBe('Invalid conteext');
    expect(await addError({ ...taskBody(), formFields: 'x' })).toBe('[formFields] is an invalid type, should be "array"');
    expect(await addError({ ...taskBody(), agentId: 'nope' })).toBe('Invalid agent, agent not found');
  });

  it('checks human input fields when the task asks for human input', async () => {
    const field = { position: '1', type: 'string', name: 'who', label: 'Who?' };
    const human = (formFields: Json[]) => taskBody({ requiresHumanInput: true, formFields });
    expect(await addError(human([{ ...field, label: '' }]))).toBe('Each human input field must have position, type, name, and label');
    expect(await addError(human([{ type: 'string', name: 'n', label: 'l' }]))).toBe('Each human input field must have position, type, name, and label');
    expect(await addError(human([{ ...field, type: 'radio' }]))).toBe('Human input field of type radio, checkbox, or select must have non-empty options');
    expect(await addError(human([{ ...field, type: 'select', options: ['a', ''] }]))).toBe(
      'Human input field of type radio, checkbox, or select must have non-empty options',
    );
    expect(await addError(human([{ ...field, type: 'slider' }]))).toBe('Human input field type must be one of string, number, radio, checkbox, select, multiselect, date');
    expect(await addError(human([{ ...field, variable: UNKNOWN_ID }]))).toBe(`Variable with ID ${UNKNOWN_ID} not found`);

    const variable = await addVariable(http, a, 'answer');
    const ok = await http.post<{ _id: string }>(
      `/${a.teamId}/forms/task/add`,
      human([{ ...field, variable, extra: 'dropped' }, { position: 2, type: 'checkbox', name: 'c', label: 'C', options: ['x', 'y'], required: true }]),
      { token: a.token },
    );
    expect(ok.status).toBe(302);
    expect((await getTask(ok.body._id)).body.task).toMatchObject({
      requiresHumanInput: true,
      formFields: [
        { ...field, variable },
        { position: '2', type: 'checkbox', name: 'c', label: 'C', options: ['x', 'y'], required: true },
      ],
    });
    // Without human input the fields are not checked (as in the reference).
    expect((await add(taskBody({ requiresHumanInput: false, formFields: [{ type: 'radio' }] }))).status).toBe(302);
  });

  it('refuses references that are not of the team, unknown and foreign alike', async () => {
    const theirTool = await addTool(http, b);
    const theirTask = await addTask(http, b);
    const theirVariable = await addVariable(http, b, 'theirs');
    expect(await addError(taskBody({ toolIds: [UNKNOWN_ID] }))).toBe('Invalid tools list input, tool not found');
    expect(await addError(taskBody({ toolIds: [BUILTIN_TOOL, theirTool] }))).toBe('Invalid tools list input, tool not found');
    expect(await addError(taskBody({ agentId: UNKNOWN_ID }))).toBe('Invalid agent, agent not found');
    expect(await addError(taskBody({ agentId: agentB }))).toBe('Invalid agent, agent not found');
    expect(await addError(taskBody({ context: [UNKNOWN_ID] }))).toBe('Invalid context, task not found');
    expect(await addError(taskBody({ context: [theirTask] }))).toBe('Invalid context, task not found');
    expect(await addError(taskBody({ variableIds: [theirVariable] }))).toBe(`Variable with ID ${theirVariable} not found`);
  });
});

describe('tasks: edit', () => {
  it('replaces the fields and answers 200 {}', async () => {
    const id = await addTask(http, a, { name: 'Before', agentId: agentA });
    const res = await http.post(`/${a.teamId}/forms/task/${id}/edit`, taskBody({ name: 'After', expectedOutput: 'A table', teamId: b.teamId }), { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    expect((await getTask(id)).body.task).toMatchObject({ _id: id, teamId: a.teamId, name: 'After', expectedOutput: 'A table', agentId: null });
  });

  it('refuses a context that leads back to the task, and foreign references', async () => {
    const first = await addTask(http, a, { name: 'First' });
    const second = await addTask(http, a, { name: 'Second', context: [first] });
    const edit = (id: string, body: Json) => errorOf(http.post(`/${a.teamId}/forms/task/${id}/edit`, body, { token: a.token }));
    expect(await edit(first, taskBody({ context: [first] }))).toBe('Invalid context, tasks cannot be each other’s context');
    expect(await edit(first, taskBody({ context: [second] }))).toBe('Invalid context, tasks cannot be each other’s context');
    expect(await edit(first, taskBody({ agentId: agentB }))).toBe('Invalid agent, agent not found');
    expect(await edit(first, { ...taskBody(), description: '' })).toBe('Description is empty');
  });

  it('answers 404 for an unknown, non-hex or foreign task id', async () => {
    const theirs = await addTask(http, b, { name: 'Theirs' });
    expect((await http.post(`/${a.teamId}/forms/task/${UNKNOWN_ID}/edit`, taskBody(), { token: a.token })).status).toBe(404);
    expect((await http.post(`/${a.teamId}/forms/task/nope/edit`, taskBody(), { token: a.token })).status).toBe(404);
    expect((await http.post(`/${a.teamId}/forms/task/${theirs}/edit`, taskBody({ name: 'pwned' }), { token: a.token })).status).toBe(404);
    const still = await http.get<{ task: TaskOut }>(`/${b.teamId}/task/${theirs}.json`, { token: b.token });
    expect(still.body.task.name).toBe('Theirs');
  });
});

describe('tasks: delete', () => {
  it('deletes by path or body id and pulls the task from crews and other tasks’ context', async () => {
    const doomed = await addTask(http, a, { name: 'Doomed' });
    const dependant = await addTask(http, a, { name: 'Dependant', context: [doomed] });
    const crewId = newId();
    await server.ctx.db.insert(crews).values({ id: crewId, teamId: a.teamId, orgId: a.orgId, name: 'c', agents: [agentA], tasks: [doomed, dependant] });

    expect((await http.delete(`/${a.teamId}/forms/task/${doomed}`, { taskId: dependant }, { token: a.token })).status).toBe(400);
    const res = await http.delete(`/${a.teamId}/forms/task/${doomed}`, { taskId: doomed }, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    expect((await getTask(doomed)).status).toBe(404);
    expect((await getTask(dependant)).body.task).toMatchObject({ context: [] });
    const [crew] = await server.ctx.db.select().from(crews).where(eq(crews.id, crewId));
    expect(crew!.tasks).toEqual([dependant]);
    expect((await http.delete(`/${a.teamId}/forms/task/${doomed}`, undefined, { token: a.token })).status).toBe(404);
  });

  it('answers 404 for an unknown, non-hex or foreign task and leaves the foreign one alone', async () => {
    const theirs = await addTask(http, b);
    expect((await http.delete(`/${a.teamId}/forms/task/${UNKNOWN_ID}`, undefined, { token: a.token })).status).toBe(404);
    expect((await http.delete(`/${a.teamId}/forms/task/nope`, undefined, { token: a.token })).status).toBe(404);
    expect((await http.delete(`/${a.teamId}/forms/task/${theirs}`, { taskId: theirs }, { token: a.token })).status).toBe(404);
    expect((await http.get(`/${b.teamId}/task/${theirs}.json`, { token: b.token })).status).toBe(200);
  });
});

describe('tasks: access', () => {
  it('answers 404 for an unknown, non-hex or foreign task read, and never lists another team’s tasks', async () => {
    const theirs = await addTask(http, b);
    expect((await getTask(UNKNOWN_ID)).status).toBe(404);
    expect((await getTask('nope')).status).toBe(404);
    expect((await getTask(theirs)).status).toBe(404);
    const list = await http.get<{ tasks: TaskOut[]; agents: Json[] }>(`/${a.teamId}/tasks.json`, { token: a.token });
    expect(list.body.tasks.map((t) => t._id)).not.toContain(theirs);
    expect(list.body.agents.map((x) => x._id)).not.toContain(agentB);
  });

  it('answers 401 without credentials on every route', async () => {
    const id = await addTask(http, a);
    const t = a.teamId;
    expect((await http.get(`/${t}/tasks.json`)).status).toBe(401);
    expect((await http.get(`/${t}/task/${id}.json`)).status).toBe(401);
    expect((await http.get(`/${t}/task?name=Summarise`)).status).toBe(401);
    expect((await http.post(`/${t}/forms/task/add`, taskBody())).status).toBe(401);
    expect((await http.post(`/${t}/forms/task/${id}/edit`, taskBody())).status).toBe(401);
    expect((await http.delete(`/${t}/forms/task/${id}`)).status).toBe(401);
  });

  it('answers 403 on every route of a team that is not the caller’s', async () => {
    const id = await addTask(http, a);
    const t = a.teamId;
    const opts = { token: b.token };
    const answers = [
      await http.get(`/${t}/tasks.json`, opts),
      await http.get(`/${t}/task/${id}.json`, opts),
      await http.get(`/${t}/task?name=Summarise`, opts),
      await http.post(`/${t}/forms/task/add`, taskBody(), opts),
      await http.post(`/${t}/forms/task/${id}/edit`, taskBody(), opts),
      await http.delete(`/${t}/forms/task/${id}`, undefined, opts),
    ];
    for (const res of answers) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: 'No permission' });
    }
    expect((await getTask(id)).status).toBe(200);
  });
});
