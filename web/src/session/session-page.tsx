/**
 * /{teamId}/session/{sessionId}: the live chat. The session and its app come from
 * session.json; the transcript and everything after come over the realtime connection.
 */
import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { keys } from '../api/queries';
import { useTeam } from '../auth/team-context';
import { ErrorState, Loading, PageHeader } from '../components/states';
import type { RealtimeFactory } from './realtime';

// The chat (socket.io, markdown, highlighting) loads only when a session is opened.
const LiveSession = lazy(() => import('./live-session').then((m) => ({ default: m.LiveSession })));

export function SessionPage({ realtime }: { realtime?: RealtimeFactory } = {}) {
  const { teamId } = useTeam();
  const { sessionId = '' } = useParams();
  const data = useQuery({
    queryKey: keys.session(teamId, sessionId),
    queryFn: () => api.get('/{teamId}/session/{sessionId}.json', { path: { teamId, sessionId } }),
  });
  const back = { to: `/${teamId}/sessions`, label: 'Sessions' };
  if (data.isPending) return <Loading label="Opening the session…" />;
  if (data.error || !data.data.session) {
    return (
      <>
        <PageHeader title="Session" back={back} />
        <ErrorState error={data.error ?? new Error('This session does not exist (any more).')} title={data.error ? undefined : 'Not found'} retry={() => void data.refetch()} />
      </>
    );
  }
  return (
    <Suspense fallback={<Loading label="Opening the session…" />}>
      <LiveSession key={sessionId} teamId={teamId} sessionId={sessionId} envelope={data.data} realtime={realtime} />
    </Suspense>
  );
}

