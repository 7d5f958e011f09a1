import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, renderPage, TEAM } from '../../test/harness';
import { LoginPage } from './login-page';

const unauthorized = { status: 401, body: { error: 'Unauthorized', message: 'Unauthorized', code: 401 } };

describe('login', () => {
  it('logs in and returns to where the visitor was going', async () => {
    let loggedIn = false;
    const { calls } = fakeApi({
      'GET /account.json': () => (loggedIn ? { body: { csrf: 'c', account: { _id: 'a', orgs: [], currentTeam: TEAM } } } : unauthorized),
      'POST /forms/account/login': () => {
        loggedIn = true;
        return { body: { redirect: `/${TEAM}/variables`, token: 't' } };
      },
    });
    const page = renderPage(<LoginPage />, { path: '/login', url: `/login?goto=${encodeURIComponent(`/${TEAM}/variables`)}` });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Email/), ' ada@example.com ');
    await user.type(screen.getByLabelText(/^Password/), 'secret pass');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(page.location()).toBe(`/${TEAM}/variables`));
    expect(calls.find((c) => c.url === '/forms/account/login')?.body).toEqual({ email: 'ada@example.com', password: 'secret pass', goto: `/${TEAM}/variables` });
  });

  it('never passes an outside address on as goto', async () => {
    const { calls } = fakeApi({
      'GET /account.json': unauthorized,
      'POST /forms/account/login': { status: 403, body: { error: 'Incorrect email or password', message: 'Incorrect email or password', code: 403 } },
    });
    renderPage(<LoginPage />, { path: '/login', url: '/login?goto=//evil.example/x' });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Email/), 'ada@example.com');
    await user.type(screen.getByLabelText(/^Password/), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Incorrect email or password')).toBeTruthy();
    expect(calls.find((c) => c.url === '/forms/account/login')?.body).toEqual({ email: 'ada@example.com', password: 'wrong' });
  });

  it('puts validation messages at the field', async () => {
    fakeApi({
      'GET /account.json': unauthorized,
      'POST /forms/account/login': { status: 400, body: { error: 'Email is empty', message: 'Email is empty', code: 400 } },
    });
    renderPage(<LoginPage />, { path: '/login', url: '/login' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Log in' }));
    const message = await screen.findByText('Email is empty');
    expect(screen.getByLabelText(/^Email/).getAttribute('aria-describedby')).toContain(message.id);
  });
});
