import { decodeBits, hasBit, BITS } from '../../auth/permissions';
import type { Team, TeamRole } from '../../api/wire';

export type MemberRole = 'owner' | TeamRole;

export const ROLE_LABEL: Record<MemberRole, string> = {
  owner: 'Owner',
  TEAM_ADMIN: 'Admin',
  TEAM_MEMBER: 'Member',
};

export function memberRole(team: Pick<Team, 'ownerId' | 'permissions'>, memberId: string): MemberRole {
  if (team.ownerId === memberId) return 'owner';
  return hasBit(decodeBits(team.permissions[memberId]), BITS.teamAdmin) ? 'TEAM_ADMIN' : 'TEAM_MEMBER';
}
