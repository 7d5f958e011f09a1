import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { keys, useAccountQuery } from '../../api/queries';
import type { Team, TeamRole } from '../../api/wire';
import { useTeam } from '../../auth/team-context';
import { ConfirmButton } from '../../components/buttons';
import { FormError, SelectField, SubmitRow, TextField, useApiForm } from '../../components/form';
import { ErrorState, Loading, PageHeader } from '../../components/states';
import { memberRole, ROLE_LABEL } from './roles';

export const INVITE_FIELDS = [
  { name: 'name', labels: ['Name'] },
  { name: 'email', labels: ['Email', 'User is already on your team'] },
  { name: 'template', labels: ['Role', 'Template', 'Invalid template', 'Missing role'] },
];

const ROLE_OPTIONS: { value: TeamRole; label: string }[] = [
  { value: 'TEAM_MEMBER', label: 'Member: builds and uses apps' },
  { value: 'TEAM_ADMIN', label: 'Admin: also models and members' },
];

export function TeamPage() {
  const { teamId, teamName, can } = useTeam();
  const team = useQuery({ queryKey: keys.team(teamId), queryFn: () => api.get('/{teamId}/team.json', { path: { teamId } }) });
  return (
    <>
      <PageHeader title={team.data?.team.name ?? teamName} />
      {team.isPending ? <Loading /> : team.error ? <ErrorState error={team.error} retry={() => void team.refetch()} /> : <Members team={team.data.team} />}
      {can('teamMemberAdd') ? <InviteForm /> : null}
      <NewTeamForm />
    </>
  );
}

function Members({ team }: { team: Team }) {
  const { teamId, can } = useTeam();
  const me = useAccountQuery(null).data?.account._id;
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.team(teamId) });
  const setRole = useMutation({
    mutationFn: (p: { memberId: string; template: TeamRole }) =>
      api.post('/{teamId}/forms/team/{memberId}/edit', { path: { teamId, memberId: p.memberId }, body: { template: p.template } }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (memberId: string) => api.delete('/{teamId}/forms/team/invite', { path: { teamId }, body: { memberId } }),
    onSuccess: refresh,
  });
  const error = setRole.error ?? remove.error;
  return (
    <section>
      <h2>Members</h2>
      {error ? (
        <div className="alert alert-error" role="alert">
          {errorMessage(error)}
        </div>
      ) : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="hide-narrow">
                Email
              </th>
              <th scope="col">Role</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {team.members.map((m) => {
              const role = memberRole(team, m._id);
              const editable = role !== 'owner' && m._id !== me;
              return (
                <tr key={m._id}>
                  <td>
                    <strong>{m.name}</strong>
                    {m._id === me ? <span className="badge">you</span> : null}
                    <div className="muted small show-narrow">{m.email}</div>
                  </td>
                  <td className="hide-narrow">{m.email}</td>
                  <td>
                    {editable && can('teamMemberEdit') ? (
                      <>
                        <label className="visually-hidden" htmlFor={`role-${m._id}`}>
                          Role of {m.name}
                        </label>
                        <select
                          id={`role-${m._id}`}
                          value={role}
                          disabled={setRole.isPending}
                          onChange={(e) => setRole.mutate({ memberId: m._id, template: e.target.value as TeamRole })}
                        >
                          <option value="TEAM_MEMBER">{ROLE_LABEL.TEAM_MEMBER}</option>
                          <option value="TEAM_ADMIN">{ROLE_LABEL.TEAM_ADMIN}</option>
                        </select>
                      </>
                    ) : (
                      ROLE_LABEL[role]
                    )}
                  </td>
                  <td className="row-actions">
                    {editable && can('teamMemberRemove') ? (
                      <ConfirmButton label="Remove" question={`Remove ${m.name} from the team?`} onConfirm={() => remove.mutate(m._id)} busy={remove.isPending && remove.variables === m._id} />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function InviteForm() {
  const { teamId } = useTeam();
  const queryClient = useQueryClient();
  const form = useApiForm({
    initial: { name: '', email: '', template: 'TEAM_MEMBER' as string, sent: '' },
    fields: INVITE_FIELDS,
    submit: (v) =>
      api.post('/{teamId}/forms/team/invite', { path: { teamId }, body: { name: v.name.trim(), email: v.email.trim(), template: v.template as TeamRole } }),
    onSuccess: async (_r, v, patch) => {
      patch({ sent: v.email.trim(), name: '', email: '' });
      await queryClient.invalidateQueries({ queryKey: keys.team(teamId) });
    },
  });
  return (
    <section className="card">
      <h2>Invite someone</h2>
      {form.values.sent ? (
        <div className="alert alert-ok" role="status">
          {form.values.sent} is now a member of this team.
        </div>
      ) : null}
      <form className="form form-inline" onSubmit={form.onSubmit} noValidate>
        <TextField form={form} name="name" label="Name" required />
        <TextField form={form} name="email" label="Email" type="email" required />
        <SelectField form={form} name="template" label="Role" options={ROLE_OPTIONS} />
        <FormError form={form} />
        <SubmitRow form={form} label="Invite" busyLabel="Inviting…" />
      </form>
    </section>
  );
}

function NewTeamForm() {
  const { teamId } = useTeam();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useApiForm({
    initial: { teamName: '' },
    fields: [{ name: 'teamName', labels: ['Team Name', 'Name'] }],
    async submit(v) {
      const created = await api.post('/{teamId}/forms/team/add', { path: { teamId }, body: { teamName: v.teamName.trim() } });
      await api.post('/forms/account/switch', { body: { orgId: created.orgId, teamId: created._id } });
      return created;
    },
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['account'] });
      navigate(`/${created._id}/apps`);
    },
  });
  return (
    <section className="card">
      <h2>Create another team</h2>
      <p className="muted">A team has its own models, agents, apps and sessions. You can switch teams at the top of the page.</p>
      <form className="form form-inline" onSubmit={form.onSubmit} noValidate>
        <TextField form={form} name="teamName" label="Team name" required />
        <FormError form={form} />
        <SubmitRow form={form} label="Create team" busyLabel="Creating…" />
      </form>
    </section>
  );
}
