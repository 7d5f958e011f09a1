import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { keys, useModels } from '../../api/queries';
import { useTeam } from '../../auth/team-context';
import { ConfirmButton } from '../../components/buttons';
import { EmptyState, ErrorState, Loading, PageHeader } from '../../components/states';
import { providerLabel } from './providers';
import { TestModelOffer } from './test-model-offer';

export function ModelsPage() {
  const { teamId, can } = useTeam();
  const queryClient = useQueryClient();
  const list = useModels(teamId);
  const remove = useMutation({
    mutationFn: (modelId: string) => api.delete('/{teamId}/forms/model/{modelId}', { path: { teamId, modelId }, body: { modelId } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.models(teamId) });
      await queryClient.invalidateQueries({ queryKey: keys.agents(teamId) });
    },
  });
  const add = can('modelCreate') ? (
    <Link className="button button-primary" to={`/${teamId}/model/add`}>
      Add model
    </Link>
  ) : null;
  return (
    <>
      <PageHeader title="Models">{add}</PageHeader>
      <p className="lead">The LLMs and embedding models your agents use. Keys are stored encrypted and never shown again in full.</p>
      {list.data && can('modelCreate') ? <TestModelOffer teamId={teamId} models={list.data.models} /> : null}
      {remove.error ? (
        <div className="alert alert-error" role="alert">
          {errorMessage(remove.error)}
        </div>
      ) : null}
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : list.data.models.length === 0 ? (
        <EmptyState title="No models yet" action={add}>
          {can('modelCreate') ? 'Add the first one: agents need a model to talk with.' : 'Ask a team admin to add a model.'}
        </EmptyState>
      ) : (
        <ul className="cards">
          {list.data.models.map((m) => (
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
                {can('modelEdit') ? (
                  <Link className="button button-secondary" to={`/${teamId}/model/${m._id}/edit`} aria-label={`Edit ${m.name}`}>
                    Edit
                  </Link>
                ) : null}
                {can('modelDelete') ? (
                  <ConfirmButton label="Delete" question={`Delete ${m.name}? Agents using it lose their model.`} onConfirm={() => remove.mutate(m._id)} busy={remove.isPending && remove.variables === m._id} />
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
