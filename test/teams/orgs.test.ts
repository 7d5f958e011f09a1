import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http } from '../support/http.js';
import { createAccount, joinTeam, type TestAccount } from '../support/factories.js';
import { PERMISSIONS } from '../../src/auth/permissions.js';
import { hasBit, inviteAndAccept } from './helpers.js';

let server: TestServer;
let http: Http;
let stranger: TestAccount;

beforeAll(async () => {
  server = await startTestServer();
  http = new Http(server.url);
  stranger = await createAccount(http, { name: 'Stranger' });
});
afterAll(async () => server?.close());

type OrgJson = {
  members: { _id: string; memberId: string; name: string; email: string; emailVerified: boolean }[];
  org: { _id: string; name: string; ownerId: string; teamIds: string[]; members: string[]; permissions: Record<string, string>; dateCreated: string };
  csrf: string;
  account: { _id: string };
};
type AccountJson = { account: { orgs: { id: string; name: string }[] } };

const bit = (p: keyof typeof PERMISSIONS) => PERMISSIONS[p].bit;
const UNKNOWN = 'aaaaaaaaaaaaaaaaaaaaaaaa';

/** An org owner with two teams, a member in each and one member in both. */
async function orgWithTwoTeams() {
  const owner = await createAccount(http, { name: 'Org Owner' });
  const second = await http.post<{ _id: string }>(`/${owner.teamId}/forms/team/add`, { teamName: 'Second' }, { token: owner.token });
  const secondTeamId = second.body._id;
  const one = await joinTeam(http, server, owner, 'TEAM_MEMBER');
  const two = await inviteAndAccept(http, { ...owner, teamId: secondTeamId }, 'TEAM_ADMIN');
  const both = await joinTeam(http, server, owner, 'TEAM_ADMIN');
  await server.ctx.teams.addMember(secondTeamId, owner.orgId, both.accountId, 'TEAM_MEMBER');
  server.ctx.auth.invalidateAccounts([both.accountId]);
  return { owner, secondTeamId, one, two, both };
}

describe('GET /:teamId/org.json', () => {
  it('lists the distinct members of all the org’s teams and their org-level permissions', async () => {
    const { owner, secondTeamId, one, two, both } = await orgWithTwoTeams();
    const res = await http.get<OrgJson>(`/${owner.teamId}/org.json`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body.csrf).toEqual(expect.any(String));
    const ids = [owner, one, two, both].map((a) => a.accountId).sort();
    expect(res.body.members.map((m) => m._id).sort()).toEqual(ids);
    expect(res.body.members.find((m) => m._id === two.accountId)).toEqual({ _id: two.accountId, memberId: two.accountId, name: 'Invitee', email: two.email, emailVerified: true });
    const org = res.body.org;
    expect(org).toMatchObject({ _id: owner.orgId, name: "Org Owner's Org", ownerId: owner.accountId });
    expect(org.teamIds.sort()).toEqual([owner.teamId, secondTeamId].sort());
    expect(org.members.sort()).toEqual(ids);
    expect(Object.keys(org.permissions).sort()).toEqual(ids);
    expect(hasBit(org.permissions[owner.accountId]!, bit('org.owner'))).toBe(true);
    expect(hasBit(org.permissions[owner.accountId]!, bit('org.edit'))).toBe(true);
    expect(hasBit(org.permissions[one.accountId]!, bit('org.admin'))).toBe(false);
    expect(new Date(org.dateCreated).getTime()).toBeGreaterThan(0);
    // A member of the second team alone sees the same org from there.
    const fromSecond = await http.get<OrgJson>(`/${secondTeamId}/org.json`, { token: two.token });
    expect(fromSecond.status).toBe(200);
    expect(fromSecond.body.org._id).toBe(owner.orgId);
    expect(fromSecond.text).not.toMatch(/password|hash/i);
  });

  it('answers 401 without credentials and 403 for a team that is not the caller’s', async () => {
    expect((await http.get(`/${stranger.teamId}/org.json`)).status).toBe(401);
    const owner = await createAccount(http);
    expect((await http.get(`/${stranger.teamId}/org.json`, { token: owner.token })).status).toBe(403);
  });
});

describe('GET /:teamId/org/:memberId.json', () => {
  it('shows a member of any team of the org, with org-level permissions', async () => {
    const { owner, two } = await orgWithTwoTeams();
    const res = await http.get<{ orgMember: Record<string, unknown> & { permissions: string } }>(`/${owner.teamId}/org/${two.accountId}.json`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body.orgMember).toMatchObject({ _id: two.accountId, email: two.email, emailVerified: true, role: 'ORG_MEMBER' });
    expect(hasBit(res.body.orgMember.permissions, bit('org.admin'))).toBe(false);
    const self = await http.get<{ orgMember: { role: string; permissions: string } }>(`/${owner.teamId}/org/${owner.accountId}.json`, { token: owner.token });
    expect(self.body.orgMember.role).toBe('ORG_OWNER');
    expect(hasBit(self.body.orgMember.permissions, bit('orgMember.remove'))).toBe(true);
  });

  it('answers 404 for non-members and bad ids, 403 without Edit Org Member', async () => {
    const { owner, one, both } = await orgWithTwoTeams();
    expect((await http.get(`/${owner.teamId}/org/${stranger.accountId}.json`, { token: owner.token })).status).toBe(404);
    expect((await http.get(`/${owner.teamId}/org/${UNKNOWN}.json`, { token: owner.token })).status).toBe(404);
    expect((await http.get(`/${owner.teamId}/org/xyz.json`, { token: owner.token })).status).toBe(404);
    const denied = await http.get(`/${owner.teamId}/org/${one.accountId}.json`, { token: both.token });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('Missing permission "Edit Org Member"');
    expect((await http.get(`/${owner.teamId}/org/${one.accountId}.json`)).status).toBe(401);
    expect((await http.get(`/${owner.teamId}/org/${one.accountId}.json`, { token: stranger.token })).status).toBe(403);
  });
});

describe('POST /:teamId/forms/org/edit', () => {
  it('lets the org owner rename the org, seen by every member at once', async () => {
    const { owner, two } = await orgWithTwoTeams();
    await http.get('/account.json', { token: two.token });
    const res = await http.post(`/${owner.teamId}/forms/org/edit`, { orgName: 'Acme' }, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    const seen = await http.get<AccountJson>('/account.json', { token: two.token });
    expect(seen.body.account.orgs.find((o) => o.id === owner.orgId)!.name).toBe('Acme');
    expect((await http.get<OrgJson>(`/${owner.teamId}/org.json`, { token: owner.token })).body.org.name).toBe('Acme');
  });

  it('validates with the reference’s label, and needs Edit Organization', async () => {
    const { owner, both } = await orgWithTwoTeams();
    const empty = await http.post(`/${owner.teamId}/forms/org/edit`, {}, { token: owner.token });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toBe('[orgName] is empty');
    const denied = await http.post(`/${owner.teamId}/forms/org/edit`, { orgName: 'x' }, { token: both.token });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('Missing permission "Edit Organization"');
    expect((await http.post(`/${owner.teamId}/forms/org/edit`, { orgName: 'x' })).status).toBe(401);
    expect((await http.post(`/${owner.teamId}/forms/org/edit`, { orgName: 'x' }, { token: stranger.token })).status).toBe(403);
  });
});

describe('POST /:teamId/forms/org/:memberId/edit', () => {
  it('makes a member ORG_ADMIN, whose next request may create teams', async () => {
    const { owner, one } = await orgWithTwoTeams();
    const create = () => http.post(`/${owner.teamId}/forms/team/add`, { teamName: 'By admin' }, { token: one.token });
    expect((await create()).status).toBe(403);
    const res = await http.post(`/${owner.teamId}/forms/org/${one.accountId}/edit`, { template: 'ORG_ADMIN' }, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    expect((await create()).status).toBe(200);
    const org = await http.get<OrgJson>(`/${owner.teamId}/org.json`, { token: owner.token });
    expect(hasBit(org.body.org.permissions[one.accountId]!, bit('org.admin'))).toBe(true);
    await http.post(`/${owner.teamId}/forms/org/${one.accountId}/edit`, { template: 'ORG_MEMBER' }, { token: owner.token });
    expect((await create()).status).toBe(403);
  });

  it('refuses the owner and bad roles with the reference’s messages; 404 outside the org', async () => {
    const { owner, one } = await orgWithTwoTeams();
    const edit = (memberId: string, body: unknown) => http.post(`/${owner.teamId}/forms/org/${memberId}/edit`, body, { token: owner.token });
    const own = await edit(owner.accountId, { template: 'ORG_MEMBER' });
    expect(own.status).toBe(400);
    expect(own.body.error).toBe("Org owner permissions can't be edited");
    expect((await edit(one.accountId, {})).body.error).toBe('Missing role');
    expect((await edit(one.accountId, { template: 'TEAM_ADMIN' })).body.error).toBe('Invalid role');
    expect((await edit(one.accountId, { template: 'ROOT' })).body.error).toBe('Invalid role');
    expect((await edit(stranger.accountId, { template: 'ORG_ADMIN' })).status).toBe(404);
    expect((await edit(UNKNOWN, { template: 'ORG_ADMIN' })).status).toBe(404);
    expect((await edit('bad', { template: 'ORG_ADMIN' })).status).toBe(404);
  });

  it('needs Edit Org Member: a team admin cannot make anyone (or themselves) org admin', async () => {
    const { owner, one, both } = await orgWithTwoTeams();
    const denied = await http.post(`/${owner.teamId}/forms/org/${both.accountId}/edit`, { template: 'ORG_ADMIN' }, { token: one.token });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('Missing permission "Edit Org Member"');
    const admin = await joinTeam(http, server, owner, 'TEAM_ADMIN');
    const self = await http.post(`/${owner.teamId}/forms/org/${admin.accountId}/edit`, { template: 'ORG_ADMIN' }, { token: admin.token });
    expect(self.status).toBe(403);
    expect((await http.post(`/${owner.teamId}/forms/org/${both.accountId}/edit`, { template: 'ORG_ADMIN' })).status).toBe(401);
    expect((await http.post(`/${owner.teamId}/forms/org/${both.accountId}/edit`, { template: 'ORG_ADMIN' }, { token: stranger.token })).status).toBe(403);
  });
});

describe('DELETE /:teamId/forms/org/invite', () => {
  it('removes a member from every team of the org; access ends at once everywhere', async () => {
    const { owner, secondTeamId, both } = await orgWithTwoTeams();
    expect((await http.get(`/${secondTeamId}/team.json`, { token: both.token })).status).toBe(200);
    const res = await http.delete(`/${owner.teamId}/forms/org/invite`, { memberId: both.accountId }, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    expect((await http.get(`/${owner.teamId}/team.json`, { token: both.token })).status).toBe(403);
    expect((await http.get(`/${secondTeamId}/team.json`, { token: both.token })).status).toBe(403);
    const org = await http.get<OrgJson>(`/${owner.teamId}/org.json`, { token: owner.token });
    expect(org.body.org.members).not.toContain(both.accountId);
    // The org is gone from their account; their own org and team are theirs still.
    const me = await http.get<AccountJson & { account: { currentTeam: string } }>('/account.json', { token: both.token });
    expect(me.body.account.orgs.map((o) => o.id)).not.toContain(owner.orgId);
    expect(me.body.account.orgs).toHaveLength(1);
    expect((await http.get(`/${me.body.account.currentTeam}/team.json`, { token: both.token })).status).toBe(200);
  });

  it('refuses the owner, strangers and bad ids', async () => {
    const { owner } = await orgWithTwoTeams();
    const del = (body: unknown) => http.delete(`/${owner.teamId}/forms/org/invite`, body, { token: owner.token });
    const own = await del({ memberId: owner.accountId });
    expect(own.status).toBe(400);
    expect(own.body.error).toBe("Org owner can't be removed");
    const foreign = await del({ memberId: stranger.accountId });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toBe('User not found in your org');
    expect((await del({ memberId: UNKNOWN })).status).toBe(403);
    expect((await del({})).body.error).toBe('Member ID is empty');
    expect((await del({ memberId: 'short' })).body.error).toBe('Member ID is not of the right length');
    expect((await http.get(`/${stranger.teamId}/team.json`, { token: stranger.token })).status).toBe(200);
  });

  it('needs Remove Org Member, which only the org owner holds', async () => {
    const { owner, one, both } = await orgWithTwoTeams();
    const denied = await http.delete(`/${owner.teamId}/forms/org/invite`, { memberId: one.accountId }, { token: both.token });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('Missing permission "Remove Org Member"');
    expect((await http.delete(`/${owner.teamId}/forms/org/invite`, { memberId: one.accountId })).status).toBe(401);
    expect((await http.delete(`/${owner.teamId}/forms/org/invite`, { memberId: one.accountId }, { token: stranger.token })).status).toBe(403);
  });
});
