import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { envelope, fakeApi, renderPage, TEAM } from '../../test/harness';
import { AppsPage } from './apps-page';
import { chatAppBody, initialAppValues, splitList } from './app-form';

const APP = 'ab'.repeat(12);
const CREW = 'cd'.repeat(12);
const SESSION = 'ef'.repeat(12);
const apps = [
  { _id: APP, name: 'Helpdesk', description: 'Answers questions', type: 'chat', tags: ['support', 'internal'], sharingConfig: { mode: 'team', permissions: {} }, chatAppConfig: { agentId: 'x', conversationStarters: [] } },
  { _id: CREW, name: 'Research crew', description: '', type: 'crew', tags: [], sharingConfig: { mode: 'owner', permissions: {} } },
];

describe('apps page', () => {
  it('shows cards with name, description, tags and type, and opens a chat in a new session', async () => {
    const { calls } = fakeApi({
      [`GET /${TEAM}/apps.json`]: { body: envelope({ apps, agents: [], models: [] }) },
      [`POST /${TEAM}/forms/session/add`]: { status: 404, body: {}, redirectedTo: `/${TEAM}/session/${SESSION}` },
    });
    const page = renderPage(<AppsPage />, { path: '/:teamId/apps', url: `/${TEAM}/apps` });
    const user = userEvent.setup();
    const card = (await screen.findByRole('heading', { name: 'Helpdesk' })).closest('li')!;
    expect(within(card).getByText('Answers questions')).toBeTruthy();
    expect(within(card).getByText('support')).toBeTruthy();
    expect(within(card).getByText('Chat app')).toBeTruthy();
    const crew = screen.getByRole('heading', { name: 'Research crew' }).closest('li')!;
    expect(within(crew).getByText('Crew app')).toBeTruthy();
    expect(within(crew).queryByRole('link', { name: /Edit/ })).toBeNull();
    expect(within(crew).getByRole('button', { name: 'Run' })).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Chat' }));
    await waitFor(() => expect(page.location()).toBe(`/${TEAM}/session/${SESSION}`));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ id: APP });
  });

  it('shows the server’s error when the route is missing', async () => {
    fakeApi({});
    renderPage(<AppsPage />, { path: '/:teamId/apps', url: `/${TEAM}/apps` });
    expect(await screen.findByText(`Route GET /${TEAM}/apps.json not found`)).toBeTruthy();
  });

  it('hides what the caller may not do', async () => {
    fakeApi({ [`GET /${TEAM}/apps.json`]: { body: envelope({ apps, agents: [], models: [] }) } });
    renderPage(<AppsPage />, { path: '/:teamId/apps', url: `/${TEAM}/apps`, permissions: btoa('') });
    await screen.findByRole('heading', { name: 'Helpdesk' });
    expect(screen.queryByRole('link', { name: 'Build a chat app' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });
});

describe('chat app body', () => {
  it('is what the app routes expect', () => {
    const v = { ...initialAppValues(null, 'x'.repeat(24)), name: ' Helpdesk ', description: 'Ask', tags: 'a, b,,a', conversationStarters: ['Hi', ' ', 'What?'], maxMessages: '20' };
    expect(chatAppBody(v)).toEqual({
      type: 'chat',
      name: 'Helpdesk',
      description: 'Ask',
      tags: ['a', 'b'],
      agentId: 'x'.repeat(24),
      conversationStarters: ['Hi', 'What?'],
      sharingMode: 'team',
      maxMessages: 20,
    });
    expect(chatAppBody({ ...v, maxMessages: '', sharingMode: 'whitelist', sharingEmails: 'a@x.io\nb@x.io' })).toMatchObject({ maxMessages: null, sharingEmails: ['a@x.io', 'b@x.io'] });
    expect(splitList(' a ,\nb ')).toEqual(['a', 'b']);
  });
});
