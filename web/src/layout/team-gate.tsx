import { useState } from 'react';
import { Link, Outlet, useLocation, useParams } from 'react-router';
import { useAccountQuery, useModels } from '../api/queries';
import { TeamContext } from '../auth/team-context';
import { can } from '../auth/permissions';
import { ErrorState, Loading } from '../components/states';
import { NotFoundPage } from '../pages/not-found-page';

const ID = /^[a-f0-9]{24}$/;

/** /{teamId}/…: the caller's rights in that team, and the first-run hint. */
export function TeamGate() {
  const { teamId = '' } = useParams();
  const valid = ID.test(teamId);
  const account = useAccountQuery(valid ? teamId : null);
  if (!valid) return <NotFoundPage />;
  if (account.error) return <ErrorState error={account.error} retry={() => void account.refetch()} />;
  if (account.isPending) return <Loading />;
  const team = account.data.team;
  const teamName = typeof team?.name === 'string' ? team.name : 'Team';
  return (
    <TeamContext.Provider value={{ teamId, teamName, permissions: account.data.account.permissions }}>
      <FirstRunHint teamId={teamId} permissions={account.data.account.permissions} />
      <Outlet />
    </TeamContext.Provider>
  );
}

/** A team with no model can do nothing yet: say so, on every page but the models ones. */
function FirstRunHint({ teamId, permissions }: { teamId: string; permissions: string }) {
  const location = useLocation();
  const models = useModels(teamId);
  const [dismissed, setDismissed] = useState(false);
  const onModelPages = /\/(models|model\/)/.test(location.pathname);
  if (dismissed || onModelPages || !models.data || models.data.models.length > 0) return null;
  return (
    <aside className="hint-banner" aria-label="Getting started">
      <div>
        <strong>Start by adding a model.</strong>{' '}
        {can(permissions, 'modelCreate') ? (
          <>
            Agents need a model to talk with. <Link to={`/${teamId}/model/add`}>Add a model</Link>, then build an agent and a
            chat app.
          </>
        ) : (
          <>Agents need a model to talk with; ask a team admin to add one.</>
        )}
      </div>
      <button type="button" className="button-quiet" onClick={() => setDismissed(true)} aria-label="Dismiss the getting started hint">
        Dismiss
      </button>
    </aside>
  );
}
