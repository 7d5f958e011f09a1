/**
 * The offline test model: when the fake LLM server (`npm run fake-llm`) is running, a team can
 * add it in one click to try Nimbus without a provider account. It echoes; it is labelled so.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { keys } from '../../api/queries';
import type { Model } from '../../api/wire';
import './test-model-offer.css';

export const TEST_MODEL_BUTTON = 'Add the offline test model (echoes; not a real model)';

export function TestModelOffer({ teamId, models }: { teamId: string; models: readonly Model[] }) {
  const queryClient = useQueryClient();
  const probe = useQuery({
    queryKey: ['models', teamId, 'test-model'],
    queryFn: () => api.get('/{teamId}/models/test-model.json', { path: { teamId } }),
    staleTime: 5_000,
    retry: false,
  });
  const add = useMutation({
    mutationFn: (t: { name: string; model: string; baseUrl: string }) =>
      api.post('/{teamId}/forms/model/add', {
        path: { teamId },
        // The fake LLM accepts any key; the server wants one stored all the same.
        body: { name: t.name, type: 'openai_compatible', model: t.model, config: { base_url: t.baseUrl, api_key: 'test' } },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.models(teamId) });
      await queryClient.invalidateQueries({ queryKey: keys.agents(teamId) });
    },
  });
  const t = probe.data;
  if (!t) return null;
  const added = models.some((m) => m.model === t.model && m.config.base_url === t.baseUrl);
  if (t.available) {
    if (added) return null;
    return (
      <aside className="card card-highlight test-model" aria-label="Offline test model">
        <p>
          <strong>Trying Nimbus without a provider account?</strong> The offline test model is running on this machine. It answers by
          echoing your message (and can be steered for tests); it is <em>not</em> a real model.
        </p>
        <button type="button" className="button-primary" onClick={() => add.mutate(t)} disabled={add.isPending}>
          {add.isPending ? 'Adding…' : TEST_MODEL_BUTTON}
        </button>
        {add.error ? (
          <p className="field-error" role="alert">
            {errorMessage(add.error)}
          </p>
        ) : null}
      </aside>
    );
  }
  if (models.length > 0) return null;
  return (
    <p className="hint test-model-hint">
      No provider account at hand? Run <code>{t.command}</code> to try Nimbus offline, then reload this page to add its test model.
    </p>
  );
}
