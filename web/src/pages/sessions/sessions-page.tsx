import { Link } from 'react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import { useTeam } from '../../auth/team-context';
import { ConfirmButton } from '../../components/buttons';
import { DataTable } from '../../components/data-table';
import { ResourceListPage, useItemAction } from '../../components/resource-list';
import { flattenPages, nextCursor, timeAgo } from './pagination';

const STATUS_LABEL: Record<string, string> = {
  started: 'Starting',
  running: 'Thinking',
  waiting: 'Waiting for you',
  warning: 'Warning',
  error: 'Error',
  terminated: 'Stopped',
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status status-${status}`}>{STATUS_LABEL[status] ?? status}</span>;
}

export function SessionsPage() {
  const { teamId } = useTeam();
  const list = useInfiniteQuery({
    queryKey: keys.sessions(teamId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get('/{teamId}/sessions.json', { path: { teamId }, query: pageParam ? { before: pageParam } : undefined }),
    getNextPageParam: (last) => nextCursor(last.sessions),
  });
  const cancel = useItemAction(
    (sessionId) => api.post('/{teamId}/forms/session/{sessionId}/cancel', { path: { teamId, sessionId }, body: { sessionId } }),
    [keys.sessions(teamId)],
  );
  const remove = useItemAction(
    (sessionId) => api.delete('/{teamId}/forms/session/{sessionId}', { path: { teamId, sessionId }, body: { sessionId } }),
    [keys.sessions(teamId)],
  );
  return (
    <ResourceListPage
      title="Sessions"
      lead="Every conversation with your team’s apps, newest first."
      error={cancel.error ?? remove.error}
      query={list}
      items={list.data ? flattenPages(list.data.pages.map((p) => p.sessions)) : undefined}
      empty={{
        title: 'No sessions yet',
        text: 'Open an app to start a conversation.',
        action: (
          <Link className="button button-primary" to={`/${teamId}/apps`}>
            Go to apps
          </Link>
        ),
      }}
    >
      {(sessions) => (
        <>
          <DataTable columns={['App', 'Status', 'Started', { label: 'Tokens', hideNarrow: true }]}>
            {sessions.map((s) => {
              const name = s.app?.name ?? s.name;
              const active = s.status !== 'terminated' && s.status !== 'error';
              return (
                <tr key={s._id}>
                  <td>
                    <Link to={`/${teamId}/session/${s._id}`}>{name}</Link>
                  </td>
                  <td>
                    <StatusBadge status={s.status} />
                  </td>
                  <td>
                    <time dateTime={s.startDate} title={new Date(s.startDate).toLocaleString()}>
                      {timeAgo(s.startDate)}
                    </time>
                  </td>
                  <td className="hide-narrow">{s.tokensUsed}</td>
                  <td className="row-actions">
                    <Link className="button button-secondary" to={`/${teamId}/session/${s._id}`} aria-label={`Open session with ${name}`}>
                      Open
                    </Link>
                    {active ? (
                      <ConfirmButton
                        className="button-secondary"
                        label="Cancel"
                        confirmLabel="Yes, stop it"
                        question="Stop this session?"
                        onConfirm={() => cancel.run(s._id)}
                        busy={cancel.busy(s._id)}
                      />
                    ) : null}
                    <ConfirmButton label="Delete" question="Delete this session and its messages?" onConfirm={() => remove.run(s._id)} busy={remove.busy(s._id)} />
                  </td>
                </tr>
              );
            })}
          </DataTable>
          <div className="pager">
            {list.hasNextPage ? (
              <button type="button" className="button-secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                {list.isFetchingNextPage ? 'Loading…' : 'Show older sessions'}
              </button>
            ) : (
              <p className="muted small">That is all of them.</p>
            )}
          </div>
        </>
      )}
    </ResourceListPage>
  );
}
