import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import type { Agent, App } from '../../api/wire';
import { useTeam } from '../../auth/team-context';
import { FormError, ListEditor, SelectField, SubmitRow, TextField, useApiForm } from '../../components/form';
import { ErrorState, Loading, PageHeader } from '../../components/states';
import { APP_FIELDS, chatAppBody, initialAppValues, SHARING_MODES, type AppValues } from './app-form';

export function AppFormPage() {
  const { teamId } = useTeam();
  const { appId } = useParams();
  const data = useQuery({
    queryKey: appId ? keys.app(teamId, appId) : [...keys.agents(teamId), 'for-app'],
    queryFn: async (): Promise<{ app: App | null; agents: Agent[] }> => {
      if (appId) {
        const r = await api.get('/{teamId}/app/{appId}.json', { path: { teamId, appId } });
        return { app: r.app, agents: r.agents };
      }
      const r = await api.get('/{teamId}/agents.json', { path: { teamId } });
      return { app: null, agents: r.agents };
    },
  });
  const back = { to: `/${teamId}/apps`, label: 'Apps' };
  if (data.isPending) return <Loading />;
  if (data.error) return <ErrorState error={data.error} retry={() => void data.refetch()} />;
  const app = data.data.app;
  if (appId && !app) return <ErrorState error={new Error('This app does not exist (any more).')} title="Not found" />;
  if (app && app.type !== 'chat') {
    return (
      <>
        <PageHeader title={app.name} back={back} />
        <div className="card">
          <p>This is a crew app. Crews can be opened from the apps list; their builder comes in a later version.</p>
        </div>
      </>
    );
  }
  return (
    <>
      <PageHeader title={app ? `Edit ${app.name}` : 'Build a chat app'} back={back} />
      <ChatAppForm key={app?._id ?? 'new'} app={app} agents={data.data.agents} />
    </>
  );
}

function ChatAppForm({ app, agents }: { app: App | null; agents: Agent[] }) {
  const { teamId } = useTeam();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useApiForm({
    initial: initialAppValues(app, agents.length === 1 ? agents[0]?._id : ''),
    fields: APP_FIELDS,
    submit: async (v: AppValues) =>
      app
        ? api.post('/{teamId}/forms/app/{appId}/edit', { path: { teamId, appId: app._id }, body: chatAppBody(v) })
        : api.post('/{teamId}/forms/app/add', { path: { teamId }, body: chatAppBody(v) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.apps(teamId) });
      navigate(`/${teamId}/apps`);
    },
  });
  return (
    <form className="card form" onSubmit={form.onSubmit} noValidate>
      <TextField form={form} name="name" label="Name" required autoFocus />
      <TextField form={form} name="description" label="Description" required multiline rows={2} placeholder="What people can ask it" />
      <SelectField
        form={form}
        name="agentId"
        label="Agent"
        required
        placeholder={agents.length ? 'Choose an agent' : 'No agent yet'}
        options={agents.map((a) => ({ value: a._id, label: a.name }))}
        hint={
          agents.length ? 'The agent answers in this app, with its model and tools.' : (
            <>
              Your team has no agent yet. <Link to={`/${teamId}/agent/add`}>Create an agent</Link> first.
            </>
          )
        }
      />
      <ListEditor
        form={form}
        name="conversationStarters"
        label="Conversation starters"
        itemLabel="Starter"
        hint="Suggestions shown on a new chat, e.g. “What can you help me with?”"
      />
      <SelectField form={form} name="sharingMode" label="Who can use it" options={SHARING_MODES} />
      {form.values.sharingMode === 'whitelist' ? (
        <TextField form={form} name="sharingEmails" label="Email addresses" multiline rows={2} hint="Separated by commas or new lines." />
      ) : null}
      <div className="field-row">
        <TextField form={form} name="tags" label="Tags" placeholder="support, internal" hint="Separated by commas." />
        <TextField form={form} name="maxMessages" label="Max messages per session" type="number" placeholder="No limit" />
      </div>
      <FormError form={form} />
      <SubmitRow form={form} label={app ? 'Save changes' : 'Create app'} />
    </form>
  );
}
