import { useId } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys, useModels } from '../../api/queries';
import type { Model } from '../../api/wire';
import { useTeam } from '../../auth/team-context';
import { FormError, SelectField, SubmitRow, TextField, useApiForm } from '../../components/form';
import { ErrorState, Loading, PageHeader } from '../../components/states';
import {
  configFieldName,
  initialModelValues,
  maskedSecret,
  modelBody,
  modelFieldSpecs,
  PROVIDERS,
  providerOf,
  suggestionsFor,
  type ModelValues,
} from './providers';

export function ModelFormPage() {
  const { teamId } = useTeam();
  const { modelId } = useParams();
  const existing = useQuery({
    queryKey: keys.model(teamId, modelId ?? ''),
    queryFn: () => api.get('/{teamId}/model/{modelId}.json', { path: { teamId, modelId: modelId ?? '' } }),
    enabled: Boolean(modelId),
  });
  const list = useModels(teamId);
  const back = { to: `/${teamId}/models`, label: 'Models' };
  if (modelId && existing.isPending) return <Loading />;
  if (modelId && existing.error) return <ErrorState error={existing.error} />;
  const model = existing.data?.model ?? null;
  if (modelId && !model) return <ErrorState error={new Error('This model does not exist (any more).')} title="Not found" />;
  const suggestions = existing.data?.suggestions ?? list.data?.suggestions;
  return (
    <>
      <PageHeader title={model ? `Edit ${model.name}` : 'Add a model'} back={back} />
      <ModelForm key={model?._id ?? 'new'} model={model} suggestions={suggestions} />
    </>
  );
}

function ModelForm({ model, suggestions }: { model: Model | null; suggestions: unknown }) {
  const { teamId } = useTeam();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const listId = useId();
  const form = useApiForm({
    initial: initialModelValues(model),
    // The error words depend on the provider chosen; all providers' fields are listed.
    fields: PROVIDERS.flatMap((p) => modelFieldSpecs(p.type)),
    submit: async (v: ModelValues) => {
      const body = modelBody(v, Boolean(model));
      return model
        ? api.post('/{teamId}/forms/model/{modelId}/edit', { path: { teamId, modelId: model._id }, body })
        : api.post('/{teamId}/forms/model/add', { path: { teamId }, body });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.models(teamId) });
      await queryClient.invalidateQueries({ queryKey: keys.agents(teamId) });
      navigate(`/${teamId}/models`);
    },
  });
  const type = form.values.type ?? '';
  const provider = providerOf(type);
  const names = suggestionsFor(suggestions, type);
  return (
    <form className="card form" onSubmit={form.onSubmit} noValidate>
      <TextField form={form} name="name" label="Name" required autoFocus hint="How agents and people will see this model, e.g. “GPT-4o mini”." />
      <SelectField form={form} name="type" label="Provider" required options={PROVIDERS.map((p) => ({ value: p.type, label: p.label }))} />
      <TextField
        form={form}
        name="model"
        label="Model"
        required
        list={names.length ? listId : undefined}
        placeholder={names[0] ?? 'model name'}
        hint={names.length ? 'Pick a suggestion or type any model name the provider serves.' : 'The model name the provider serves.'}
      />
      {names.length ? (
        <datalist id={listId}>
          {names.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      ) : null}
      {provider && provider.fields.length > 0 ? (
        <fieldset className="field-group">
          <legend>{provider.label} settings</legend>
          {provider.fields.map((f) => {
            const saved = f.secret ? maskedSecret(model?.type === type ? model : null, f.key) : null;
            return (
              <TextField
                key={f.key}
                form={form}
                name={configFieldName(f.key)}
                label={f.label}
                required={f.required && !saved}
                type={f.secret && !f.multiline ? 'password' : f.key.endsWith('url') || f.key === 'azure_endpoint' ? 'url' : 'text'}
                autoComplete="off"
                multiline={f.multiline}
                rows={f.multiline ? 5 : undefined}
                placeholder={saved ? `Saved: ${saved}` : f.placeholder}
                hint={saved ? 'Saved and hidden. Leave empty to keep it, or type a new one to replace it.' : f.hint}
              />
            );
          })}
        </fieldset>
      ) : (
        <p className="hint">This provider needs no settings.</p>
      )}
      <FormError form={form} />
      <SubmitRow form={form} label={model ? 'Save changes' : 'Add model'} />
    </form>
  );
}
