import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http } from '../support/http.js';
import { createAccount, joinTeam, type TestAccount } from '../support/factories.js';
import { PERMISSIONS } from '../../src/auth/permissions.js';
import { hasBit, inviteAndAccept } from './helpers.js';

let server: TestServer;
let http: Http;
let owner: TestAccount;
let stranger: TestAccount;

beforeAll(async () => {
  server = await startTestServer();
  http = new Http(server.url);
  [owner, stranger] = await Promise.all([createAccount(http, { name: 'Owner' }), createAccount(http, { name: 'Stranger' })]);
});
afterAll(async () => server?.close());

type TeamJson = {
  team: {
    _id: string;
    orgId: string;
    name: string;
    ownerId: string;
    permissions: Record<string, string>;
    members: { _id: string; memberId: string; name: string; email: string; emailVerified: boolean; role: string }[];
  };
  csrf: string;
  account: { _id: string };
};
type AccountJson = { account: { currentTeam: string | null; orgs: { id: string; name: string; teams: { id: string; name: string }[] }[] } };

const bit = (p: keyof typeof PERMISSIONS) => PERMISSIONS[p].bit;
const UNKNOWN = 'aaaaaaaaaaaaaaaaaaaaaaaa';

describe('GET /:teamId/team.json', () => {
  it('lists the members with roles and each one’s effective permissions in this team', async () => {
    const member = await joinTeam(http, server, owner, 'TEAM_MEMBER');
    const res = await http.get<TeamJson>(`/${owner.teamId}/team.json`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body.csrf).toEqual(expect.any(String));
    expect(res.body.account._id).toBe(owner.accountId);
    const team = res.body.team;
    expect(team).toMatchObject({ _id: owner.teamId, orgId: owner.orgId, ownerId: owner.accountId, name: "Owner's Team" });
    expect(team.members.find((m) => m._id === member.accountId)).toEqual({
      _id: member.accountId,
      memberId: member.accountId,
      name: member.name,
      email: member.email,
      emailVerified: true,
      role: 'TEAM_MEMBER',
    });
    const ownerBits = team.permissions[owner.accountId]!;
    const memberBits = team.permissions[member.accountId]!;
    expect(Buffer.from(ownerBits, 'base64')).toHaveLength(255);
    expect(hasBit(ownerBits, bit('team.owner'))).toBe(true);
    expect(hasBit(ownerBits, bit('org.owner'))).toBe(true);
    expect(hasBit(ownerBits, bit('teamMember.add'))).toBe(true);
    expect(hasBit(memberBits, bit('agent.create'))).toBe(true);
    expect(hasBit(memberBits, bit('teamMember.add'))).toBe(false);
    expect(hasBit(memberBits, bit('model.create'))).toBe(false);
    // Any member may read it; nothing about passwords leaks.
    const asMember = await http.get<TeamJson>(`/${owner.teamId}/team.json`, { token: member.token });
    expect(asMember.status).toBe(200);
    expect(asMember.text).not.toMatch(/password|hash/i);
  });

  it('answers 401 without credentials and 403 for a team that is not the caller’s', async () => {
    expect((await http.get(`/${owner.teamId}/team.json`)).status).toBe(401);
    const res = await http.get(`/${owner.teamId}/team.json`, { token: stranger.token });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('No permission');
  });
});

describe('GET /:teamId/team/:memberId.json', () => {
  it('shows a member with their effective permissions', async () => {
    const member = await joinTeam(http, server, owner, 'TEAM_ADMIN');
    const res = await http.get<{ teamMember: Record<string, unknown> & { permissions: string }; csrf: string }>(`/${owner.teamId}/team/${member.accountId}.json`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body.teamMember).toMatchObject({ _id: member.accountId, name: member.name, email: member.email, emailVerified: true, role: 'TEAM_ADMIN' });
    expect(hasBit(res.body.teamMember.permissions, bit('teamMember.edit'))).toBe(true);
    expect(hasBit(res.body.teamMember.permissions, bit('team.owner'))).toBe(false);
    expect(res.body.csrf).toEqual(expect.any(String));
  });

  it('answers 404 for a non-member, an unknown id and a non-hex id; 403 without Edit Team Member', async () => {
    expect((await http.get(`/${owner.teamId}/team/${stranger.accountId}.json`, { token: owner.token })).status).toBe(404);
    expect((await http.get(`/${owner.teamId}/team/${UNKNOWN}.json`, { token: owner.token })).status).toBe(404);
    expect((await http.get(`/${owner.teamId}/team/nope.json`, { token: owner.token })).status).toBe(404);
    const member = await joinTeam(http, server, owner, 'TEAM_MEMBER');
    const denied = await http.get(`/${owner.teamId}/team/${owner.accountId}.json`, { token: member.token });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('Missing permission "Edit Team Member"');
    expect((await http.get(`/${owner.teamId}/team/${owner.accountId}.json`)).status).toBe(401);
    expect((await http.get(`/${owner.teamId}/team/${owner.accountId}.json`, { token: stranger.token })).status).toBe(403);
  });
});

describe('POST /:teamId/forms/team/:memberId/edit', () => {
  it('changes a role, effective on the member’s next request', async () => {
    const member = await joinTeam(http, server, owner, 'TEAM_MEMBER');
    const peek = () => http.get(`/${owner.teamId}/team/${owner.accountId}.json`, { token: member.token });
    expect((await peek()).status).toBe(403);
    const res = await http.post(`/${owner.teamId}/forms/team/${member.accountId}/edit`, { template: 'TEAM_ADMIN' }, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    expect((await peek()).status).toBe(200);
    const team = await http.get<TeamJson>(`/${owner.teamId}/team.json`, { token: owner.token });
    expect(team.body.team.members.find((m) => m._id === member.accountId)!.role).toBe('TEAM_ADMIN');
    // And back down again.
    await http.post(`/${owner.teamId}/forms/team/${member.accountId}/edit`, { template: 'TEAM_MEMBER' }, { token: owner.token });
    expect((await peek()).status).toBe(403);
  });

  it('refuses the owner, a missing or unknown role, with the reference’s messages', async () => {
    const member = await joinTeam(http, server, owner, 'TEAM_MEMBER');
    const edit = (memberId: string, body: unknown) => http.post(`/${owner.teamId}/forms/team/${memberId}/edit`, body, { token: owner.token });
    const own = await edit(owner.accountId, { template: 'TEAM_MEMBER' });
    expect(own.status).toBe(400);
    expect(own.body.error).toBe("Team owner permissions can't be edited");
    expect((await edit(member.accountId, {})).body.error).toBe('Missing role');
    expect((await edit(member.accountId, { template: '' })).body.error).toBe('Missing role');
    expect((await edit(member.accountId, { template: 'ROOT' })).body.error).toBe('Invalid template');
    expect((await edit(member.accountId, { template: 'ORG_ADMIN' })).body.error).toBe('Invalid template');
    expect((await edit(member.accountId, { template: 5 })).body.error).toBe('Invalid template');
  });

  it('answers 404 for another team’s member and ids that are not members; 403 for a TEAM_MEMBER', async () => {
    const edit = (memberId: string, token = owner.token) => http.post(`/${owner.teamId}/forms/team/${memberId}/edit`, { template: 'TEAM_ADMIN' }, { token });
    expect((await edit(stranger.accountId)).status).toBe(404);
    expect((await edit(UNKNOWN)).status).toBe(404);
    expect((await edit('not-an-id')).status).toBe(404);
    const member = await joinTeam(http, server, owner, 'TEAM_MEMBER');
    const self = await edit(member.accountId, member.token);
    expect(self.status).toBe(403);
    expect(self.body.message).toBe('Missing permission "Edit Team Member"');
    // The stranger is untouched in their own team.
    const theirs = await http.get<TeamJson>(`/${stranger.teamId}/team.json`, { token: stranger.token });
    expect(theirs.body.team.members.find((m) => m._id === stranger.accountId)!.role).toBe('TEAM_ADMIN');
    expect((await http.post(`/${owner.teamId}/forms/team/${member.accountId}/edit`, { template: 'TEAM_ADMIN' })).status).toBe(401);
    expect((await edit(member.accountId, stranger.token)).status).toBe(403);
  });
});

describe('POST /:teamId/forms/team/edit', () => {
  it('renames the team for every member at once', async () => {
    const a = await createAccount(http, { name: 'Renamer' });
    const member = await joinTeam(http, server, a, 'TEAM_MEMBER');
    await http.get('/account.json', { token: member.token }); // warm the member's cached view
    const res = await http.post(`/${a.teamId}/forms/team/edit`, { teamName: '  Platform  ' }, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    expect((await http.get<TeamJson>(`/${a.teamId}/team.json`, { token: a.token })).body.team.name).toBe('Platform');
    const seen = await http.get<AccountJson>('/account.json', { token: member.token });
    expect(seen.body.account.orgs.flatMap((o) => o.teams).find((t) => t.id === a.teamId)!.name).toBe('Platform');
  });

  it('validates, and needs the Edit Team permission', async () => {
    const empty = await http.post(`/${owner.teamId}/forms/team/edit`, { teamName: ' ' }, { token: owner.token });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toBe('Team Name is empty');
    expect((await http.post(`/${owner.teamId}/forms/team/edit`, {}, { token: owner.token })).body.error).toBe('Team Name is empty');
    const member = await joinTeam(http, server, owner, 'TEAM_MEMBER');
    const denied = await http.post(`/${owner.teamId}/forms/team/edit`, { teamName: 'x' }, { token: member.token });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('Missing permission "Edit Team"');
    expect((await http.post(`/${owner.teamId}/forms/team/edit`, { teamName: 'x' })).status).toBe(401);
    expect((await http.post(`/${owner.teamId}/forms/team/edit`, { teamName: 'x' }, { token: stranger.token })).status).toBe(403);
  });
});

describe('DELETE /:teamId/forms/team/invite', () => {
  it('removes a member: their very next request to the team is refused, and their current team moves', async () => {
    const a = await createAccount(http, { name: 'Remover' });
    const invitee = await inviteAndAccept(http, a, 'TEAM_ADMIN');
    expect((await http.get(`/${a.teamId}/team.json`, { token: invitee.token })).status).toBe(200);
    const res = await http.delete(`/${a.teamId}/forms/team/invite`, { memberId: invitee.accountId }, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    const after = await http.get(`/${a.teamId}/team.json`, { token: invitee.token });
    expect(after.status).toBe(403);
    const me = await http.get<AccountJson>('/account.json', { token: invitee.token });
    expect(me.body.account.orgs).toEqual([]);
    expect(me.body.account.currentTeam).toBeNull();
    const team = await http.get<TeamJson>(`/${a.teamId}/team.json`, { token: a.token });
    expect(team.body.team.members.map((m) => m._id)).not.toContain(invitee.accountId);
    expect(Object.keys(team.body.team.permissions)).not.toContain(invitee.accountId);
  });

  it('moves a removed member who has other teams to one of them', async () => {
    const a = await createAccount(http, { name: 'Host' });
    const guest = await joinTeam(http, server, a, 'TEAM_MEMBER');
    await http.post('/forms/account/switch', { orgId: a.orgId, teamId: a.teamId }, { token: guest.token });
    expect((await http.get<AccountJson>('/account.json', { token: guest.token })).body.account.currentTeam).toBe(a.teamId);
    await http.delete(`/${a.teamId}/forms/team/invite`, { memberId: guest.accountId }, { token: a.token });
    const me = await http.get<AccountJson>('/account.json', { token: guest.token });
    expect(me.body.account.currentTeam).not.toBe(a.teamId);
    expect(me.body.account.currentTeam).toMatch(/^[a-f0-9]{24}$/);
  });

  it('refuses the owner, strangers and bad ids with the spec’s answers', async () => {
    const del = (body: unknown, token = owner.token) => http.delete(`/${owner.teamId}/forms/team/invite`, body, { token });
    const own = await del({ memberId: owner.accountId });
    expect(own.status).toBe(400);
    expect(own.body.error).toBe("Team owner can't be removed");
    const foreign = await del({ memberId: stranger.accountId });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toBe('User not found in your team');
    const unknown = await del({ memberId: UNKNOWN });
    expect(unknown.status).toBe(403);
    expect(unknown.body.error).toBe('User not found in your team');
    expect((await del({})).body.error).toBe('Member ID is empty');
    expect((await del({ memberId: 'abc' })).body.error).toBe('Member ID is not of the right length');
    // The stranger is still in their own team.
    expect((await http.get(`/${stranger.teamId}/team.json`, { token: stranger.token })).status).toBe(200);
  });

  it('needs the Remove Team Member permission', async () => {
    const member = await joinTeam(http, server, owner, 'TEAM_MEMBER');
    const other = await joinTeam(http, server, owner, 'TEAM_MEMBER');
    const denied = await http.delete(`/${owner.teamId}/forms/team/invite`, { memberId: other.accountId }, { token: member.token });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('Missing permission "Remove Team Member"');
    expect((await http.delete(`/${owner.teamId}/forms/team/invite`, { memberId: other.accountId })).status).toBe(401);
    expect((await http.delete(`/${owner.teamId}/forms/team/invite`, { memberId: other.accountId }, { token: stranger.token })).status).toBe(403);
    expect((await http.get(`/${owner.teamId}/team.json`, { token: other.token })).status).toBe(200);
  });
});

describe('POST /:teamId/forms/team/add', () => {
  it('creates a team in the org, owned by the caller, who can switch to it at once', async () => {
    const a = await createAccount(http, { name: 'Founder' });
    const res = await http.post<{ _id: string; orgId: string }>(`/${a.teamId}/forms/team/add`, { teamName: 'Second' }, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ _id: expect.stringMatching(/^[a-f0-9]{24}$/), orgId: a.orgId });
    const me = await http.get<AccountJson>('/account.json', { token: a.token });
    expect(me.body.account.orgs[0]!.teams.map((t) => t.name)).toEqual(["Founder's Team", 'Second']);
    expect((await http.post('/forms/account/switch', { orgId: a.orgId, teamId: res.body._id }, { token: a.token })).status).toBe(200);
    const team = await http.get<TeamJson>(`/${res.body._id}/team.json`, { token: a.token });
    expect(team.body.team).toMatchObject({ _id: res.body._id, orgId: a.orgId, ownerId: a.accountId, name: 'Second' });
    expect(team.body.team.members.map((m) => m._id)).toEqual([a.accountId]);
  });

  it('validates, and needs the Create Team permission (an org right, not a team one)', async () => {
    expect((await http.post(`/${owner.teamId}/forms/team/add`, {}, { token: owner.token })).body.error).toBe('Team Name is empty');
    const admin = await joinTeam(http, server, owner, 'TEAM_ADMIN');
    const denied = await http.post(`/${owner.teamId}/forms/team/add`, { teamName: 'x' }, { token: admin.token });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('Missing permission "Create Team"');
    expect((await http.post(`/${owner.teamId}/forms/team/add`, { teamName: 'x' })).status).toBe(401);
    expect((await http.post(`/${owner.teamId}/forms/team/add`, { teamName: 'x' }, { token: stranger.token })).status).toBe(403);
  });
});
