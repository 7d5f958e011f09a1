import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { keys } from '../../api/queries';
import type { App } from '../../api/wire';
import { safeGoto } from '../../auth/goto';
import { useTeam } from '../../auth/team-context';
import { ConfirmButton } from '../../components/buttons';
import { EmptyState, ErrorState, Loading, PageHeader } from '../../components/states';
import { SHARING_MODES } from './app-form';

export function AppsPage() {
  const { teamId, can } = useTeam();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: keys.apps(teamId), queryFn: () => api.get('/{teamId}/apps.json', { path: { teamId } }) });
  const remove = useMutation({
    mutationFn: (appId: string) => api.delete('/{teamId}/forms/app/{appId}', { path: { teamId, appId }, body: { appId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.apps(teamId) }),
  });
  const open = useMutation({
    mutationFn: (appId: string) => api.post('/{teamId}/forms/session/add', { path: { teamId }, body: { id: appId } }),
    onSuccess: async (res) => {
      await queryClient.invalidateQueries({ queryKey: keys.sessions(teamId) });
      const target = safeGoto(res.redirect) ?? (res._id ? `/${teamId}/session/${res._id}` : `/${teamId}/sessions`);
      navigate(target);
    },
  });
  const add = can('appCreate') ? (
    <Link className="button button-primary" to={`/${teamId}/app/add`}>
      Build a chat app
    </Link>
  ) : null;
  const error = remove.error ?? open.error;
  return (
    <>
      <PageHeader title="Apps">{add}</PageHeader>
      {error ? (
        <div className="alert alert-error" role="alert">
          {errorMessage(error)}
        </div>
      ) : null}
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : list.data.apps.length === 0 ? (
        <EmptyState title="No apps yet" action={add}>
          A chat app puts one of your agents in front of people. Build one, then open it to chat.
        </EmptyState>
      ) : (
        <ul className="cards">
          {list.data.apps.map((app) => (
            <AppCard
              key={app._id}
              app={app}
              teamId={teamId}
              canEdit={can('appEdit')}
              canDelete={can('appDelete')}
              opening={open.isPending && open.variables === app._id}
              deleting={remove.isPending && remove.variables === app._id}
              onOpen={() => open.mutate(app._id)}
              onDelete={() => remove.mutate(app._id)}
            />
          ))}
        </ul>
      )}
    </>
  );
}

function AppCard(p: { app: App; teamId: string; canEdit: boolean; canDelete: boolean; opening: boolean; deleting: boolean; onOpen(): void; onDelete(): void }) {
  const { app } = p;
  const sharing = SHARING_MODES.find((m) => m.value === app.sharingConfig.mode)?.label.split(':')[0] ?? app.sharingConfig.mode;
  return (
    <li className="card item-card app-card">
      <div className="item-card-head">
        <h2>{app.name}</h2>
        <span className={app.type === 'crew' ? 'badge badge-crew' : 'badge'}>{app.type === 'crew' ? 'Crew app' : 'Chat app'}</span>
      </div>
      <p className="muted clamp">{app.description || 'No description.'}</p>
      {app.tags.length ? (
        <ul className="tags" aria-label="Tags">
          {app.tags.map((t) => (
            <li key={t} className="tag">
              {t}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="small muted">Shared with: {sharing}</p>
      <div className="row-actions">
        <button type="button" className="button-primary" onClick={p.onOpen} disabled={p.opening}>
          {p.opening ? 'Opening…' : app.type === 'crew' ? 'Run' : 'Chat'}
        </button>
        {p.canEdit && app.type === 'chat' ? (
          <Link className="button button-secondary" to={`/${p.teamId}/app/${app._id}/edit`} aria-label={`Edit ${app.name}`}>
            Edit
          </Link>
        ) : null}
        {p.canDelete ? <ConfirmButton label="Delete" question={`Delete ${app.name}?`} onConfirm={p.onDelete} busy={p.deleting} /> : null}
      </div>
    </li>
  );
}
