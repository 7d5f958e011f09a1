import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, renderPage } from '../../test/harness';
import { VerifyPage } from './verify-page';

const TOKEN = 'tok_abc-123';
const URL = `/verify?token=${TOKEN}`;
const bad = (message: string) => ({ status: 400, body: { error: message, message, code: 400 } });
const PASSWORD_LINK = { 'GET /invite.json': { body: { kind: 'password', email: 'grace@example.com', name: 'Grace' } } };

async function choose(password: string, confirm = password) {
  const user = userEvent.setup();
  if (password) await user.type(await screen.findByLabelText(/^Password/), password);
  if (confirm) await user.type(screen.getByLabelText(/^Confirm password/), confirm);
  await user.click(await screen.findByRole('button', { name: 'Set password' }));
}

describe('invite acceptance (/verify)', () => {
  it('sets the password with the link’s token, then sends the invitee to log in', async () => {
    const { calls } = fakeApi({ ...PASSWORD_LINK, 'POST /forms/account/verify': { body: { redirect: '/login?verifysuccess=true' } } });
    const page = renderPage(<VerifyPage />, { path: '/verify', url: URL });
    await choose('correct horse battery');
    await waitFor(() => expect(page.location()).toBe('/login?verifysuccess=true'));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ method: 'POST', url: '/forms/account/verify', body: { token: TOKEN, password: 'correct horse battery' } });
  });

  it('asks again when the two passwords differ, without calling the server', async () => {
    const { calls } = fakeApi(PASSWORD_LINK);
    const page = renderPage(<VerifyPage />, { path: '/verify', url: URL });
    await choose('correct horse battery', 'correct horse batterz');
    const message = await screen.findByText('The two passwords are not the same');
    const confirm = screen.getByLabelText(/^Confirm password/);
    expect(confirm.getAttribute('aria-describedby')).toContain(message.id);
    expect(document.activeElement).toBe(confirm);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    expect(page.location()).toBe(URL);
  });

  it('asks for a password before sending anything', async () => {
    const { calls } = fakeApi(PASSWORD_LINK);
    renderPage(<VerifyPage />, { path: '/verify', url: URL });
    await choose('', '');
    expect(await screen.findByText('Choose a password')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('shows the server’s password rule at the password field', async () => {
    fakeApi({ ...PASSWORD_LINK, 'POST /forms/account/verify': bad('Password must be at least 8 characters') });
    const page = renderPage(<VerifyPage />, { path: '/verify', url: URL });
    await choose('short');
    const message = await screen.findByText('Password must be at least 8 characters');
    const input = screen.getByLabelText(/^Password/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(message.id);
    expect(page.location()).toBe(URL);
  });

  it('explains a used or expired link', async () => {
    fakeApi({ ...PASSWORD_LINK, 'POST /forms/account/verify': bad('Invalid token') });
    const page = renderPage(<VerifyPage />, { path: '/verify', url: URL });
    await choose('correct horse battery');
    expect(await screen.findByText('This invitation link does not work.')).toBeTruthy();
    expect(screen.getByText(/Ask your team admin for a new one/)).toBeTruthy();
    expect(screen.getByLabelText(/^Password/).getAttribute('aria-invalid')).toBeNull();
    expect(page.location()).toBe(URL);
  });

  it('says so when the link has no token', async () => {
    const { calls } = fakeApi({});
    renderPage(<VerifyPage />, { path: '/verify', url: '/verify' });
    expect(await screen.findByText(/This link has no invitation in it/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Set password' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe('/login');
    expect(calls).toHaveLength(0);
  });

  it('explains a used or expired link at once, before any password is typed', async () => {
    fakeApi({ 'GET /invite.json': bad('Invalid token') });
    renderPage(<VerifyPage />, { path: '/verify', url: URL });
    expect(await screen.findByText('This invitation link does not work.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Set password' })).toBeNull();
  });
});

describe('an existing account invited into a team (/verify, join link)', () => {
  const JOIN_LINK = { 'GET /invite.json': { body: { kind: 'join', email: 'grace@example.com', name: 'Grace', teamName: 'Ada’s team', role: 'TEAM_ADMIN' } } };
  const account = (email: string) => ({ 'GET /account.json': { body: { csrf: 'c', account: { _id: 'a'.repeat(24), email, orgs: [], currentTeam: null } } } });

  it('asks the invitee to log in, and comes back here after', async () => {
    fakeApi({ ...JOIN_LINK, 'GET /account.json': { status: 401, body: { error: 'Unauthorized', message: 'Log in', code: 401 } } });
    renderPage(<VerifyPage />, { path: '/verify', url: URL });
    expect(await screen.findByText(/is invited to join/)).toBeTruthy();
    const login = await screen.findByRole('link', { name: 'Log in as grace@example.com to accept' });
    expect(login.getAttribute('href')).toBe(`/login?goto=${encodeURIComponent(URL)}`);
    expect(screen.queryByRole('button', { name: /Join/ })).toBeNull();
  });

  it('joins as the invited account: accept, then open the team', async () => {
    const team = 'b'.repeat(24);
    const { calls } = fakeApi({
      ...JOIN_LINK,
      ...account('Grace@example.com'),
      'POST /forms/account/invite/accept': { body: { teamId: team, orgId: 'c'.repeat(24), redirect: `/${team}/apps` } },
    });
    const page = renderPage(<VerifyPage />, { path: '/verify', url: URL });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Join Ada’s team' }));
    await waitFor(() => expect(page.location()).toBe(`/${team}/apps`));
    expect(calls.find((c) => c.url === '/forms/account/invite/accept')?.body).toEqual({ token: TOKEN });
    expect(calls.some((c) => c.url === '/forms/account/switch')).toBe(false);
  });

  it('tells someone logged in as another account to log in as the invitee', async () => {
    fakeApi({ ...JOIN_LINK, ...account('mallory@example.com') });
    renderPage(<VerifyPage />, { path: '/verify', url: URL });
    expect(await screen.findByText(/You are logged in as mallory@example.com/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Join/ })).toBeNull();
  });
});
