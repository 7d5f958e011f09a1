/**
 * PLACEHOLDER: the live chat (streamed replies over the realtime protocol, stop, reconnect) comes
 * with the realtime issue. Until then this page shows what GET /{teamId}/session/{id}.json says.
 */
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { keys } from '../api/queries';
import { useTeam } from '../auth/team-context';
import { ErrorState, Loading, PageHeader } from '../components/states';
import { StatusBadge } from '../pages/sessions/sessions-page';
import { timeAgo } from '../pages/sessions/pagination';

export function SessionPage() {
  const { teamId } = useTeam();
  const { sessionId = '' } = useParams();
  const data = useQuery({
    queryKey: keys.session(teamId, sessionId),
    queryFn: () => api.get('/{teamId}/session/{sessionId}.json', { path: { teamId, sessionId } }),
  });
  const back = { to: `/${teamId}/sessions`, label: 'Sessions' };
  if (data.isPending) return <Loading />;
  if (data.error) {
    return (
      <>
        <PageHeader title="Session" back={back} />
        <ErrorState error={data.error} retry={() => void data.refetch()} />
      </>
    );
  }
  const { session, app } = data.data;
  if (!session) {
    return (
      <>
        <PageHeader title="Session" back={back} />
        <ErrorState error={new Error('This session does not exist (any more).')} title="Not found" />
      </>
    );
  }
  const starters = app?.chatAppConfig?.conversationStarters ?? [];
  return (
    <>
      <PageHeader title={app?.name ?? session.name} back={back}>
        <StatusBadge status={session.status} />
      </PageHeader>
      <section className="card session-placeholder" aria-live="polite">
        <dl className="facts">
          <dt>Started</dt>
          <dd>
            <time dateTime={session.startDate}>{timeAgo(session.startDate)}</time>
          </dd>
          <dt>Tokens</dt>
          <dd>{session.tokensUsed}</dd>
        </dl>
        {starters.length ? (
          <>
            <h2>Conversation starters</h2>
            <ul className="starters">
              {starters.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </>
        ) : null}
        <p className="muted">The live chat for this session is coming in the next version of the web app.</p>
        <p>
          <Link to={`/${teamId}/apps`}>Back to apps</Link>
        </p>
      </section>
    </>
  );
}
