import { Link } from 'react-router';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { keys } from '../../api/queries';
import { useTeam } from '../../auth/team-context';
import { ConfirmButton } from '../../components/buttons';
import { EmptyState, ErrorState, Loading, PageHeader } from '../../components/states';
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
  const queryClient = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: keys.sessions(teamId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get('/{teamId}/sessions.json', { path: { teamId }, query: pageParam ? { before: pageParam } : undefined }),
    getNextPageParam: (last) => nextCursor(last.sessions),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.sessions(teamId) });
  const cancel = useMutation({
    mutationFn: (sessionId: string) => api.post('/{teamId}/forms/session/{sessionId}/cancel', { path: { teamId, sessionId }, body: { sessionId } }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (sessionId: string) => api.delete('/{teamId}/forms/session/{sessionId}', { path: { teamId, sessionId }, body: { sessionId } }),
    onSuccess: refresh,
  });
  const sessions = list.data ? flattenPages(list.data.pages.map((p) => p.sessions)) : [];
  const error = cancel.error ?? remove.error;
  return (
    <>
      <PageHeader title="Sessions" />
      <p className="lead">Every conversation with your team’s apps, newest first.</p>
      {error ? (
        <div className="alert alert-error" role="alert">
          {errorMessage(error)}
        </div>
      ) : null}
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : sessions.length === 0 ? (
        <EmptyState
          title="No sessions yet"
          action={
            <Link className="button button-primary" to={`/${teamId}/apps`}>
              Go to apps
            </Link>
          }
        >
          Open an app to start a conversation.
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">App</th>
                  <th scope="col">Status</th>
                  <th scope="col">Started</th>
                  <th scope="col" className="hide-narrow">
                    Tokens
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
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
                            onConfirm={() => cancel.mutate(s._id)}
                            busy={cancel.isPending && cancel.variables === s._id}
                          />
                        ) : null}
                        <ConfirmButton label="Delete" question="Delete this session and its messages?" onConfirm={() => remove.mutate(s._id)} busy={remove.isPending && remove.variables === s._id} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
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
    </>
  );
}
