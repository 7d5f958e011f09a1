import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, renderPage, TEAM } from '../../test/harness';
import { VariableFormPage } from './variable-form-page';

const VAR = 'f'.repeat(24);

describe('variable form', () => {
  it('shows the server’s message at the field it names, and moves focus there', async () => {
    const { calls } = fakeApi({
      [`POST /${TEAM}/forms/variable/add`]: { status: 400, body: { error: 'Default Value is empty', message: 'Default Value is empty', code: 400 } },
    });
    renderPage(<VariableFormPage />, { path: '/:teamId/variable/add', url: `/${TEAM}/variable/add` });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Name/), 'company');
    await user.click(screen.getByRole('button', { name: 'Add variable' }));
    const input = screen.getByLabelText(/^Default value/);
    const alert = await screen.findByText('Default Value is empty');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(alert.id);
    expect(document.activeElement).toBe(input);
    expect(calls[0]?.body).toEqual({ name: 'company', defaultValue: '' });
    // Typing clears the message.
    await user.type(input, 'Acme');
    expect(screen.queryByText('Default Value is empty')).toBeNull();
  });

  it('creates, then goes back to the list', async () => {
    const { calls } = fakeApi({ [`POST /${TEAM}/forms/variable/add`]: { status: 201, body: { _id: VAR } } });
    const page = renderPage(<VariableFormPage />, { path: '/:teamId/variable/add', url: `/${TEAM}/variable/add` });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Name/), ' company ');
    await user.type(screen.getByLabelText(/^Default value/), 'Acme');
    await user.type(screen.getByLabelText(/^Description/), 'Who we are');
    await user.click(screen.getByRole('button', { name: 'Add variable' }));
    await waitFor(() => expect(page.location()).toBe(`/${TEAM}/variables`));
    expect(calls.at(-1)?.body).toEqual({ name: 'company', defaultValue: 'Acme', description: 'Who we are' });
  });

  it('edits an existing variable', async () => {
    const { calls } = fakeApi({
      [`GET /${TEAM}/variable/${VAR}.json`]: {
        body: { _id: VAR, orgId: 'o', teamId: TEAM, name: 'company', defaultValue: 'Acme', description: null, createdBy: null, createDate: '', usedInAgents: [], usedInTasks: [] },
      },
      [`POST /${TEAM}/forms/variable/${VAR}/edit`]: { body: {} },
    });
    const page = renderPage(<VariableFormPage />, { path: '/:teamId/variable/:variableId/edit', url: `/${TEAM}/variable/${VAR}/edit` });
    const user = userEvent.setup();
    const value = await screen.findByDisplayValue('Acme');
    await user.clear(value);
    await user.type(value, 'Globex');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(page.location()).toBe(`/${TEAM}/variables`));
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({ name: 'company', defaultValue: 'Globex' });
  });

  it('shows a load error in words', async () => {
    fakeApi({});
    renderPage(<VariableFormPage />, { path: '/:teamId/variable/:variableId/edit', url: `/${TEAM}/variable/${VAR}/edit` });
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('Not found'));
  });
});

