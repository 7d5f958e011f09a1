import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../support/server.js';
import { Http } from '../support/http.js';
import { createAccount, joinTeam, uniqueEmail, type TestAccount } from '../support/factories.js';
import { credentials } from '../../src/db/schema.js';
import { inviteAndAccept, inviteNew, PASSWORD, tokenOf } from './helpers.js';

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

type AccountJson = { account: { _id: string; currentTeam: string | null; emailVerified: boolean; orgs: { id: string; teams: { id: string }[] }[] } };

describe('invite → verify → login', () => {
  it('lets an invitee set a password through the link, log in, and work in the team as TEAM_MEMBER', async () => {
    const { email, inviteUrl } = await inviteNew(http, owner, 'TEAM_MEMBER');
    const token = tokenOf(inviteUrl);

    // Listed at once, unverified; cannot log in before accepting.
    const team = await http.get<{ team: { members: { email: string; emailVerified: boolean; role: string }[] } }>(`/${owner.teamId}/team.json`, { token: owner.token });
    expect(team.body.team.members.find((m) => m.email === email)).toMatchObject({ emailVerified: false, role: 'TEAM_MEMBER' });
    expect((await http.post('/forms/account/login', { email, password: PASSWORD })).status).toBe(403);

    // Failed attempts do not consume the link.
    expect((await http.post('/forms/account/verify', { token: token.slice(0, -2) + 'xx', password: PASSWORD })).body.error).toBe('Invalid token');
    expect((await http.post('/forms/account/verify', { token })).body.error).toBe('Invalid inputs');
    const short = await http.post('/forms/account/verify', { token, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error).toBe('Password must be at least 8 characters');
    expect((await http.post('/forms/account/verify', { password: PASSWORD })).body.error).toBe('Token is empty');

    const ok = await http.post('/forms/account/verify', { token, password: PASSWORD });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ redirect: '/login?verifysuccess=true' });
    const again = await http.post('/forms/account/verify', { token, password: 'another password' });
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('Invalid token');

    const login = await http.post<{ token: string; redirect: string }>('/forms/account/login', { email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.redirect).toBe(`/${owner.teamId}/apps`);
    const me = await http.get<AccountJson>('/account.json', { token: login.body.token });
    expect(me.body.account.currentTeam).toBe(owner.teamId);
    expect(me.body.account.emailVerified).toBe(true);
    expect(me.body.account.orgs).toEqual([expect.objectContaining({ id: owner.orgId, teams: [expect.objectContaining({ id: owner.teamId })] })]);

    // TEAM_MEMBER rights: reads the team, cannot manage members.
    expect((await http.get(`/${owner.teamId}/team.json`, { token: login.body.token })).status).toBe(200);
    const denied = await http.post(`/${owner.teamId}/forms/team/invite`, { name: 'X', email: uniqueEmail(), template: 'TEAM_MEMBER' }, { token: login.body.token });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ error: 'No permission', message: 'Missing permission "Add Team Member"' });

    // Promoted to TEAM_ADMIN: the very next request has the new rights.
    const memberId = me.body.account._id;
    expect((await http.post(`/${owner.teamId}/forms/team/${memberId}/edit`, { template: 'TEAM_ADMIN' }, { token: owner.token })).status).toBe(200);
    const allowed = await http.post(`/${owner.teamId}/forms/team/invite`, { name: 'Y', email: uniqueEmail(), template: 'TEAM_MEMBER' }, { token: login.body.token });
    expect(allowed.status).toBe(200);
  });

  it('answers a classic form post with a real 302 to the login page', async () => {
    const { inviteUrl } = await inviteNew(http, owner);
    const body = new URLSearchParams({ token: tokenOf(inviteUrl), password: PASSWORD }).toString();
    const res = await http.request('POST', '/forms/account/verify', { raw: body, contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/login?verifysuccess=true');
  });

  it('never accepts an invite token as an API credential', async () => {
    const { inviteUrl } = await inviteNew(http, owner);
    const token = tokenOf(inviteUrl);
    expect(await server.ctx.auth.verify(token)).toBeNull();
    const res = await http.get('/account.json', { token });
    expect(res.status).toBe(401);
    expect((await http.get(`/${owner.teamId}/team.json`, { token })).status).toBe(401);
    // …and it still works for what it is for.
    expect((await http.post('/forms/account/verify', { token, password: PASSWORD })).status).toBe(200);
  });

  it('refuses an expired invite', async () => {
    const { inviteUrl } = await inviteNew(http, owner);
    const token = tokenOf(inviteUrl);
    const credentialId = token.slice(4, 28);
    await server.ctx.db
      .update(credentials)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(credentials.id, credentialId), eq(credentials.kind, 'invite')));
    const res = await http.post('/forms/account/verify', { token, password: PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('Invalid token');
  });

  it('issues invites that expire after 7 days', async () => {
    const { inviteUrl } = await inviteNew(http, owner);
    const [row] = await server.ctx.db.select().from(credentials).where(eq(credentials.id, tokenOf(inviteUrl).slice(4, 28)));
    const days = (row!.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
  });
});

describe('POST /:teamId/forms/team/invite', () => {
  it('never adds an existing account on its own: it joins when, logged in, it accepts the link', async () => {
    const existing = await createAccount(http, { name: 'Existing' });
    const res = await http.post<{ inviteUrl: string }>(
      `/${owner.teamId}/forms/team/invite`,
      { name: 'ignored', email: existing.email.toUpperCase(), template: 'TEAM_ADMIN' },
      { token: owner.token },
    );
    expect(res.status).toBe(200);
    const token = tokenOf(res.body.inviteUrl);
    const teamsOf = async () => (await http.get<AccountJson>('/account.json', { token: existing.token })).body.account.orgs.flatMap((o) => o.teams.map((t) => t.id));
    // Signing up with someone's address gets nothing by itself.
    expect(await teamsOf()).not.toContain(owner.teamId);
    expect((await http.get(`/${owner.teamId}/team.json`, { token: existing.token })).status).toBe(403);
    const pending = await http.get<{ team: { invites: { _id: string; email: string; role: string }[] } }>(`/${owner.teamId}/team.json`, { token: owner.token });
    expect(pending.body.team.invites).toContainEqual(expect.objectContaining({ _id: existing.accountId, email: existing.email, role: 'TEAM_ADMIN' }));

    const info = await http.get(`/invite.json?token=${encodeURIComponent(token)}`);
    expect(info.status).toBe(200);
    expect(info.body).toEqual({ kind: 'join', email: existing.email, name: 'Existing', teamName: expect.any(String), role: 'TEAM_ADMIN' });
    // The link is no password link and no bearer credential.
    expect((await http.post('/forms/account/verify', { token, password: PASSWORD })).body.error).toBe('Invalid token');
    expect((await http.get('/account.json', { token })).status).toBe(401);
    // Someone else holding the link cannot use it.
    const other = await http.post('/forms/account/invite/accept', { token }, { token: stranger.token });
    expect(other.status).toBe(403);
    expect(await teamsOf()).not.toContain(owner.teamId);

    const accepted = await http.post<{ teamId: string; redirect: string }>('/forms/account/invite/accept', { token }, { token: existing.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ teamId: owner.teamId, redirect: `/${owner.teamId}/apps` });
    expect(await teamsOf()).toContain(owner.teamId);
    const after = await http.get<{ team: { invites: { _id: string }[] } }>(`/${owner.teamId}/team.json`, { token: owner.token });
    expect(after.body.team.invites.map((i) => i._id)).not.toContain(existing.accountId);
    const me = await http.get<AccountJson>('/account.json', { token: existing.token });
    // Accepting is choosing the team: it becomes the current one.
    expect(me.body.account.currentTeam).toBe(owner.teamId);
    const team = await http.get<{ team: { members: { _id: string; email: string; template?: string }[] } }>(`/${owner.teamId}/team.json`, { token: existing.token });
    expect(team.status).toBe(200);
    // One use only.
    expect((await http.post('/forms/account/invite/accept', { token }, { token: existing.token })).body.error).toBe('Invalid token');
  });

  it('refuses unknown, garbage and withdrawn invite links, and needs a login to accept', async () => {
    const existing = await createAccount(http, { name: 'Withdrawn' });
    const res = await http.post<{ inviteUrl: string }>(`/${owner.teamId}/forms/team/invite`, { name: 'x', email: existing.email, template: 'TEAM_MEMBER' }, { token: owner.token });
    const token = tokenOf(res.body.inviteUrl);
    expect((await http.post('/forms/account/invite/accept', { token })).status).toBe(401);
    expect((await http.post('/forms/account/invite/accept', {}, { token: existing.token })).body.error).toBe('Token is empty');
    expect((await http.get('/invite.json?token=garbage')).body).toMatchObject({ error: 'Invalid token', code: 400 });
    expect((await http.get('/invite.json')).status).toBe(400);
    expect((await http.get(`/invite.json?token=${encodeURIComponent(token.slice(0, -2) + 'AA')}`)).body.error).toBe('Invalid token');
    // The admin withdraws it through the remove-member route.
    expect((await http.delete(`/${owner.teamId}/forms/team/invite`, { memberId: existing.accountId }, { token: owner.token })).status).toBe(200);
    expect((await http.post('/forms/account/invite/accept', { token }, { token: existing.token })).body.error).toBe('Invalid token');
    expect((await http.get(`/invite.json?token=${encodeURIComponent(token)}`)).status).toBe(400);
  });

  it('keeps one pending invite per account: a second invite replaces the first link, and removal kills it', async () => {
    const existing = await createAccount(http, { name: 'Twice' });
    const invite = async () =>
      tokenOf((await http.post<{ inviteUrl: string }>(`/${owner.teamId}/forms/team/invite`, { name: 'x', email: existing.email, template: 'TEAM_MEMBER' }, { token: owner.token })).body.inviteUrl);
    const [first, second] = await Promise.all([invite(), invite()]);
    const live = [];
    for (const t of [first, second]) if ((await http.get(`/invite.json?token=${encodeURIComponent(t)}`)).status === 200) live.push(t);
    expect(live).toHaveLength(1);
    const team = await http.get<{ team: { invites: { _id: string }[] } }>(`/${owner.teamId}/team.json`, { token: owner.token });
    expect(team.body.team.invites.filter((i) => i._id === existing.accountId)).toHaveLength(1);
    // Accepted, then removed: the old link does not bring the account back.
    expect((await http.post('/forms/account/invite/accept', { token: live[0] }, { token: existing.token })).status).toBe(200);
    const again = await invite().catch(() => null);
    expect(again).toBeNull();
    expect((await http.delete(`/${owner.teamId}/forms/team/invite`, { memberId: existing.accountId }, { token: owner.token })).status).toBe(200);
    expect((await http.post('/forms/account/invite/accept', { token: live[0] }, { token: existing.token })).body.error).toBe('Invalid token');
  });

  it('describes a new account’s link as a password link', async () => {
    const { email, inviteUrl } = await inviteNew(http, owner);
    const info = await http.get(`/invite.json?token=${encodeURIComponent(tokenOf(inviteUrl))}`);
    expect(info.body).toEqual({ kind: 'password', email, name: 'Invitee' });
  });

  it('answers 409 for someone already on the team', async () => {
    const member = await joinTeam(http, server, owner, 'TEAM_MEMBER');
    const res = await http.post(`/${owner.teamId}/forms/team/invite`, { name: 'Again', email: member.email, template: 'TEAM_MEMBER' }, { token: owner.token });
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('User is already on your team');
    expect((await http.post(`/${owner.teamId}/forms/team/invite`, { name: 'Me', email: owner.email, template: 'TEAM_ADMIN' }, { token: owner.token })).status).toBe(409);
    const { email } = await inviteNew(http, owner);
    expect((await http.post(`/${owner.teamId}/forms/team/invite`, { name: 'Again', email, template: 'TEAM_MEMBER' }, { token: owner.token })).status).toBe(409);
  });

  it('validates with the reference’s messages', async () => {
    const post = (body: Record<string, unknown>) => http.post(`/${owner.teamId}/forms/team/invite`, body, { token: owner.token });
    const email = uniqueEmail();
    expect((await post({ email, template: 'TEAM_MEMBER' })).body.error).toBe('Name is empty');
    expect((await post({ name: 'N', template: 'TEAM_MEMBER' })).body.error).toBe('Email is empty');
    expect((await post({ name: 'N', email: 'nope', template: 'TEAM_MEMBER' })).body.error).toMatch(/^Email does not match regular expression/);
    expect((await post({ name: 'N', email })).body.error).toBe('Template is empty');
    const root = await post({ name: 'N', email, template: 'ROOT' });
    expect(root.status).toBe(400);
    expect(root.body.error).toBe('Template is an invalid value');
    expect((await post({ name: 'N', email, template: 'ORG_ADMIN' })).body.error).toBe('Template is an invalid value');
    // Nothing was created by the failed attempts.
    expect((await post({ name: 'N', email, template: 'TEAM_MEMBER' })).body.inviteUrl).toBeDefined();
  });

  it('gives a fresh link (and kills the old one) to a never-activated invitee invited again after removal', async () => {
    const { email, inviteUrl } = await inviteNew(http, owner);
    const team = await http.get<{ team: { members: { _id: string; email: string }[] } }>(`/${owner.teamId}/team.json`, { token: owner.token });
    const memberId = team.body.team.members.find((m) => m.email === email)!._id;
    expect((await http.delete(`/${owner.teamId}/forms/team/invite`, { memberId }, { token: owner.token })).status).toBe(200);
    const again = await http.post<{ inviteUrl: string }>(`/${owner.teamId}/forms/team/invite`, { name: 'Invitee', email, template: 'TEAM_MEMBER' }, { token: owner.token });
    expect(again.status).toBe(200);
    expect(again.body.inviteUrl).toMatch(/^\/verify\?token=/);
    expect((await http.post('/forms/account/verify', { token: tokenOf(inviteUrl), password: PASSWORD })).body.error).toBe('Invalid token');
    expect((await http.post('/forms/account/verify', { token: tokenOf(again.body.inviteUrl), password: PASSWORD })).status).toBe(200);
  });

  it('gives a pending invitee who is already in another team a join link, not a password link (that would open the other team too)', async () => {
    const { email } = await inviteNew(http, stranger);
    const res = await http.post<{ inviteUrl: string }>(`/${owner.teamId}/forms/team/invite`, { name: 'X', email, template: 'TEAM_MEMBER' }, { token: owner.token });
    expect(res.status).toBe(200);
    expect((await http.get(`/invite.json?token=${encodeURIComponent(tokenOf(res.body.inviteUrl))}`)).body.kind).toBe('join');
  });

  it('requires credentials, membership and the Add Team Member permission', async () => {
    const body = { name: 'N', email: uniqueEmail(), template: 'TEAM_MEMBER' };
    expect((await http.post(`/${owner.teamId}/forms/team/invite`, body)).status).toBe(401);
    const foreign = await http.post(`/${owner.teamId}/forms/team/invite`, body, { token: stranger.token });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toBe('No permission');
    const member = await joinTeam(http, server, owner, 'TEAM_MEMBER');
    expect((await http.post(`/${owner.teamId}/forms/team/invite`, body, { token: member.token })).status).toBe(403);
    const admin = await inviteAndAccept(http, owner, 'TEAM_ADMIN');
    expect((await http.post(`/${owner.teamId}/forms/team/invite`, body, { token: admin.token })).status).toBe(200);
  });
});
