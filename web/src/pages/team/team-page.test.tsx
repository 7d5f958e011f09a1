import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ALL_PERMISSIONS, envelope, fakeApi, renderPage, TEAM } from '../../test/harness';
import { TeamPage } from './team-page';

const ME = 'a'.repeat(24);
const NEW = 'b'.repeat(24);
type Invite = { _id: string; name: string; email: string; role: string; expirationDate: string };
const team = (members: { _id: string; name: string; email: string }[], invites: Invite[] = []) =>
  envelope({ team: { id: TEAM, name: 'Ada’s team', ownerId: ME, members, invites, permissions: { [ME]: ALL_PERMISSIONS } } });
const ada = { _id: ME, name: 'Ada', email: 'ada@example.com' };
const grace = { _id: NEW, name: 'Grace', email: 'grace@example.com' };

function setup(inviteAnswer: object, existing = false) {
  let members = [ada];
  let invites: Invite[] = [];
  const api = fakeApi({
    'GET /account.json': { body: { csrf: 'c', account: { _id: ME, orgs: [], currentTeam: TEAM } } },
    [`GET /${TEAM}/team.json`]: () => ({ body: team(members, invites) }),
    [`POST /${TEAM}/forms/team/invite`]: () => {
      if (existing) invites = [{ ...grace, role: 'TEAM_MEMBER', expirationDate: new Date().toISOString() }];
      else members = [ada, grace];
      return { body: inviteAnswer };
    },
    [`DELETE /${TEAM}/forms/team/invite`]: () => {
      invites = [];
      return { body: {} };
    },
  });
  renderPage(<TeamPage />, { path: '/:teamId/team', url: `/${TEAM}/team` });
  return api;
}

async function invite() {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText(/^Name/), 'Grace');
  await user.type(screen.getByLabelText(/^Email/), ' grace@example.com ');
  await user.click(screen.getByRole('button', { name: 'Invite' }));
}

describe('team page invitations', () => {
  it('gives the admin the new account’s invite link, whole, with a Copy button', async () => {
    const { calls } = setup({ inviteUrl: '/verify?token=abc%2B123' });
    await invite();
    const link = (await screen.findByLabelText('Invite link')) as HTMLInputElement;
    expect(link.value).toBe(new URL('/verify?token=abc%2B123', window.location.origin).href);
    expect(link.value).toMatch(/^https?:\/\/[^/]+\/verify\?token=abc%2B123$/);
    expect(link.readOnly).toBe(true);
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
    expect(screen.getByText(/grace@example.com is invited/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'Grace', email: 'grace@example.com', template: 'TEAM_MEMBER' });
    await screen.findByText('Grace');
    expect((screen.getByLabelText(/^Email/) as HTMLInputElement).value).toBe('');
  });

  it('lists an existing account’s invitation as pending until accepted, and can withdraw it', async () => {
    const { calls } = setup({ inviteUrl: '/verify?token=xyz' }, true);
    await invite();
    expect(await screen.findByLabelText('Invite link')).toBeTruthy();
    expect(await screen.findByText('Invited, not yet accepted')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Withdraw' }));
    const confirm = await screen.findAllByRole('button', { name: /Withdraw|Yes|Confirm/ });
    await user.click(confirm.at(-1)!);
    await waitFor(() => expect(calls.find((c) => c.method === 'DELETE')?.body).toEqual({ memberId: NEW }));
    await waitFor(() => expect(screen.queryByText('Invited, not yet accepted')).toBeNull());
  });
});
