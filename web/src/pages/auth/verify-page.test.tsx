import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, renderPage } from '../../test/harness';
import { VerifyPage } from './verify-page';

const TOKEN = 'tok_abc-123';
const URL = `/verify?token=${TOKEN}`;
const bad = (message: string) => ({ status: 400, body: { error: message, message, code: 400 } });

async function choose(password: string, confirm = password) {
  const user = userEvent.setup();
  if (password) await user.type(await screen.findByLabelText(/^Password/), password);
  if (confirm) await user.type(screen.getByLabelText(/^Confirm password/), confirm);
  await user.click(screen.getByRole('button', { name: 'Set password' }));
}

describe('invite acceptance (/verify)', () => {
  it('sets the password with the link’s token, then sends the invitee to log in', async () => {
    const { calls } = fakeApi({ 'POST /forms/account/verify': { body: { redirect: '/login?verifysuccess=true' } } });
    const page = renderPage(<VerifyPage />, { path: '/verify', url: URL });
    await choose('correct horse battery');
    await waitFor(() => expect(page.location()).toBe('/login?verifysuccess=true'));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/forms/account/verify', body: { token: TOKEN, password: 'correct horse battery' } });
  });

  it('asks again when the two passwords differ, without calling the server', async () => {
    const { calls } = fakeApi({});
    const page = renderPage(<VerifyPage />, { path: '/verify', url: URL });
    await choose('correct horse battery', 'correct horse batterz');
    const message = await screen.findByText('The two passwords are not the same');
    const confirm = screen.getByLabelText(/^Confirm password/);
    expect(confirm.getAttribute('aria-describedby')).toContain(message.id);
    expect(document.activeElement).toBe(confirm);
    expect(calls).toHaveLength(0);
    expect(page.location()).toBe(URL);
  });

  it('asks for a password before sending anything', async () => {
    const { calls } = fakeApi({});
    renderPage(<VerifyPage />, { path: '/verify', url: URL });
    await choose('', '');
    expect(await screen.findByText('Choose a password')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('shows the server’s password rule at the password field', async () => {
    fakeApi({ 'POST /forms/account/verify': bad('Password must be at least 8 characters') });
    const page = renderPage(<VerifyPage />, { path: '/verify', url: URL });
    await choose('short');
    const message = await screen.findByText('Password must be at least 8 characters');
    const input = screen.getByLabelText(/^Password/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(message.id);
    expect(page.location()).toBe(URL);
  });

  it('explains a used or expired link', async () => {
    fakeApi({ 'POST /forms/account/verify': bad('Invalid token') });
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
});
