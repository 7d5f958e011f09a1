import { expect } from 'vitest';
import type { Http } from '../support/http.js';
import type { TestAccount } from '../support/factories.js';

/** Small creators for the agents, tasks and apps tests, all through the real routes. */

export type Json = Record<string, unknown>;

export const BUILTIN_TOOL = '000000000000000000000b01';
export const UNKNOWN_ID = 'aaaaaaaaaaaaaaaaaaaaaaaa';

export async function addTool(http: Http, who: TestAccount, name = 'Lookup'): Promise<string> {
  const res = await http.post<{ _id: string }>(
    `/${who.teamId}/forms/tool/add`,
    {
      name,
      type: 'function',
      description: 'Looks things up',
      data: { description: 'Looks things up', parameters: { properties: {}, required: [] }, code: 'return 1', requirements: '', runtime: 'python312', environmentVariables: {} },
    },
    { token: who.token },
  );
  expect(res.status, res.text).toBe(302);
  return res.body._id;
}

export async function addVariable(http: Http, who: TestAccount, name: string): Promise<string> {
  const res = await http.post<{ _id: string }>(`/${who.teamId}/forms/variable/add`, { name, defaultValue: 'x' }, { token: who.token });
  expect(res.status, res.text).toBe(201);
  return res.body._id;
}

export async function addModel(http: Http, who: TestAccount, body: Json): Promise<string> {
  const res = await http.post<{ _id: string }>(`/${who.teamId}/forms/model/add`, body, { token: who.token });
  expect(res.status, res.text).toBe(302);
  return res.body._id;
}

export const embeddingModel = (http: Http, who: TestAccount) =>
  addModel(http, who, { name: 'Embedder', type: 'open_ai', model: 'text-embedding-3-small', config: { api_key: 'sk-test-abcdef123456' } });

/** An LLM of a provider type chat apps cannot drive. */
export const fastembedLlm = (http: Http, who: TestAccount) =>
  addModel(http, who, { name: 'Odd', type: 'fastembed', model: 'some-llm', modelType: 'llm' });

export function agentBody(modelId: string, extra: Json = {}): Json {
  return { name: 'Researcher', role: 'Finds facts', goal: 'Be right', backstory: 'A librarian', modelId, toolIds: [], variableIds: [], ...extra };
}

export function taskBody(extra: Json = {}): Json {
  return { name: 'Summarise', description: 'Summarise the topic', expectedOutput: 'Three bullet points', toolIds: [], variableIds: [], context: [], formFields: [], ...extra };
}

export async function addTask(http: Http, who: TestAccount, extra: Json = {}): Promise<string> {
  const res = await http.post<{ _id: string }>(`/${who.teamId}/forms/task/add`, taskBody(extra), { token: who.token });
  expect(res.status, res.text).toBe(302);
  return res.body._id;
}

export async function addAgent(http: Http, who: TestAccount, modelId: string, extra: Json = {}): Promise<string> {
  const res = await http.post<{ _id: string }>(`/${who.teamId}/forms/agent/add`, agentBody(modelId, extra), { token: who.token });
  expect(res.status, res.text).toBe(302);
  return res.body._id;
}

export async function errorOf(res: Promise<{ status: number; body: unknown; text: string }>, status = 400): Promise<string> {
  const r = await res;
  expect(r.status, r.text).toBe(status);
  return (r.body as { error: string }).error;
}
