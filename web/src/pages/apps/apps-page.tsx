import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import type { App } from '../../api/wire';
import { safeGoto } from '../../auth/goto';
import { useTeam } from '../../auth/team-context';
import { EditDeleteButtons, ResourceListPage, useItemAction } from '../../components/resource-list';
import { SHARING_MODES } from './app-form';

export function AppsPage() {
  const { teamId, can } = useTeam();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: keys.apps(teamId), queryFn: () => api.get('/{teamId}/apps.json', { path: { teamId } }) });
  const remove = useItemAction((appId) => api.delete('/{teamId}/forms/app/{appId}', { path: { teamId, appId }, body: { appId } }), [keys.apps(teamId)]);
  const open = useMutation({
    mutationFn: (appId: string) => api.post('/{teamId}/forms/session/add', { path: { teamId }, body: { id: appId } }),
    onSuccess: async (res) => {
      await queryClient.invalidateQueries({ queryKey: keys.sessions(teamId) });
      const target = safeGoto(res.redirect) ?? (res._id ? `/${teamId}/session/${res._id}` : `/${teamId}/sessions`);
      navigate(target);
    },
  });
  return (
    <ResourceListPage
      title="Apps"
      add={can('appCreate') && { to: `/${teamId}/app/add`, label: 'Build a chat app' }}
      error={remove.error ?? open.error}
      query={list}
      items={list.data?.apps}
      empty={{ title: 'No apps yet', text: 'A chat app puts one of your agents in front of people. Build one, then open it to chat.' }}
    >
      {(apps) => (
        <ul className="cards">
          {apps.map((app) => (
            <AppCard
              key={app._id}
              app={app}
              teamId={teamId}
              canEdit={can('appEdit')}
              canDelete={can('appDelete')}
              opening={open.isPending && open.variables === app._id}
              deleting={remove.busy(app._id)}
              onOpen={() => open.mutate(app._id)}
              onDelete={() => remove.run(app._id)}
            />
          ))}
        </ul>
      )}
    </ResourceListPage>
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
        <EditDeleteButtons
          name={app.name}
          edit={p.canEdit && app.type === 'chat' && `/${p.teamId}/app/${app._id}/edit`}
          remove={p.canDelete && p.onDelete}
          busy={p.deleting}
        />
      </div>
    </li>
  );
}
