import { memo, useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { errorMessage } from '../api/errors';
import { keys } from '../api/queries';
import { PageHeader } from '../components/states';
import { Markdown } from './markdown-view';
import { activityOf, transcriptTokens, type Activity, type ChatMessage } from './transcript-state';
import type { LiveSession } from './use-live-session';

const ACTIVITY_LABEL: Record<Activity, string> = {
  thinking: 'Thinking…',
  replying: 'Replying…',
  waiting: 'Waiting for you',
  stopped: 'Stopped',
  error: 'Error',
};

interface ChatViewProps {
  teamId: string;
  sessionId: string;
  title: string;
  description: string;
  starters: string[];
  tokensUsed: number;
  live: LiveSession;
}

export function ChatView({ teamId, sessionId, title, description, starters, tokensUsed, live }: ChatViewProps) {
  const { state } = live;
  const { activity, busy } = activityOf(state);
  const [stopping, setStopping] = useState(false);
  useEffect(() => {
    if (!busy) setStopping(false);
  }, [busy]);
  const shownTokens = Math.max(tokensUsed, transcriptTokens(state));
  const lastMessage = state.messages[state.messages.length - 1];
  useStickToBottom(`${state.messages.length}:${lastMessage?.text.length ?? 0}:${activity}`);
  return (
    <div className="chat">
      <PageHeader title={title} back={{ to: `/${teamId}/sessions`, label: 'Sessions' }}>
        <span className={`badge activity activity-${activity}`} role="status" aria-live="polite" data-testid="session-status">
          {busy ? <span className="dot" aria-hidden="true" /> : null}
          {ACTIVITY_LABEL[activity]}
        </span>
        <span className="badge" data-testid="session-tokens" title="Tokens used by this session">
          {shownTokens} tokens
        </span>
      </PageHeader>
      {live.connection === 'reconnecting' && live.loaded ? (
        <div className="alert connection-alert" role="status">
          Connection lost. Reconnecting… Nothing you have is lost; the rest of the reply follows when the connection is back.
        </div>
      ) : null}
      {!live.loaded ? (
        <div className="loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {live.connection === 'reconnecting' ? 'Cannot reach the server yet…' : 'Loading the conversation…'}
        </div>
      ) : state.messages.length === 0 ? (
        <EmptyChat description={description} starters={starters} disabled={activity === 'stopped'} send={live.send} />
      ) : (
        <ol className="transcript" aria-label="Conversation" aria-busy={activity === 'replying' || undefined}>
          {state.messages.map((m) => (
            <MessageItem key={m.seq} message={m} streaming={busy && m.kind === 'assistant' && !m.completed} />
          ))}
          {activity === 'thinking' && !state.messages.some((m) => m.kind === 'assistant' && !m.completed && m.text === '') ? (
            <li className="line line-thinking">
              <span className="typing" aria-hidden="true">
                <span />
                <span />
                <span />
              </span>
              <span className="visually-hidden">The assistant is thinking</span>
            </li>
          ) : null}
        </ol>
      )}
      <Composer
        teamId={teamId}
        sessionId={sessionId}
        live={live}
        activity={activity}
        busy={busy}
        stopping={stopping}
        onStop={() => {
          setStopping(true);
          // The stop is confirmed by the status turning 'terminated'; never leave the button stuck.
          setTimeout(() => setStopping(false), 8000);
          live.stop().catch(() => setStopping(false));
        }}
      />
    </div>
  );
}

const MessageItem = memo(function MessageItem({ message: m, streaming }: { message: ChatMessage; streaming: boolean }) {
  if (m.kind === 'error') {
    return (
      <li className="msg msg-error" data-kind="error">
        <div className="bubble" role="alert">
          <p className="who">Something went wrong</p>
          <p className="plain">{m.text.replace(/^⛔\s*/, '')}</p>
          <p className="muted small">You can send your message again.</p>
        </div>
      </li>
    );
  }
  if (m.kind === 'tool' || m.kind === 'system' || m.displayType === 'inline') {
    const working = m.kind === 'tool' && !m.completed;
    return (
      <li className={`line line-${m.kind}`} data-kind={m.kind}>
        {working ? <span className="spinner spinner-small" aria-hidden="true" /> : null}
        <span>{m.text}</span>
      </li>
    );
  }
  if (m.kind === 'user') {
    return (
      <li className="msg msg-user" data-kind="user">
        <div className="bubble">
          <p className="who">{m.authorName || 'You'}</p>
          <p className="plain">{m.text}</p>
        </div>
      </li>
    );
  }
  return (
    <li className={streaming ? 'msg msg-assistant streaming' : 'msg msg-assistant'} data-kind="assistant" data-seq={m.seq} data-completed={m.completed ? 'true' : 'false'}>
      <div className="bubble">
        <p className="who">{m.authorName || 'Assistant'}</p>
        {m.text ? <Markdown text={m.text} /> : <p className="muted">{streaming ? '…' : '(no text)'}</p>}
        {m.completed && m.tokens > 0 ? <p className="msg-meta">{m.tokens} tokens</p> : null}
      </div>
    </li>
  );
});

function EmptyChat({ description, starters, disabled, send }: { description: string; starters: string[]; disabled: boolean; send(text: string): Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  return (
    <section className="chat-empty" aria-label="Start the conversation">
      {description ? <p className="lead">{description}</p> : null}
      {starters.length ? (
        <>
          <h2>Try asking</h2>
          <ul className="starter-list">
            {starters.map((s) => (
              <li key={s}>
                <button
                  type="button"
                  className="starter"
                  disabled={disabled || sending}
                  onClick={() => {
                    setSending(true);
                    setError(null);
                    send(s)
                      .catch((err: unknown) => setError(errorMessage(err)))
                      .finally(() => setSending(false));
                  }}
                >
                  {s}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">No messages yet. Write the first one below.</p>
      )}
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
    </section>
  );
}

function Composer(p: { teamId: string; sessionId: string; live: LiveSession; activity: Activity; busy: boolean; stopping: boolean; onStop(): void }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const stopped = p.activity === 'stopped';
  const send = useMutation({
    mutationFn: (t: string) => p.live.send(t),
    onMutate: () => setError(null),
    onSuccess: () => {
      setText('');
      input.current?.focus();
    },
    onError: (err) => setError(errorMessage(err)),
  });
  const start = useMutation({
    mutationFn: () => api.post('/{teamId}/forms/session/{sessionId}/start', { path: { teamId: p.teamId, sessionId: p.sessionId }, body: { sessionId: p.sessionId } }),
    onMutate: () => setError(null),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.session(p.teamId, p.sessionId) });
      input.current?.focus();
    },
    onError: (err) => setError(errorMessage(err)),
  });
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const t = text;
    if (!t.trim() || send.isPending || stopped) return;
    send.mutate(t);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };
  return (
    <div className="composer-wrap">
      {stopped ? (
        <div className="stopped-note" role="status">
          <span>This session was stopped. Start it again to keep talking.</span>
          <button type="button" className="button-primary" onClick={() => start.mutate()} disabled={start.isPending}>
            {start.isPending ? 'Starting…' : 'Start again'}
          </button>
        </div>
      ) : null}
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      <form className="composer" onSubmit={submit}>
        <label htmlFor="chat-input" className="visually-hidden">
          Message
        </label>
        <textarea
          id="chat-input"
          ref={input}
          rows={2}
          value={text}
          placeholder={stopped ? 'Stopped' : 'Write a message… (Enter sends, Shift+Enter for a new line)'}
          disabled={stopped}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby="chat-input-hint"
          autoFocus
        />
        <span id="chat-input-hint" className="visually-hidden">
          Enter sends, Shift+Enter starts a new line.
        </span>
        <div className="composer-actions">
          {p.busy ? (
            <button type="button" className="button-danger" onClick={p.onStop} disabled={p.stopping}>
              {p.stopping ? 'Stopping…' : 'Stop'}
            </button>
          ) : null}
          <button type="submit" className="button-primary" disabled={stopped || send.isPending || !text.trim()}>
            {send.isPending ? 'Sending…' : 'Send'}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Follows the newest text while the reader is at the bottom; leaves them be when they scrolled up. */
function useStickToBottom(signal: string) {
  const stick = useRef(true);
  useEffect(() => {
    const onScroll = () => {
      const doc = document.documentElement;
      stick.current = doc.scrollHeight - (window.scrollY + window.innerHeight) < 120;
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);
  useLayoutEffect(() => {
    if (stick.current && typeof window.scrollTo === 'function') window.scrollTo({ top: document.documentElement.scrollHeight });
  }, [signal]);
}
