import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { envelope, fakeApi, renderPage, TEAM } from '../test/harness';
import { SessionPage } from './session-page';
import type { JoinPayload, RealtimeFactory, RealtimeHandlers, SendAck } from './realtime';
import type { WireEnvelope, WireMessage } from './transcript-state';

const SESSION = 'ef'.repeat(12);
const URL_ = `/${TEAM}/session/${SESSION}`;

function sessionJson(status: string, starters: string[] = [], tokensUsed = 0) {
  return envelope({
    session: { _id: SESSION, orgId: 'o', teamId: TEAM, name: 'Session', startDate: new Date().toISOString(), lastUpdatedDate: new Date().toISOString(), tokensUsed, status, appId: 'a'.repeat(24), sharingConfig: { mode: 'team', permissions: {} }, variables: null },
    app: { _id: 'a'.repeat(24), name: 'Helpdesk', description: 'Ask about the product.', type: 'chat', tags: [], sharingConfig: { mode: 'team', permissions: {} }, chatAppConfig: { agentId: 'x', conversationStarters: starters } },
    avatarMap: {},
  });
}

/** A scripted realtime connection: the test plays the server. */
function fakeRealtime(ack: (text: string) => SendAck = () => ({ ok: true, _id: 'm', seq: 1 })) {
  const joins: JoinPayload[] = [];
  const sent: string[] = [];
  const stops: string[] = [];
  let handlers: RealtimeHandlers | null = null;
  let connected = false;
  let closed = 0;
  const factory: RealtimeFactory = (h) => {
    handlers = h;
    return {
      connected: () => connected,
      join: (p) => void joins.push(p),
      send: async (_room, text) => {
        sent.push(text);
        return ack(text);
      },
      stop: (room) => void stops.push(room),
      close: () => {
        closed++;
        connected = false;
      },
    };
  };
  const h = () => {
    if (!handlers) throw new Error('not connected yet');
    return handlers;
  };
  const server = {
    connect() {
      connected = true;
      act(() => h().connect());
    },
    drop() {
      connected = false;
      act(() => h().disconnect('transport close'));
    },
    joined() {
      act(() => h().joined(SESSION));
    },
    refuse(message: string) {
      act(() => h().connectError(message));
    },
    joinError(error: string) {
      act(() => h().joinError({ error, code: 403 }));
    },
    msg(message: WireMessage, extra: Partial<WireEnvelope> = {}) {
      act(() => h().message({ room: SESSION, authorName: 'Helper', incoming: false, ts: 1, ...extra, message: { type: 'text', displayType: 'bubble', ...message } }));
    },
    status(s: string) {
      act(() => h().status(s));
    },
    terminate() {
      act(() => h().terminate());
    },
  };
  return { factory, joins, sent, stops, server, closed: () => closed };
}

const user1 = (seq: number, text: string) => ({ stream: 'message', seq, rev: 0, offset: 0, text, completed: true, kind: 'user' }) as const;
const reply = (seq: number, text = '', completed = false, tokens = 0) => ({ stream: 'message', seq, rev: 0, offset: 0, text, completed, tokens, kind: 'assistant' }) as const;

function open(status: string, rt: ReturnType<typeof fakeRealtime>, starters: string[] = []) {
  const api = fakeApi({
    [`GET /${TEAM}/session/${SESSION}.json`]: { body: sessionJson(status, starters, 42) },
    [`POST /${TEAM}/forms/session/${SESSION}/start`]: { body: { message: 'Session started successfully' } },
    [`POST /${TEAM}/forms/session/${SESSION}/cancel`]: { body: {} },
    [`POST /${TEAM}/session/${SESSION}/send-message`]: { body: { message: 'Message sent successfully', _id: 'x', seq: 9, chunkId: 'c' } },
  });
  const page = renderPage(<SessionPage realtime={rt.factory} />, { path: '/:teamId/session/:sessionId', url: URL_ });
  return { ...api, page };
}

const statusText = () => screen.getByTestId('session-status').textContent;

describe('session page', () => {
  it('joins with replay, streams a reply in, and sends with Enter (Shift+Enter is a new line)', async () => {
    const rt = fakeRealtime(() => ({ ok: true, _id: 'm2', seq: 3 }));
    open('waiting', rt);
    expect(await screen.findByRole('heading', { name: 'Helpdesk' })).toBeTruthy();
    rt.server.connect();
    expect(rt.joins).toEqual([{ room: SESSION, replay: true }]);
    expect(screen.getByText('Loading the conversation…')).toBeTruthy();
    rt.server.msg(user1(1, 'hello'), { incoming: true, authorName: 'Ada' });
    rt.server.msg(reply(2, 'Echo: hello', true, 5));
    rt.server.joined();
    expect(screen.getByText('Echo: hello')).toBeTruthy();
    expect(screen.getByText('5 tokens')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('session-tokens').textContent).toBe('42 tokens'));
    expect(statusText()).toBe('Waiting for you');

    const user = userEvent.setup();
    const input = screen.getByRole('textbox', { name: 'Message' });
    await user.type(input, 'line one{Shift>}{Enter}{/Shift}line two');
    expect((input as HTMLTextAreaElement).value).toBe('line one\nline two');
    await user.type(input, '{Enter}');
    await waitFor(() => expect(rt.sent).toEqual(['line one\nline two']));
    await waitFor(() => expect((input as HTMLTextAreaElement).value).toBe(''));
    rt.server.msg(user1(3, 'line one\nline two'), { incoming: true, authorName: 'Ada' });
    // Accepted, nothing heard of its turn yet: thinking, with a Stop button.
    expect(statusText()).toBe('Thinking…');
    expect(screen.getByRole('button', { name: 'Stop' })).toBeTruthy();
    rt.server.status('running');
    rt.server.msg(reply(4));
    rt.server.msg({ stream: 'delta', seq: 4, rev: 0, offset: 0, text: 'Partial' });
    expect(screen.getByText('Partial')).toBeTruthy();
    expect(statusText()).toBe('Replying…');
    rt.server.msg({ stream: 'delta', seq: 4, rev: 0, offset: 7, text: ' answer' });
    rt.server.msg({ stream: 'delta', seq: 4, rev: 0, offset: 7, text: ' answer' });
    expect(screen.getByText('Partial answer')).toBeTruthy();
    rt.server.msg({ stream: 'complete', seq: 4, rev: 0, text: 'Partial answer', tokens: 2, completed: true });
    rt.server.status('waiting');
    expect(statusText()).toBe('Waiting for you');
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
    const items = within(screen.getByRole('list', { name: 'Conversation' })).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-kind'))).toEqual(['user', 'assistant', 'user', 'assistant']);
  });

  it('offers the conversation starters on an empty session and sends the one clicked', async () => {
    const rt = fakeRealtime();
    open('waiting', rt, ['What can you do?', 'Tell me a joke']);
    await screen.findByRole('heading', { name: 'Helpdesk' });
    rt.server.connect();
    rt.server.joined();
    expect(screen.getByText('Ask about the product.')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Tell me a joke' }));
    await waitFor(() => expect(rt.sent).toEqual(['Tell me a joke']));
  });

  it('stops a streaming reply, then offers to start again', async () => {
    const rt = fakeRealtime();
    const { calls } = open('running', rt);
    await screen.findByRole('heading', { name: 'Helpdesk' });
    rt.server.connect();
    rt.server.msg(user1(1, 'long please'), { incoming: true });
    rt.server.msg(reply(2, 'word1 word2'));
    rt.server.joined();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(rt.stops).toEqual([SESSION]);
    expect(screen.getByRole('button', { name: 'Stopping…' })).toBeTruthy();
    rt.server.status('terminated');
    rt.server.terminate();
    rt.server.msg({ stream: 'complete', seq: 2, rev: 0, text: 'word1 word2', tokens: 2, completed: true });
    rt.server.msg({ stream: 'message', seq: 3, rev: 0, text: '🛑 Stopped generating.', kind: 'system', displayType: 'inline', completed: true });
    // A straggling run status does not undo the stop.
    rt.server.status('running');
    expect(statusText()).toBe('Stopped');
    expect(screen.getByText('🛑 Stopped generating.')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/start'))).toBe(true));
    rt.server.status('started');
    expect(statusText()).toBe('Waiting for you');
    expect((screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).disabled).toBe(false);
  });

  it('shows an error reply readably and lets the user send again', async () => {
    const rt = fakeRealtime(() => ({ ok: true, _id: 'm', seq: 3 }));
    open('error', rt);
    await screen.findByRole('heading', { name: 'Helpdesk' });
    rt.server.connect();
    rt.server.msg(user1(1, 'hi'), { incoming: true });
    rt.server.msg({ stream: 'message', seq: 2, rev: 0, text: '⛔ The model provider refused the API key (401).', kind: 'error', completed: true }, { authorName: 'System' });
    rt.server.joined();
    const alert = screen.getByText('The model provider refused the API key (401).').closest('[role="alert"]');
    expect(alert?.textContent).toContain('Something went wrong');
    expect(statusText()).toBe('Error');
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'again{Enter}');
    await waitFor(() => expect(rt.sent).toEqual(['again']));
  });

  it('shows the server’s refusal of a message and keeps the text', async () => {
    const rt = fakeRealtime(() => ({ error: 'This session was stopped: start it again to continue', code: 400 }));
    open('waiting', rt);
    await screen.findByRole('heading', { name: 'Helpdesk' });
    rt.server.connect();
    rt.server.joined();
    const user = userEvent.setup();
    const input = screen.getByRole('textbox', { name: 'Message' });
    await user.type(input, 'hello{Enter}');
    expect(await screen.findByText('This session was stopped: start it again to continue')).toBeTruthy();
    expect((input as HTMLTextAreaElement).value).toBe('hello');
  });

  it('shows tool use as inline lines', async () => {
    const rt = fakeRealtime();
    open('running', rt);
    await screen.findByRole('heading', { name: 'Helpdesk' });
    rt.server.connect();
    rt.server.msg({ stream: 'message', seq: 2, rev: 0, text: 'Using tool: Web search', kind: 'tool', displayType: 'inline', completed: false });
    rt.server.joined();
    const line = screen.getByText('Using tool: Web search').closest('li');
    expect(line?.getAttribute('data-kind')).toBe('tool');
    expect(line?.querySelector('.spinner')).not.toBeNull();
    rt.server.msg({ stream: 'overwrite', seq: 2, rev: 0, text: 'Finished using tool: Web search', completed: true, overwrite: true });
    const done = screen.getByText('Finished using tool: Web search').closest('li');
    expect(done?.querySelector('.spinner')).toBeNull();
  });

  it('after a dropped connection, joins again from where it was and loses or repeats nothing', async () => {
    const rt = fakeRealtime();
    open('running', rt);
    await screen.findByRole('heading', { name: 'Helpdesk' });
    rt.server.connect();
    rt.server.msg(user1(1, 'q'), { incoming: true });
    rt.server.msg(reply(2, 'Hello'));
    rt.server.joined();
    rt.server.drop();
    expect(screen.getByText(/Connection lost/)).toBeTruthy();
    rt.server.connect();
    expect(rt.joins.at(-1)).toEqual({ room: SESSION, since: '2:0:5' });
    // The server replays what came after 2:0:5, partly overlapping what we had.
    rt.server.msg({ stream: 'delta', seq: 2, rev: 0, offset: 3, text: 'lo there' });
    rt.server.joined();
    expect(screen.queryByText(/Connection lost/)).toBeNull();
    expect(screen.getByText('Hello there')).toBeTruthy();
  });

  it('a gap in a reply makes it join again from what it has', async () => {
    const rt = fakeRealtime();
    open('running', rt);
    await screen.findByRole('heading', { name: 'Helpdesk' });
    rt.server.connect();
    rt.server.msg(reply(2, 'Hello'));
    rt.server.joined();
    rt.server.msg({ stream: 'delta', seq: 2, rev: 0, offset: 11, text: ', friend' });
    await waitFor(() => expect(rt.joins.at(-1)).toEqual({ room: SESSION, since: '2:0:5' }));
    rt.server.msg({ stream: 'delta', seq: 2, rev: 0, offset: 5, text: ' there, friend' });
    rt.server.joined();
    expect(screen.getByText('Hello there, friend')).toBeTruthy();
    expect(rt.joins).toHaveLength(2);
  });

  it('says when the server cannot be reached yet, then loads when it can', async () => {
    const rt = fakeRealtime();
    open('waiting', rt);
    await screen.findByRole('heading', { name: 'Helpdesk' });
    rt.server.refuse('xhr poll error');
    expect(screen.getByText('Cannot reach the server yet…')).toBeTruthy();
    expect(screen.queryByText(/Connection lost/)).toBeNull();
    rt.server.connect();
    expect(rt.joins).toEqual([{ room: SESSION, replay: true }]);
    rt.server.msg(user1(1, 'hi'), { incoming: true });
    rt.server.joined();
    expect(screen.getByText('hi')).toBeTruthy();
  });

  it('says so when the room cannot be joined', async () => {
    const rt = fakeRealtime();
    open('waiting', rt);
    await screen.findByRole('heading', { name: 'Helpdesk' });
    rt.server.connect();
    rt.server.joinError('No permission');
    expect(screen.getByText('No access')).toBeTruthy();
    expect(screen.getByText('No permission')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull();
  });

  it('a session that is not there is not found', async () => {
    const rt = fakeRealtime();
    fakeApi({ [`GET /${TEAM}/session/${SESSION}.json`]: { status: 404, body: { error: 'Session not found', message: 'Session not found', code: 404 } } });
    renderPage(<SessionPage realtime={rt.factory} />, { path: '/:teamId/session/:sessionId', url: URL_ });
    expect(await screen.findByText('Session not found')).toBeTruthy();
    expect(screen.getByText('Not found')).toBeTruthy();
    expect(rt.joins).toEqual([]);
  });

  it('sends over REST while the socket is down', async () => {
    const rt = fakeRealtime();
    const { calls } = open('waiting', rt);
    await screen.findByRole('heading', { name: 'Helpdesk' });
    rt.server.connect();
    rt.server.joined();
    rt.server.drop();
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'offline?{Enter}');
    await waitFor(() => expect(calls.find((c) => c.url.endsWith('/send-message'))?.body).toEqual({ messageText: 'offline?' }));
    expect(rt.sent).toEqual([]);
  });
});
