import type { TeamAccess } from './auth.service.js';

export interface SharedApp {
  teamId: string;
  sharingMode: string;
  createdBy: string;
  sharingPermissions: Record<string, string>;
}

/**
 * Agent Cloud's checkCanAccessApp, applied everywhere a session of the app is created, read or
 * written (the reference skipped it for team members). Admins of the app's team see every app.
 */
export function canAccessApp(app: SharedApp, accountId: string | null, team: TeamAccess | null): boolean {
  if (team && team.teamId === app.teamId && (team.permissions.has('team.admin') || team.permissions.has('org.admin'))) return true;
  switch (app.sharingMode) {
    case 'public':
      return true;
    case 'team':
      return team !== null && team.teamId === app.teamId;
    case 'owner':
      return accountId !== null && app.createdBy === accountId;
    case 'whitelist':
      return accountId !== null && Object.hasOwn(app.sharingPermissions, accountId);
    default:
      return false;
  }
}

/**
 * A session is its creator's conversation: other members of the team do not read it, whatever the
 * app's sharing (Agent Cloud showed every member's sessions to the whole team). Team admins see
 * all; the creator keeps seeing it while the app is shared with them, or after the app is gone.
 */
export function canSeeSession(session: { createdBy: string | null }, app: SharedApp | undefined, accountId: string, team: TeamAccess): boolean {
  if (isTeamAdmin(team)) return true;
  if (session.createdBy !== accountId) return false;
  return !app || canAccessApp(app, accountId, team);
}

export function isTeamAdmin(team: TeamAccess | null): boolean {
  return !!team && (team.permissions.has('team.admin') || team.permissions.has('org.admin'));
}
