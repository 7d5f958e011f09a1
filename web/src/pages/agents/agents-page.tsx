import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { keys } from '../../api/queries';
import { useTeam } from '../../auth/team-context';
import { ConfirmButton } from '../../components/buttons';
import { EmptyState, ErrorState, Loading, PageHeader } from '../../components/states';

export function AgentsPage() {
  const { teamId, can } = useTeam();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: keys.agents(teamId), queryFn: () => api.get('/{teamId}/agents.json', { path: { teamId } }) });
  const remove = useMutation({
    mutationFn: (agentId: string) => api.delete('/{teamId}/forms/agent/{agentId}', { path: { teamId, agentId }, body: { agentId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.agents(teamId) }),
  });
  const add = can('agentCreate') ? (
    <Link className="button button-primary" to={`/${teamId}/agent/add`}>
      Create agent
    </Link>
  ) : null;
  const modelName = (id: string | null) => list.data?.models.find((m) => m._id === id)?.name;
  return (
    <>
      <PageHeader title="Agents">{add}</PageHeader>
      <p className="lead">An agent is a model with a role, a goal and tools. Chat apps talk through one agent; crews use several.</p>
      {remove.error ? (
        <div className="alert alert-error" role="alert">
          {errorMessage(remove.error)}
        </div>
      ) : null}
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : list.data.agents.length === 0 ? (
        <EmptyState title="No agents yet" action={add}>
          Create one, then build a chat app with it.
        </EmptyState>
      ) : (
        <ul className="cards">
          {list.data.agents.map((a) => (
            <li key={a._id} className="card item-card">
              <div className="item-card-head">
                <h2>{a.name}</h2>
              </div>
              <p className="muted">{a.role}</p>
              <dl className="facts">
                <dt>Model</dt>
                <dd>{modelName(a.modelId) ?? <span className="text-warn">none</span>}</dd>
                <dt>Tools</dt>
                <dd>{a.toolIds.length || 'none'}</dd>
              </dl>
              <div className="row-actions">
                {can('agentEdit') ? (
                  <Link className="button button-secondary" to={`/${teamId}/agent/${a._id}/edit`} aria-label={`Edit ${a.name}`}>
                    Edit
                  </Link>
                ) : null}
                {can('agentDelete') ? (
                  <ConfirmButton label="Delete" question={`Delete ${a.name}?`} onConfirm={() => remove.mutate(a._id)} busy={remove.isPending && remove.variables === a._id} />
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
