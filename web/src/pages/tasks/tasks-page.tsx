import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import { useTeam } from '../../auth/team-context';
import { EditDeleteButtons, ResourceListPage, useItemAction } from '../../components/resource-list';

export function TasksPage() {
  const { teamId, can } = useTeam();
  const list = useQuery({ queryKey: keys.tasks(teamId), queryFn: () => api.get('/{teamId}/tasks.json', { path: { teamId } }) });
  const remove = useItemAction((taskId) => api.delete('/{teamId}/forms/task/{taskId}', { path: { teamId, taskId }, body: { taskId } }), [keys.tasks(teamId)]);
  const agentName = (id: string | null) => list.data?.agents.find((a) => a._id === id)?.name;
  return (
    <ResourceListPage
      title="Tasks"
      add={can('taskCreate') && { to: `/${teamId}/task/add`, label: 'Create task' }}
      lead="Tasks are the steps of a crew: what to do, what a good result is, and which agent does it."
      error={remove.error}
      query={list}
      items={list.data?.tasks}
      empty={{ title: 'No tasks yet', text: 'Tasks are only needed for crew apps; a chat app needs just an agent.' }}
    >
      {(tasks) => (
        <ul className="cards">
          {tasks.map((t) => (
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
                <EditDeleteButtons
                  name={t.name}
                  edit={can('taskEdit') && `/${teamId}/task/${t._id}/edit`}
                  remove={can('taskDelete') && (() => remove.run(t._id))}
                  busy={remove.busy(t._id)}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </ResourceListPage>
  );
}
