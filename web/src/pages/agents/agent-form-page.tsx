import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import type { Agent, Model, Tool, Variable } from '../../api/wire';
import { useTeam } from '../../auth/team-context';
import { CheckboxField, FormError, MultiCheck, SelectField, SubmitRow, TextField, useApiForm } from '../../components/form';
import { ErrorState, Loading, PageHeader } from '../../components/states';
import { AGENT_FIELDS, agentBody, initialAgentValues, type AgentValues } from './agent-form';

interface AgentFormData {
  agent: Agent | null;
  models: Model[];
  tools: Tool[];
  variables: Variable[];
}

export function AgentFormPage() {
  const { teamId } = useTeam();
  const { agentId } = useParams();
  const data = useQuery({
    queryKey: agentId ? keys.agent(teamId, agentId) : [...keys.agents(teamId), 'new'],
    queryFn: async (): Promise<AgentFormData> => {
      if (agentId) return api.get('/{teamId}/agent/{agentId}.json', { path: { teamId, agentId } });
      const r = await api.get('/{teamId}/agents.json', { path: { teamId } });
      return { agent: null, models: r.models, tools: r.tools, variables: r.variables };
    },
  });
  const back = { to: `/${teamId}/agents`, label: 'Agents' };
  if (data.isPending) return <Loading />;
  if (data.error) return <ErrorState error={data.error} retry={() => void data.refetch()} />;
  const agent = data.data.agent;
  if (agentId && !agent) return <ErrorState error={new Error('This agent does not exist (any more).')} title="Not found" />;
  return (
    <>
      <PageHeader title={agent ? `Edit ${agent.name}` : 'Create an agent'} back={back} />
      <AgentForm key={agent?._id ?? 'new'} agent={agent} models={data.data.models} tools={data.data.tools} variables={data.data.variables} />
    </>
  );
}

function AgentForm({ agent, models, tools, variables }: { agent: Agent | null; models: Model[]; tools: Tool[]; variables: Variable[] }) {
  const { teamId } = useTeam();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const llms = models.filter((m) => m.modelType !== 'embedding');
  const form = useApiForm({
    initial: initialAgentValues(agent, llms.length === 1 ? llms[0]?._id : ''),
    fields: AGENT_FIELDS,
    submit: async (v: AgentValues) =>
      agent
        ? api.post('/{teamId}/forms/agent/{agentId}/edit', { path: { teamId, agentId: agent._id }, body: agentBody(v) })
        : api.post('/{teamId}/forms/agent/add', { path: { teamId }, body: agentBody(v) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.agents(teamId) });
      navigate(`/${teamId}/agents`);
    },
  });
  const modelOptions = llms.map((m) => ({ value: m._id, label: `${m.name} (${m.model})` }));
  return (
    <form className="card form" onSubmit={form.onSubmit} noValidate>
      <TextField form={form} name="name" label="Name" required autoFocus />
      <TextField form={form} name="role" label="Role" required placeholder="e.g. Support specialist" />
      <TextField form={form} name="goal" label="Goal" required multiline rows={2} placeholder="What the agent tries to achieve" />
      <TextField form={form} name="backstory" label="Backstory" required multiline rows={4} placeholder="Who it is, how it speaks, what it knows" />
      <SelectField
        form={form}
        name="modelId"
        label="Model"
        required
        placeholder={modelOptions.length ? 'Choose a model' : 'No model yet'}
        options={modelOptions}
        hint={
          modelOptions.length ? undefined : (
            <>
              Your team has no model yet. <Link to={`/${teamId}/model/add`}>Add a model</Link> first.
            </>
          )
        }
      />
      <details className="more">
        <summary>Tools, variables and limits</summary>
        <MultiCheck
          form={form}
          name="toolIds"
          label="Tools"
          options={tools.map((t) => ({ value: t._id, label: t.name, hint: t.description ?? t.data?.description }))}
          empty="No tools are available."
        />
        <MultiCheck form={form} name="variableIds" label="Variables" options={variables.map((v) => ({ value: v._id, label: v.name }))} empty="The team has no variables." />
        <SelectField form={form} name="functionModelId" label="Function calling model" placeholder="Same as the model" options={modelOptions} />
        <div className="field-row">
          <TextField form={form} name="maxIter" label="Max iterations" type="number" placeholder="No limit" />
          <TextField form={form} name="maxRPM" label="Max requests per minute" type="number" placeholder="No limit" />
        </div>
        <CheckboxField form={form} name="allowDelegation" label="Allow delegation to other agents (crews)" />
        <CheckboxField form={form} name="verbose" label="Verbose" />
      </details>
      <FormError form={form} />
      <SubmitRow form={form} label={agent ? 'Save changes' : 'Create agent'} />
    </form>
  );
}
