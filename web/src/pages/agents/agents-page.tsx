import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import { useTeam } from '../../auth/team-context';
import { EditDeleteButtons, ResourceListPage, useItemAction } from '../../components/resource-list';

export function AgentsPage() {
  const { teamId, can } = useTeam();
  const list = useQuery({ queryKey: keys.agents(teamId), queryFn: () => api.get('/{teamId}/agents.json', { path: { teamId } }) });
  const remove = useItemAction((agentId) => api.delete('/{teamId}/forms/agent/{agentId}', { path: { teamId, agentId }, body: { agentId } }), [keys.agents(teamId)]);
  const modelName = (id: string | null) => list.data?.models.find((m) => m._id === id)?.name;
  return (
    <ResourceListPage
      title="Agents"
      add={can('agentCreate') && { to: `/${teamId}/agent/add`, label: 'Create agent' }}
      lead="An agent is a model with a role, a goal and tools. Chat apps talk through one agent; crews use several."
      error={remove.error}
      query={list}
      items={list.data?.agents}
      empty={{ title: 'No agents yet', text: 'Create one, then build a chat app with it.' }}
    >
      {(agents) => (
        <ul className="cards">
          {agents.map((a) => (
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
                <EditDeleteButtons
                  name={a.name}
                  edit={can('agentEdit') && `/${teamId}/agent/${a._id}/edit`}
                  remove={can('agentDelete') && (() => remove.run(a._id))}
                  busy={remove.busy(a._id)}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </ResourceListPage>
  );
}
