/** The live part of the session page, loaded on demand (see session-page.tsx). */
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { keys } from '../api/queries';
import type { ResponseOf } from '../api/types';
import { ErrorState, PageHeader } from '../components/states';
import { useLiveSession } from './use-live-session';
import type { RealtimeFactory } from './realtime';
import { ChatView } from './chat-view';
import './session.css';

export type SessionEnvelope = ResponseOf<'/{teamId}/session/{sessionId}.json', 'get'>;

export function LiveSession({ teamId, sessionId, envelope, realtime }: { teamId: string; sessionId: string; envelope: SessionEnvelope; realtime?: RealtimeFactory }) {
  const queryClient = useQueryClient();
  const key = keys.session(teamId, sessionId);
  const live = useLiveSession({
    teamId,
    sessionId,
    initialStatus: envelope.session.status,
    realtime,
    readStatus: async () => {
      const fresh = await queryClient.fetchQuery({
        queryKey: key,
        queryFn: () => api.get('/{teamId}/session/{sessionId}.json', { path: { teamId, sessionId } }),
        staleTime: 0,
      });
      return fresh.session?.status ?? null;
    },
    onStatus: (status) => {
      // The token count grows when a turn ends; the sessions list shows the status.
      if (status !== 'running') void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: keys.sessions(teamId), exact: true });
    },
    onUnauthorized: () => void queryClient.invalidateQueries({ queryKey: ['account'] }),
  });
  const { session, app } = envelope;
  const title = app?.name ?? session.name;
  if (live.connection === 'denied') {
    return (
      <>
        <PageHeader title="Session" back={{ to: `/${teamId}/sessions`, label: 'Sessions' }} />
        <ErrorState error={new Error(live.denied ?? 'You cannot open this session.')} title="No access" />
      </>
    );
  }
  return (
    <ChatView
      teamId={teamId}
      sessionId={sessionId}
      title={title}
      description={app?.description ?? ''}
      starters={(app?.chatAppConfig?.conversationStarters ?? []).filter((s) => s.trim() !== '')}
      tokensUsed={session.tokensUsed}
      live={live}
    />
  );
}
