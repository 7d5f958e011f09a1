import { createContext, useContext } from 'react';
import { can, type PermissionName } from './permissions';

export interface TeamInfo {
  teamId: string;
  teamName: string;
  /** The caller's permission bitfield in this team (base64). */
  permissions: string;
}

export const TeamContext = createContext<TeamInfo | null>(null);

export function useTeam(): TeamInfo & { can(name: PermissionName): boolean } {
  const team = useContext(TeamContext);
  if (!team) throw new Error('useTeam outside a team page');
  return { ...team, can: (name) => can(team.permissions, name) };
}
