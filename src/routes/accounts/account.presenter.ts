import type { AccountSnapshot, TeamAccess } from '../../auth/auth.service.js';
import { effectivePermissions, toBitfieldBase64 } from '../../auth/permissions.js';

export interface AccountOrgJson {
  id: string;
  name: string;
  ownerId: string;
  teams: { id: string; name: string; ownerId: string }[];
}

/** `account` as Agent Cloud envelopes carry it (res.locals.account), never with a password hash. */
export function presentAccount(account: AccountSnapshot, team?: TeamAccess | null) {
  const orgs = new Map<string, AccountOrgJson>();
  for (const m of account.memberships) {
    let org = orgs.get(m.orgId);
    if (!org) {
      org = { id: m.orgId, name: m.orgName, ownerId: m.orgOwnerId, teams: [] };
      orgs.set(m.orgId, org);
    }
    org.teams.push({ id: m.teamId, name: m.teamName, ownerId: m.teamOwnerId });
  }
  const current = team?.membership ?? account.memberships.find((m) => m.teamId === account.currentTeamId);
  const permissions = current
    ? toBitfieldBase64(
        team?.permissions ??
          effectivePermissions({
            isOrgOwner: current.orgOwnerId === account.id,
            orgRole: current.orgRole,
            isTeamOwner: current.teamOwnerId === account.id,
            teamRole: current.teamRole,
          }),
      )
    : toBitfieldBase64([]);
  return {
    _id: account.id,
    name: account.name,
    email: account.email,
    emailVerified: account.emailVerified,
    orgs: [...orgs.values()],
    currentOrg: account.currentOrgId,
    currentTeam: account.currentTeamId,
    role: account.role,
    onboarded: true,
    permissions,
  };
}
