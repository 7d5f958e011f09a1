import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { AppRoutes } from './app';
import { createQueryClient } from './query-client';
import { ALL_PERMISSIONS, envelope, fakeApi, TEAM } from './test/harness';

const OTHER_TEAM = '9'.repeat(24);
const account = {
  _id: 'a'.repeat(24),
  name: 'Ada',
  email: 'ada@example.com',
  currentOrg: 'o'.repeat(24),
  currentTeam: TEAM,
  permissions: ALL_PERMISSIONS,
  orgs: [{ id: 'o'.repeat(24), name: 'Ada’s org', teams: [{ id: TEAM, name: 'Ada’s team' }, { id: OTHER_TEAM, name: 'Second team' }] }],
};
const unauthorized = { status: 401, body: { error: 'Unauthorized', message: 'Unauthorized', code: 401 } };

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

function renderApp(url: string) {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={[url]}>
        <AppRoutes />
        <Where />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return () => screen.getByTestId('where').textContent;
}

const loggedIn = (models: unknown[]) => ({
  'GET /account.json': { body: { csrf: 'c', account } },
  [`GET /account.json?resourceSlug=${TEAM}`]: { body: { csrf: 'c', account, team: { id: TEAM, name: 'Ada’s team' } } },
  [`GET /${TEAM}/models.json`]: { body: envelope({ models, suggestions: {} }) },
  [`GET /${TEAM}/apps.json`]: { body: envelope({ apps: [], agents: [], models: [] }) },
});

describe('the app', () => {
  it('sends a visitor without a login to /login, remembering the page', async () => {
    fakeApi({ 'GET /account.json': unauthorized });
    const where = renderApp(`/${TEAM}/sessions?x=1`);
    await waitFor(() => expect(where()).toBe(`/login?goto=${encodeURIComponent(`/${TEAM}/sessions?x=1`)}`));
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeTruthy();
  });

  it('opens an invite link without a login', async () => {
    fakeApi({ 'GET /account.json': unauthorized });
    const where = renderApp('/verify?token=t1');
    expect(await screen.findByRole('heading', { name: 'Accept your invitation' })).toBeTruthy();
    expect(where()).toBe('/verify?token=t1');
  });

  it('opens / on the current team’s apps', async () => {
    fakeApi(loggedIn([]));
    const where = renderApp('/');
    await waitFor(() => expect(where()).toBe(`/${TEAM}/apps`));
    expect(await screen.findByRole('heading', { name: 'Apps' })).toBeTruthy();
  });

  it('hints at adding a model while the team has none, without blocking anything', async () => {
    fakeApi(loggedIn([]));
    renderApp(`/${TEAM}/apps`);
    expect(await screen.findByText('Start by adding a model.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Add a model' }).getAttribute('href')).toBe(`/${TEAM}/model/add`);
    expect(await screen.findByText('No apps yet')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Dismiss the getting started hint' }));
    expect(screen.queryByText('Start by adding a model.')).toBeNull();
  });

  it('gives no hint once a model exists', async () => {
    fakeApi(loggedIn([{ _id: 'm'.repeat(24), name: 'GPT', type: 'open_ai', model: 'gpt-4o', modelType: 'llm', config: {} }]));
    renderApp(`/${TEAM}/apps`);
    expect(await screen.findByText('No apps yet')).toBeTruthy();
    expect(screen.queryByText('Start by adding a model.')).toBeNull();
  });

  it('switches team through the API, then shows the other team', async () => {
    const { calls } = fakeApi({
      ...loggedIn([]),
      'POST /forms/account/switch': { body: {} },
      [`GET /account.json?resourceSlug=${OTHER_TEAM}`]: { body: { csrf: 'c', account, team: { id: OTHER_TEAM, name: 'Second team' } } },
      [`GET /${OTHER_TEAM}/models.json`]: { body: envelope({ models: [], suggestions: {} }) },
      [`GET /${OTHER_TEAM}/apps.json`]: { body: envelope({ apps: [], agents: [], models: [] }) },
    });
    const where = renderApp(`/${TEAM}/apps`);
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Team'), OTHER_TEAM);
    await waitFor(() => expect(where()).toBe(`/${OTHER_TEAM}/apps`));
    expect(calls.find((c) => c.url === '/forms/account/switch')).toMatchObject({ body: { orgId: 'o'.repeat(24), teamId: OTHER_TEAM }, headers: { 'x-csrf-token': expect.stringMatching(/^c/) } });
  });

  it('explains a team the caller does not belong to', async () => {
    fakeApi({
      'GET /account.json': { body: { csrf: 'c', account } },
      [`GET /account.json?resourceSlug=${'8'.repeat(24)}`]: { status: 403, body: { error: 'No permission', message: 'You are not a member of this team', code: 403 } },
    });
    renderApp(`/${'8'.repeat(24)}/apps`);
    expect(await screen.findByText('You are not a member of this team')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to your teams' })).toBeTruthy();
  });
});
