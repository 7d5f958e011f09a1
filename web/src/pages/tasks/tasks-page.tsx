import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { keys } from '../../api/queries';
import { useTeam } from '../../auth/team-context';
import { ConfirmButton } from '../../components/buttons';
import { EmptyState, ErrorState, Loading, PageHeader } from '../../components/states';

export function TasksPage() {
  const { teamId, can } = useTeam();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: keys.tasks(teamId), queryFn: () => api.get('/{teamId}/tasks.json', { path: { teamId } }) });
  const remove = useMutation({
    mutationFn: (taskId: string) => api.delete('/{teamId}/forms/task/{taskId}', { path: { teamId, taskId }, body: { taskId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.tasks(teamId) }),
  });
  const add = can('taskCreate') ? (
    <Link className="button button-primary" to={`/${teamId}/task/add`}>
      Create task
    </Link>
  ) : null;
  const agentName = (id: string | null) => list.data?.agents.find((a) => a._id === id)?.name;
  return (
    <>
      <PageHeader title="Tasks">{add}</PageHeader>
      <p className="lead">Tasks are the steps of a crew: what to do, what a good result is, and which agent does it.</p>
      {remove.error ? (
        <div className="alert alert-error" role="alert">
          {errorMessage(remove.error)}
        </div>
      ) : null}
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : list.data.tasks.length === 0 ? (
        <EmptyState title="No tasks yet" action={add}>
          Tasks are only needed for crew apps; a chat app needs just an agent.
        </EmptyState>
      ) : (
        <ul className="cards">
          {list.data.tasks.map((t) => (
            <li key={t._id} className="card item-card">
              <div className="item-card-head">
                <h2>{t.name}</h2>
                {t.requiresHumanInput ? <span className="badge">asks a person</span> : null}
              </div>
              <p className="muted clamp">{t.description}</p>
              <dl className="facts">
                <dt>Agent</dt>
                <dd>{agentName(t.agentId) ?? 'any'}</dd>
              </dl>
              <div className="row-actions">
                {can('taskEdit') ? (
                  <Link className="button button-secondary" to={`/${teamId}/task/${t._id}/edit`} aria-label={`Edit ${t.name}`}>
                    Edit
                  </Link>
                ) : null}
                {can('taskDelete') ? (
                  <ConfirmButton label="Delete" question={`Delete ${t.name}?`} onConfirm={() => remove.mutate(t._id)} busy={remove.isPending && remove.variables === t._id} />
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
