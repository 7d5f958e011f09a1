import { expect } from 'vitest';
import type { Http } from '../support/http.js';
import { uniqueEmail, type TestAccount } from '../support/factories.js';

export const PASSWORD = 'invited and happy';

/** Whether Agent Cloud's MSB-first base64 bitfield has bit `n`. */
export function hasBit(base64: string, n: number): boolean {
  const bytes = Buffer.from(base64, 'base64');
  return ((bytes[n >> 3] ?? 0) & (0x80 >> n % 8)) !== 0;
}

export function tokenOf(inviteUrl: string): string {
  const token = new URL(inviteUrl, 'http://x').searchParams.get('token');
  if (!token) throw new Error(`no token in ${inviteUrl}`);
  return token;
}

/** Invites a new email into `admin`'s team; returns the invite link (not yet accepted). */
export async function inviteNew(
  http: Http,
  admin: TestAccount,
  template: 'TEAM_MEMBER' | 'TEAM_ADMIN' = 'TEAM_MEMBER',
  teamId = admin.teamId,
): Promise<{ email: string; inviteUrl: string }> {
  const email = uniqueEmail('invitee');
  const res = await http.post<{ inviteUrl: string }>(`/${teamId}/forms/team/invite`, { name: 'Invitee', email, template }, { token: admin.token });
  expect(res.status, res.text).toBe(200);
  expect(res.body.inviteUrl).toMatch(/^\/verify\?token=/);
  return { email, inviteUrl: res.body.inviteUrl };
}

/** Invite → verify → login: a new account in `admin`'s team, as a real invitee would get there. */
export async function inviteAndAccept(
  http: Http,
  admin: TestAccount,
  template: 'TEAM_MEMBER' | 'TEAM_ADMIN' = 'TEAM_MEMBER',
  teamId = admin.teamId,
): Promise<TestAccount> {
  const { email, inviteUrl } = await inviteNew(http, admin, template, teamId);
  const verify = await http.post('/forms/account/verify', { token: tokenOf(inviteUrl), password: PASSWORD });
  expect(verify.status, verify.text).toBe(200);
  const login = await http.post<{ token: string }>('/forms/account/login', { email, password: PASSWORD });
  expect(login.status, login.text).toBe(200);
  const me = await http.get<{ account: { _id: string } }>('/account.json', { token: login.body.token });
  return { accountId: me.body.account._id, orgId: admin.orgId, teamId, email, password: PASSWORD, name: 'Invitee', token: login.body.token };
}
