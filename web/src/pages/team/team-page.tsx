import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys, useAccountQuery } from '../../api/queries';
import type { Team, TeamRole } from '../../api/wire';
import { useTeam } from '../../auth/team-context';
import { ConfirmButton, CopyField } from '../../components/buttons';
import { DataTable } from '../../components/data-table';
import { FormError, SelectField, SubmitRow, TextField, useApiForm } from '../../components/form';
import { useItemAction } from '../../components/resource-list';
import { ActionError, ErrorState, Loading, PageHeader } from '../../components/states';
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
  const setRole = useMutation({
    mutationFn: (p: { memberId: string; template: TeamRole }) =>
      api.post('/{teamId}/forms/team/{memberId}/edit', { path: { teamId, memberId: p.memberId }, body: { template: p.template } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.team(teamId) }),
  });
  const remove = useItemAction((memberId) => api.delete('/{teamId}/forms/team/invite', { path: { teamId }, body: { memberId } }), [keys.team(teamId)]);
  return (
    <section>
      <h2>Members</h2>
      <ActionError error={setRole.error ?? remove.error} />
      <DataTable columns={['Name', { label: 'Email', hideNarrow: true }, 'Role']}>
        {team.members.map((m) => {
          const role = memberRole(team, m._id);
          const editable = role !== 'owner' && m._id !== me;
          return (
            <tr key={m._id}>
              <PersonCells name={m.name} email={m.email} you={m._id === me} />
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
                  <ConfirmButton label="Remove" question={`Remove ${m.name} from the team?`} onConfirm={() => remove.run(m._id)} busy={remove.busy(m._id)} />
                ) : null}
              </td>
            </tr>
          );
        })}
      </DataTable>
      {team.invites.length > 0 ? <PendingInvites team={team} /> : null}
    </section>
  );
}

/** A person's name and e-mail as two cells; at phone width the e-mail moves under the name. */
function PersonCells({ name, email, you = false }: { name: string; email: string; you?: boolean }) {
  return (
    <>
      <td>
        <strong>{name}</strong>
        {you ? <span className="badge">you</span> : null}
        <div className="muted small show-narrow">{email}</div>
      </td>
      <td className="hide-narrow">{email}</td>
    </>
  );
}

/** Existing accounts invited and not yet accepted; withdrawing one kills its link. */
function PendingInvites({ team }: { team: Team }) {
  const { teamId, can } = useTeam();
  const withdraw = useItemAction((accountId) => api.delete('/{teamId}/forms/team/invite', { path: { teamId }, body: { memberId: accountId } }), [keys.team(teamId)]);
  return (
    <>
      <h3>Invited, not yet accepted</h3>
      <ActionError error={withdraw.error} />
      <DataTable columns={['Name', { label: 'Email', hideNarrow: true }, 'Role']}>
        {team.invites.map((i) => (
          <tr key={i._id}>
            <PersonCells name={i.name} email={i.email} />
            <td>{i.role === 'TEAM_ADMIN' ? ROLE_LABEL.TEAM_ADMIN : ROLE_LABEL.TEAM_MEMBER}</td>
            <td className="row-actions">
              {can('teamMemberRemove') ? (
                <ConfirmButton label="Withdraw" question={`Withdraw the invitation of ${i.name}?`} onConfirm={() => withdraw.run(i._id)} busy={withdraw.busy(i._id)} />
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

/** Every invite answers a one-time link; Nimbus sends no e-mail, so the admin hands it over. */
interface Invited {
  email: string;
  link: string | null;
}

function InviteForm() {
  const { teamId } = useTeam();
  const queryClient = useQueryClient();
  const [invited, setInvited] = useState<Invited | null>(null);
  const form = useApiForm({
    initial: { name: '', email: '', template: 'TEAM_MEMBER' as string },
    fields: INVITE_FIELDS,
    submit: (v) =>
      api.post('/{teamId}/forms/team/invite', { path: { teamId }, body: { name: v.name.trim(), email: v.email.trim(), template: v.template as TeamRole } }),
    onSuccess: async (res, v, patch) => {
      setInvited({ email: v.email.trim(), link: res.inviteUrl ? new URL(res.inviteUrl, window.location.origin).href : null });
      patch({ name: '', email: '' });
      await queryClient.invalidateQueries({ queryKey: keys.team(teamId) });
    },
  });
  return (
    <section className="card">
      <h2>Invite someone</h2>
      {invited?.link ? (
        <div className="card card-highlight" role="status">
          <p>
            {invited.email} is invited. Nimbus sends no e-mail: send them this link. There they choose a password, or, if they
            already have an account, log in and accept. It works once, for 7 days.
          </p>
          <CopyField value={invited.link} label="Invite link" />
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
