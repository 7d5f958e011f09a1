import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { keys } from '../../api/queries';
import { useTeam } from '../../auth/team-context';
import { ConfirmButton } from '../../components/buttons';
import { EmptyState, ErrorState, Loading, PageHeader } from '../../components/states';

export function VariablesPage() {
  const { teamId, can } = useTeam();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: keys.variables(teamId), queryFn: () => api.get('/{teamId}/variables.json', { path: { teamId } }) });
  const remove = useMutation({
    mutationFn: (variableId: string) => api.delete('/{teamId}/forms/variable/{variableId}', { path: { teamId, variableId }, body: { variableId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.variables(teamId) }),
  });
  const add = can('variableCreate') ? (
    <Link className="button button-primary" to={`/${teamId}/variable/add`}>
      Add variable
    </Link>
  ) : null;
  return (
    <>
      <PageHeader title="Variables">{add}</PageHeader>
      <p className="lead">Values that agents and tasks can use in their text, like <code>{'{company}'}</code>. A session can set its own values.</p>
      {remove.error ? (
        <div className="alert alert-error" role="alert">
          {errorMessage(remove.error)}
        </div>
      ) : null}
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : list.data.variables.length === 0 ? (
        <EmptyState title="No variables yet" action={add}>
          Add one when several agents or tasks need the same value.
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Default value</th>
                <th scope="col" className="hide-narrow">
                  Description
                </th>
                <th scope="col" className="hide-narrow">
                  Used by
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.variables.map((v) => (
                <tr key={v._id}>
                  <td>
                    <strong>{v.name}</strong>
                  </td>
                  <td className="truncate">{v.defaultValue}</td>
                  <td className="hide-narrow muted">{v.description || '—'}</td>
                  <td className="hide-narrow muted">{usedBy(v.usedInAgents.length, v.usedInTasks.length)}</td>
                  <td className="row-actions">
                    {can('variableEdit') ? (
                      <Link className="button button-secondary" to={`/${teamId}/variable/${v._id}/edit`} aria-label={`Edit ${v.name}`}>
                        Edit
                      </Link>
                    ) : null}
                    {can('variableDelete') ? (
                      <ConfirmButton label="Delete" question={`Delete ${v.name}?`} onConfirm={() => remove.mutate(v._id)} busy={remove.isPending && remove.variables === v._id} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function usedBy(agents: number, tasks: number): string {
  const parts = [agents ? `${agents} agent${agents > 1 ? 's' : ''}` : '', tasks ? `${tasks} task${tasks > 1 ? 's' : ''}` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Not used';
}
