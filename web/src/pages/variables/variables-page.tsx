import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import { useTeam } from '../../auth/team-context';
import { DataTable } from '../../components/data-table';
import { EditDeleteButtons, ResourceListPage, useItemAction } from '../../components/resource-list';

export function VariablesPage() {
  const { teamId, can } = useTeam();
  const list = useQuery({ queryKey: keys.variables(teamId), queryFn: () => api.get('/{teamId}/variables.json', { path: { teamId } }) });
  const remove = useItemAction(
    (variableId) => api.delete('/{teamId}/forms/variable/{variableId}', { path: { teamId, variableId }, body: { variableId } }),
    [keys.variables(teamId)],
  );
  return (
    <ResourceListPage
      title="Variables"
      add={can('variableCreate') && { to: `/${teamId}/variable/add`, label: 'Add variable' }}
      lead={
        <>
          Values that agents and tasks can use in their text, like <code>{'{company}'}</code>. A session can set its own values.
        </>
      }
      error={remove.error}
      query={list}
      items={list.data?.variables}
      empty={{ title: 'No variables yet', text: 'Add one when several agents or tasks need the same value.' }}
    >
      {(variables) => (
        <DataTable columns={['Name', 'Default value', { label: 'Description', hideNarrow: true }, { label: 'Used by', hideNarrow: true }]}>
          {variables.map((v) => (
            <tr key={v._id}>
              <td>
                <strong>{v.name}</strong>
              </td>
              <td className="truncate">{v.defaultValue}</td>
              <td className="hide-narrow muted">{v.description || '—'}</td>
              <td className="hide-narrow muted">{usedBy(v.usedInAgents.length, v.usedInTasks.length)}</td>
              <td className="row-actions">
                <EditDeleteButtons
                  name={v.name}
                  edit={can('variableEdit') && `/${teamId}/variable/${v._id}/edit`}
                  remove={can('variableDelete') && (() => remove.run(v._id))}
                  busy={remove.busy(v._id)}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </ResourceListPage>
  );
}

function usedBy(agents: number, tasks: number): string {
  const parts = [agents ? `${agents} agent${agents > 1 ? 's' : ''}` : '', tasks ? `${tasks} task${tasks > 1 ? 's' : ''}` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Not used';
}
