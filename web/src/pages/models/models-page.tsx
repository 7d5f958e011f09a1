import { api } from '../../api/client';
import { keys, useModels } from '../../api/queries';
import { useTeam } from '../../auth/team-context';
import { EditDeleteButtons, ResourceListPage, useItemAction } from '../../components/resource-list';
import { providerLabel } from './providers';
import { TestModelOffer } from './test-model-offer';

export function ModelsPage() {
  const { teamId, can } = useTeam();
  const list = useModels(teamId);
  // Agents show their model's name: they change when it goes.
  const remove = useItemAction(
    (modelId) => api.delete('/{teamId}/forms/model/{modelId}', { path: { teamId, modelId }, body: { modelId } }),
    [keys.models(teamId), keys.agents(teamId)],
  );
  return (
    <ResourceListPage
      title="Models"
      add={can('modelCreate') && { to: `/${teamId}/model/add`, label: 'Add model' }}
      lead="The LLMs and embedding models your agents use. Keys are stored encrypted and never shown again in full."
      notice={list.data && can('modelCreate') ? <TestModelOffer teamId={teamId} models={list.data.models} /> : null}
      error={remove.error}
      query={list}
      items={list.data?.models}
      empty={{
        title: 'No models yet',
        text: can('modelCreate') ? 'Add the first one: agents need a model to talk with.' : 'Ask a team admin to add a model.',
      }}
    >
      {(models) => (
        <ul className="cards">
          {models.map((m) => (
            <li key={m._id} className="card item-card">
              <div className="item-card-head">
                <h2>{m.name}</h2>
                <span className="badge">{m.modelType === 'embedding' ? 'Embedding' : 'LLM'}</span>
              </div>
              <dl className="facts">
                <dt>Provider</dt>
                <dd>{providerLabel(String(m.type))}</dd>
                <dt>Model</dt>
                <dd>
                  <code>{m.model}</code>
                </dd>
                {typeof m.config.base_url === 'string' && m.config.base_url ? (
                  <>
                    <dt>Base URL</dt>
                    <dd className="truncate">{m.config.base_url}</dd>
                  </>
                ) : null}
              </dl>
              <div className="row-actions">
                <EditDeleteButtons
                  name={m.name}
                  edit={can('modelEdit') && `/${teamId}/model/${m._id}/edit`}
                  remove={can('modelDelete') && (() => remove.run(m._id))}
                  busy={remove.busy(m._id)}
                  question={`Delete ${m.name}? Agents using it lose their model.`}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </ResourceListPage>
  );
}
