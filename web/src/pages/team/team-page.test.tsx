import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ALL_PERMISSIONS, envelope, fakeApi, renderPage, TEAM } from '../../test/harness';
import { TeamPage } from './team-page';

const ME = 'a'.repeat(24);
const NEW = 'b'.repeat(24);
const team = (members: { _id: string; name: string; email: string }[]) =>
  envelope({ team: { id: TEAM, name: 'Ada’s team', ownerId: ME, members, permissions: { [ME]: ALL_PERMISSIONS } } });
const ada = { _id: ME, name: 'Ada', email: 'ada@example.com' };
const grace = { _id: NEW, name: 'Grace', email: 'grace@example.com' };

function setup(inviteAnswer: object) {
  let members = [ada];
  const api = fakeApi({
    'GET /account.json': { body: { csrf: 'c', account: { _id: ME, orgs: [], currentTeam: TEAM } } },
    [`GET /${TEAM}/team.json`]: () => ({ body: team(members) }),
    [`POST /${TEAM}/forms/team/invite`]: () => {
      members = [ada, grace];
      return { body: inviteAnswer };
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
    expect(screen.getByText('grace@example.com is now a member of this team.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'Grace', email: 'grace@example.com', template: 'TEAM_MEMBER' });
    await screen.findByText('Grace');
    expect((screen.getByLabelText(/^Email/) as HTMLInputElement).value).toBe('');
  });

  it('has no link to give for an account that already has a password', async () => {
    setup({});
    await invite();
    expect(await screen.findByText('grace@example.com is now a member of this team.')).toBeTruthy();
    expect(screen.queryByLabelText('Invite link')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy' })).toBeNull();
  });
});
