import { randomBytes } from 'node:crypto';
import { Http } from './http.js';

export interface TestAccount {
  accountId: string;
  orgId: string;
  teamId: string;
  email: string;
  password: string;
  name: string;
  token: string;
}

let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  counter++;
  return `${prefix}-${counter}-${randomBytes(4).toString('hex')}@example.com`;
}

/** Registers and logs in a fresh account (with its own org and team); returns its bearer token. */
export async function createAccount(http: Http, opts: { name?: string; email?: string; password?: string } = {}): Promise<TestAccount> {
  const email = opts.email ?? uniqueEmail();
  const password = opts.password ?? 'correct horse battery';
  const name = opts.name ?? 'Test User';
  const reg = await http.post('/forms/account/register', { name, email, password });
  if (reg.status !== 200) throw new Error(`register failed: ${reg.status} ${reg.text}`);
  const login = await http.post<{ token: string }>('/forms/account/login', { email, password });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text}`);
  const me = await http.get<{ account: { _id: string; currentOrg: string; currentTeam: string } }>('/account.json', {
    token: login.body.token,
  });
  return {
    accountId: me.body.account._id,
    orgId: me.body.account.currentOrg,
    teamId: me.body.account.currentTeam,
    email,
    password,
    name,
    token: login.body.token,
  };
}

/** Logs in through the cookie (as a browser would) and returns the cookie header and CSRF token. */
export async function cookieLogin(http: Http, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await http.post('/forms/account/login', { email, password });
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  const me = await http.get<{ csrf: string }>('/account.json', { cookie });
  return { cookie, csrf: me.body.csrf };
}

/**
 * A new account that is a member of `owner`'s team with the given role. The membership is written
 * through the team repository (the invite route's own storage), so tests of other resources do not
 * depend on the invite flow.
 */
export async function joinTeam(
  http: Http,
  server: { ctx: { teams: { addMember(teamId: string, orgId: string, accountId: string, role: 'TEAM_MEMBER' | 'TEAM_ADMIN'): Promise<boolean> }; auth: { invalidateAccounts(ids: Iterable<string>): void } } },
  owner: TestAccount,
  role: 'TEAM_MEMBER' | 'TEAM_ADMIN',
): Promise<TestAccount> {
  const member = await createAccount(http, { name: `${role} of ${owner.name}` });
  await server.ctx.teams.addMember(owner.teamId, owner.orgId, member.accountId, role);
  server.ctx.auth.invalidateAccounts([member.accountId]);
  return { ...member, teamId: owner.teamId, orgId: owner.orgId };
}

/** An `openai_compatible` LLM of owner's team, through the model route; returns its id. */
export async function createModel(http: Http, owner: TestAccount, opts: { baseUrl?: string } = {}): Promise<string> {
  const res = await http.post<{ _id: string }>(
    `/${owner.teamId}/forms/model/add`,
    { name: 'Fake model', type: 'openai_compatible', model: 'fake-1', config: { base_url: opts.baseUrl ?? 'http://127.0.0.1:9/v1', api_key: 'sk-test-0123456789abcdef' } },
    { token: owner.token },
  );
  if (res.status !== 302) throw new Error(`model add failed: ${res.status} ${res.text}`);
  return res.body._id;
}

/** An agent of owner's team, through the agent route; returns its id. */
export async function createAgent(
  http: Http,
  owner: TestAccount,
  opts: { modelId: string; toolIds?: string[]; variableIds?: string[]; name?: string },
): Promise<string> {
  const res = await http.post<{ _id: string }>(
    `/${owner.teamId}/forms/agent/add`,
    {
      name: opts.name ?? 'Helper',
      role: 'Assistant',
      goal: 'Help',
      backstory: 'Knows things',
      modelId: opts.modelId,
      toolIds: opts.toolIds ?? [],
      variableIds: opts.variableIds ?? [],
    },
    { token: owner.token },
  );
  if (res.status !== 302) throw new Error(`agent add failed: ${res.status} ${res.text}`);
  return res.body._id;
}

/** A chat app of owner's team, through the app route; returns its id. */
export async function createChatApp(
  http: Http,
  owner: TestAccount,
  opts: { agentId: string; sharingMode?: string; conversationStarters?: string[]; maxMessages?: number; name?: string; sharingEmails?: string[] },
): Promise<string> {
  const res = await http.post<{ _id: string }>(
    `/${owner.teamId}/forms/app/add`,
    {
      type: 'chat',
      name: opts.name ?? 'Chat app',
      description: '',
      tags: [],
      agentId: opts.agentId,
      sharingMode: opts.sharingMode ?? 'team',
      sharingEmails: opts.sharingEmails,
      conversationStarters: opts.conversationStarters ?? ['Hi'],
      maxMessages: opts.maxMessages,
    },
    { token: owner.token },
  );
  if (res.status !== 200) throw new Error(`app add failed: ${res.status} ${res.text}`);
  return res.body._id;
}
