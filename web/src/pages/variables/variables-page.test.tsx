import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { envelope, fakeApi, renderPage, TEAM } from '../../test/harness';
import { VariablesPage } from './variables-page';

const VAR = 'c'.repeat(24);
const variable = { _id: VAR, name: 'company', defaultValue: 'Acme', description: '', usedInAgents: ['x'], usedInTasks: [] };
const render = (permissions?: string) => renderPage(<VariablesPage />, { path: '/:teamId/variables', url: `/${TEAM}/variables`, permissions });

describe('variables page (a team’s list of objects)', () => {
  it('offers the create button in the header and in the empty state', async () => {
    fakeApi({ [`GET /${TEAM}/variables.json`]: { body: envelope({ variables: [] }) } });
    render();
    expect(await screen.findByText('No variables yet')).toBeTruthy();
    const links = screen.getAllByRole('link', { name: 'Add variable' });
    expect(links).toHaveLength(2);
    for (const l of links) expect(l.getAttribute('href')).toBe(`/${TEAM}/variable/add`);
  });

  it('lists, edits and deletes after asking, then shows the list again', async () => {
    let variables = [variable];
    const { calls } = fakeApi({
      [`GET /${TEAM}/variables.json`]: () => ({ body: envelope({ variables }) }),
      [`DELETE /${TEAM}/forms/variable/${VAR}`]: () => {
        variables = [];
        return { body: {} };
      },
    });
    render();
    const row = (await screen.findByText('company')).closest('tr')!;
    expect(within(row).getByText('1 agent')).toBeTruthy();
    expect(within(row).getByRole('link', { name: 'Edit company' }).getAttribute('href')).toBe(`/${TEAM}/variable/${VAR}/edit`);
    const user = userEvent.setup();
    await user.click(within(row).getByRole('button', { name: 'Delete' }));
    expect(screen.getByRole('group', { name: 'Delete company?' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(await screen.findByText('No variables yet')).toBeTruthy();
    expect(calls.find((c) => c.method === 'DELETE')).toMatchObject({ body: { variableId: VAR }, headers: { 'x-csrf-token': 'csrf-1' } });
  });

  it('shows why a delete failed, above the list', async () => {
    fakeApi({
      [`GET /${TEAM}/variables.json`]: { body: envelope({ variables: [variable] }) },
      [`DELETE /${TEAM}/forms/variable/${VAR}`]: { status: 403, body: { error: 'Forbidden', message: 'Missing permission: Delete Variable', code: 403 } },
    });
    render();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Missing permission: Delete Variable');
    expect(screen.getByText('company')).toBeTruthy();
  });

  it('shows no create, edit or delete to a member without those rights', async () => {
    fakeApi({ [`GET /${TEAM}/variables.json`]: { body: envelope({ variables: [variable] }) } });
    render('');
    await screen.findByText('company');
    expect(screen.queryByRole('link', { name: 'Add variable' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Edit company' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('offers to try again when the list cannot be read', async () => {
    let fail = true;
    fakeApi({
      [`GET /${TEAM}/variables.json`]: () => (fail ? { status: 500, body: { error: 'Boom', message: 'Boom', code: 500 } } : { body: envelope({ variables: [variable] }) }),
    });
    render();
    const retry = await screen.findByRole('button', { name: 'Try again' });
    fail = false;
    await userEvent.setup().click(retry);
    expect(await screen.findByText('company')).toBeTruthy();
  });
});
