import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { envelope, fakeApi, renderPage, TEAM } from '../../test/harness';
import { SessionsPage } from './sessions-page';

function session(n: number, status = 'waiting') {
  const id = n.toString(16).padStart(24, '0');
  return {
    _id: id,
    orgId: 'o',
    teamId: TEAM,
    name: `Session ${n}`,
    appId: 'a'.repeat(24),
    app: { _id: 'a'.repeat(24), name: 'Helpdesk', description: '', type: 'chat', tags: [], orgId: 'o', teamId: TEAM, sharingConfig: { mode: 'team', permissions: {} } },
    startDate: new Date(Date.now() - n * 60_000).toISOString(),
    lastUpdatedDate: new Date().toISOString(),
    tokensUsed: n,
    status,
    sharingConfig: { mode: 'team', permissions: {} },
    variables: null,
  };
}

const page1 = Array.from({ length: 10 }, (_, i) => session(100 - i));
const page2 = [session(90), session(89, 'terminated')];

describe('sessions page', () => {
  it('lists newest first and pages with the before cursor of the last session', async () => {
    const { calls } = fakeApi({
      [`GET /${TEAM}/sessions.json`]: { body: envelope({ sessions: page1 }) },
      [`GET /${TEAM}/sessions.json?before=${page1[9]?._id}`]: { body: envelope({ sessions: page2 }) },
    });
    renderPage(<SessionsPage />, { path: '/:teamId/sessions', url: `/${TEAM}/sessions` });
    const user = userEvent.setup();
    const rows = await screen.findAllByRole('row');
    expect(rows).toHaveLength(11);
    expect(within(rows[1]!).getByRole('link', { name: 'Helpdesk' }).getAttribute('href')).toBe(`/${TEAM}/session/${page1[0]?._id}`);
    expect(within(rows[1]!).getByText('Waiting for you')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show older sessions' }));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(13));
    expect(calls.map((c) => c.url)).toEqual([`/${TEAM}/sessions.json`, `/${TEAM}/sessions.json?before=${page1[9]?._id}`]);
    expect(screen.getByText('That is all of them.')).toBeTruthy();
    // A stopped session offers no cancel.
    const last = screen.getAllByRole('row')[12]!;
    expect(within(last).getByText('Stopped')).toBeTruthy();
    expect(within(last).queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('cancels and deletes after asking, with the id in path and body', async () => {
    const s = session(1);
    const { calls } = fakeApi({
      [`GET /${TEAM}/sessions.json`]: { body: envelope({ sessions: [s] }) },
      [`POST /${TEAM}/forms/session/${s._id}/cancel`]: { body: {} },
      [`DELETE /${TEAM}/forms/session/${s._id}`]: { body: {} },
    });
    renderPage(<SessionsPage />, { path: '/:teamId/sessions', url: `/${TEAM}/sessions` });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Yes, stop it' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.getByText('Delete this session and its messages?')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Yes, delete' }));
    await waitFor(() => expect(calls.filter((c) => c.method !== 'GET')).toHaveLength(2));
    const writes = calls.filter((c) => c.method !== 'GET');
    expect(writes[0]).toMatchObject({ method: 'POST', url: `/${TEAM}/forms/session/${s._id}/cancel`, body: { sessionId: s._id } });
    expect(writes[1]).toMatchObject({ method: 'DELETE', url: `/${TEAM}/forms/session/${s._id}`, body: { sessionId: s._id } });
  });

  it('has an empty state that points to the apps', async () => {
    fakeApi({ [`GET /${TEAM}/sessions.json`]: { body: envelope({ sessions: [] }) } });
    renderPage(<SessionsPage />, { path: '/:teamId/sessions', url: `/${TEAM}/sessions` });
    expect(await screen.findByText('No sessions yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to apps' }).getAttribute('href')).toBe(`/${TEAM}/apps`);
  });
});
