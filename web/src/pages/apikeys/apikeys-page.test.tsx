import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, renderPage } from '../../test/harness';
import { ApiKeysPage } from './apikeys-page';

const KEY = 'k'.repeat(24);
const listed = { _id: KEY, name: 'CI', description: null, expirationDate: null, ownerId: 'o', createdDate: '2026-01-01T00:00:00Z', lastUsedDate: null };

describe('API keys page', () => {
  it('shows a new token once, with a copy button, and lists keys without tokens', async () => {
    let keys: (typeof listed)[] = [];
    const { calls } = fakeApi({
      'GET /apikeys.json': () => ({ body: { csrf: 'c', keys, account: { _id: 'o' } } }),
      'POST /forms/account/apikey/add': () => {
        keys = [listed];
        return { body: { keyId: KEY, ownerId: 'o', token: 'nmb_secret_token', redirect: '/apikeys' } };
      },
    });
    renderPage(<ApiKeysPage />, { path: '/apikeys', url: '/apikeys' });
    const user = userEvent.setup();
    expect(await screen.findByText('No API keys')).toBeTruthy();
    await user.type(screen.getByLabelText(/^Name/), 'CI');
    await user.selectOptions(screen.getByLabelText('Expires after'), 'never');
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    const token = await screen.findByLabelText('New API key');
    expect((token as HTMLInputElement).value).toBe('nmb_secret_token');
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'CI', expirationDays: 'never' });
    expect((screen.getByLabelText(/^Name/) as HTMLInputElement).value).toBe('');
    await screen.findByRole('cell', { name: /^CI/ });
    await user.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByLabelText('New API key')).toBeNull();
  });

  it('revokes after asking', async () => {
    const { calls } = fakeApi({
      'GET /apikeys.json': { body: { csrf: 'c', keys: [listed], account: { _id: 'o' } } },
      [`DELETE /forms/account/apikey/${KEY}`]: { body: {} },
    });
    renderPage(<ApiKeysPage />, { path: '/apikeys', url: '/apikeys' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Revoke' }));
    await user.click(screen.getByRole('button', { name: 'Yes, revoke' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
    expect(calls.find((c) => c.method === 'DELETE')).toMatchObject({ url: `/forms/account/apikey/${KEY}`, body: { keyId: KEY }, headers: { 'x-csrf-token': 'c' } });
  });
});
