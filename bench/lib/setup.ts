/**
 * What every scenario needs, made through the real routes as a client would: an account (register,
 * log in), an API key, an OpenAI-compatible model pointing at the fake LLM, an agent and a chat app.
 */

import { randomBytes } from 'node:crypto';
import { HttpClient, inBatches } from './http-client.js';

export interface BenchTenant {
  teamId: string;
  /** The API key every bench request authenticates with. */
  apiKey: string;
  appId: string;
}

export async function createTenant(http: HttpClient, fakeUrl: string): Promise<BenchTenant> {
  const email = `bench-${randomBytes(4).toString('hex')}@example.com`;
  const password = 'bench password 0123';
  await http.json('POST', '/forms/account/register', 200, { json: { name: 'Bench', email, password } });
  const { token } = await http.json<{ token: string }>('POST', '/forms/account/login', 200, { json: { email, password } });
  const me = await http.json<{ account: { currentTeam: string } }>('GET', '/account.json', 200, { token });
  const teamId = me.account.currentTeam;
  const key = await http.json<{ token: string }>('POST', '/forms/account/apikey/add', 200, {
    token,
    json: { name: 'bench', expirationDays: 'never' },
  });
  const apiKey = key.token;
  const model = await http.json<{ _id: string }>('POST', `/${teamId}/forms/model/add`, 302, {
    token: apiKey,
    json: { name: 'Fake (test model)', type: 'openai_compatible', model: 'fake-model', config: { base_url: `${fakeUrl}/v1`, api_key: 'bench' } },
  });
  const agent = await http.json<{ _id: string }>('POST', `/${teamId}/forms/agent/add`, 302, {
    token: apiKey,
    json: { name: 'Helper', role: 'Assistant', goal: 'Help', backstory: 'Friendly', modelId: model._id, toolIds: [], variableIds: [] },
  });
  const app = await http.json<{ _id: string }>('POST', `/${teamId}/forms/app/add`, 200, {
    token: apiKey,
    json: { type: 'chat', name: 'Bench chat', agentId: agent._id, sharingMode: 'team', conversationStarters: [] },
  });
  return { teamId, apiKey, appId: app._id };
}

/** `count` sessions of the tenant's app, created with skipRun (nothing runs until a message comes). */
export async function createSessions(http: HttpClient, t: BenchTenant, count: number): Promise<string[]> {
  return inBatches(Array.from({ length: count }), 32, async () => {
    const r = await http.json<{ _id: string }>('POST', `/${t.teamId}/forms/session/add`, 302, { token: t.apiKey, json: { id: t.appId, skipRun: true } });
    return r._id;
  });
}
