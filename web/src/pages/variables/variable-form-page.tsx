import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import { useTeam } from '../../auth/team-context';
import { FormError, SubmitRow, TextField, useApiForm } from '../../components/form';
import { ErrorState, Loading, PageHeader } from '../../components/states';

export const VARIABLE_FIELDS = [
  { name: 'name', labels: ['Variable Name', 'Name', 'Variable already exists'] },
  { name: 'defaultValue', labels: ['Default Value'] },
  { name: 'description', labels: ['Description'] },
];

interface VariableValues {
  name: string;
  defaultValue: string;
  description: string;
}

export function VariableFormPage() {
  const { teamId } = useTeam();
  const { variableId } = useParams();
  const existing = useQuery({
    queryKey: [...keys.variables(teamId), variableId],
    queryFn: () => api.get('/{teamId}/variable/{variableId}.json', { path: { teamId, variableId: variableId ?? '' } }),
    enabled: Boolean(variableId),
  });
  const back = { to: `/${teamId}/variables`, label: 'Variables' };
  if (variableId && existing.isPending) return <Loading />;
  if (variableId && existing.error) return <ErrorState error={existing.error} />;
  const v = existing.data;
  return (
    <>
      <PageHeader title={v ? `Edit ${v.name}` : 'Add a variable'} back={back} />
      <VariableForm
        key={v?._id ?? 'new'}
        variableId={v?._id}
        initial={{ name: v?.name ?? '', defaultValue: v?.defaultValue ?? '', description: v?.description ?? '' }}
      />
    </>
  );
}

function VariableForm({ variableId, initial }: { variableId?: string; initial: VariableValues }) {
  const { teamId } = useTeam();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useApiForm({
    initial,
    fields: VARIABLE_FIELDS,
    submit: async (v: VariableValues) => {
      const body = { name: v.name.trim(), defaultValue: v.defaultValue, description: v.description.trim() || undefined };
      return variableId
        ? api.post('/{teamId}/forms/variable/{variableId}/edit', { path: { teamId, variableId }, body })
        : api.post('/{teamId}/forms/variable/add', { path: { teamId }, body });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.variables(teamId) });
      navigate(`/${teamId}/variables`);
    },
  });
  return (
    <form className="card form" onSubmit={form.onSubmit} noValidate>
      <TextField form={form} name="name" label="Name" required autoFocus hint="Agents and tasks refer to it as {name}." />
      <TextField form={form} name="defaultValue" label="Default value" required multiline rows={2} />
      <TextField form={form} name="description" label="Description" multiline rows={2} />
      <FormError form={form} />
      <SubmitRow form={form} label={variableId ? 'Save changes' : 'Add variable'} />
    </form>
  );
}
