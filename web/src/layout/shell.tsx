import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrf } from '../api/client';
import { errorMessage } from '../api/errors';
import { teamsOf, useAccountQuery } from '../api/queries';

const ID = /^[a-f0-9]{24}$/;

/** The team in the URL (/{teamId}/…), else the account's current team. */
export function teamIdFromPath(pathname: string): string | null {
  const first = pathname.split('/')[1] ?? '';
  return ID.test(first) ? first : null;
}

const NAV = [
  ['apps', 'Apps'],
  ['sessions', 'Sessions'],
  ['agents', 'Agents'],
  ['tasks', 'Tasks'],
  ['models', 'Models'],
  ['variables', 'Variables'],
  ['team', 'Team'],
] as const;

export function Shell() {
  const location = useLocation();
  const account = useAccountQuery(null).data?.account;
  const teamId = teamIdFromPath(location.pathname) ?? account?.currentTeam ?? null;
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.pathname]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to={teamId ? `/${teamId}/apps` : '/welcome'} className="brand">
          Nimbus
        </NavLink>
        <TeamSwitcher teamId={teamId} />
        <button
          type="button"
          className="menu-toggle button-quiet"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          {menuOpen ? 'Close' : 'Menu'}
        </button>
        <nav id="main-nav" className={menuOpen ? 'nav nav-open' : 'nav'} aria-label="Main">
          <ul>
            {teamId
              ? NAV.map(([path, label]) => (
                  <li key={path}>
                    <NavLink to={`/${teamId}/${path}`}>{label}</NavLink>
                  </li>
                ))
              : null}
            <li>
              <NavLink to="/apikeys">API keys</NavLink>
            </li>
            <li className="nav-account">
              <span className="muted nav-name" title={account?.email}>
                {account?.name}
              </span>
              <LogoutButton />
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

function TeamSwitcher({ teamId }: { teamId: string | null }) {
  const account = useAccountQuery(null).data?.account;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const teams = teamsOf(account);
  const switchTeam = useMutation({
    mutationFn: (t: { orgId: string; teamId: string }) => api.post('/forms/account/switch', { body: t }),
    onSuccess: async (_r, t) => {
      await queryClient.invalidateQueries({ queryKey: ['account'] });
      navigate(`/${t.teamId}/apps`);
    },
  });
  if (teams.length === 0) return null;
  const current = teams.find((t) => t.teamId === teamId);
  if (teams.length === 1) return <span className="team-name">{current?.teamName ?? teams[0]?.teamName}</span>;
  const orgs = [...new Set(teams.map((t) => t.orgId))];
  return (
    <div className="team-switcher">
      <label htmlFor="team-switcher" className="visually-hidden">
        Team
      </label>
      <select
        id="team-switcher"
        value={current?.teamId ?? ''}
        disabled={switchTeam.isPending}
        onChange={(e) => {
          const t = teams.find((x) => x.teamId === e.target.value);
          if (t) switchTeam.mutate({ orgId: t.orgId, teamId: t.teamId });
        }}
      >
        {current ? null : <option value="">Choose a team</option>}
        {orgs.map((orgId) => {
          const inOrg = teams.filter((t) => t.orgId === orgId);
          return (
            <optgroup key={orgId} label={inOrg[0]?.orgName ?? 'Organization'}>
              {inOrg.map((t) => (
                <option key={t.teamId} value={t.teamId}>
                  {t.teamName}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
      {switchTeam.error ? (
        <span className="field-error" role="alert">
          {errorMessage(switchTeam.error)}
        </span>
      ) : null}
    </div>
  );
}

function LogoutButton() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useMutation({
    mutationFn: () => api.post('/forms/account/logout'),
    onSettled: () => {
      setCsrf('');
      queryClient.clear();
      navigate('/login', { replace: true });
    },
  });
  return (
    <button type="button" className="button-quiet" onClick={() => logout.mutate()} disabled={logout.isPending}>
      Log out
    </button>
  );
}
