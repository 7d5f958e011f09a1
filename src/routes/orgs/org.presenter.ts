import { z } from 'zod';
import { effectivePermissions, toBitfieldBase64, type OrgRole } from '../../auth/permissions.js';
import type { AccountRow } from '../../db/repositories/identity.repository.js';

type OrgRow = { id: string; name: string; ownerId: string; createdAt: Date };

/** Org-level rights only (no team context), as the reference's calcPerms(member, org, null). */
export function orgPermissions(org: OrgRow, accountId: string, role: OrgRole | null): string {
  return toBitfieldBase64(
    effectivePermissions({ isOrgOwner: org.ownerId === accountId, orgRole: role, isTeamOwner: false, teamRole: null }),
  );
}

export const orgMemberListJson = z.object({
  _id: z.string(),
  memberId: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
});

export const orgJson = z.object({
  _id: z.string(),
  name: z.string(),
  ownerId: z.string(),
  teamIds: z.array(z.string()),
  members: z.array(z.string()),
  permissions: z.record(z.string(), z.string()).describe('account id → base64 bitfield of org-level permissions'),
  dateCreated: z.string(),
});

export const orgMemberJson = z.object({
  _id: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  permissions: z.string().describe('base64 bitfield of the member’s org-level permissions'),
  role: z.string().describe('ORG_OWNER, ORG_ADMIN or ORG_MEMBER'),
});

export function presentOrgMembers(members: AccountRow[]): z.infer<typeof orgMemberListJson>[] {
  return members.map((m) => ({ _id: m.id, memberId: m.id, name: m.name, email: m.email, emailVerified: m.emailVerified }));
}

export function presentOrg(
  org: OrgRow,
  teamIds: string[],
  members: AccountRow[],
  roles: ReadonlyMap<string, OrgRole>,
): z.infer<typeof orgJson> {
  const permissions: Record<string, string> = {};
  for (const id of new Set([org.ownerId, ...members.map((m) => m.id)])) {
    permissions[id] = orgPermissions(org, id, roles.get(id) ?? null);
  }
  return {
    _id: org.id,
    name: org.name,
    ownerId: org.ownerId,
    teamIds,
    members: members.map((m) => m.id),
    permissions,
    dateCreated: org.createdAt.toISOString(),
  };
}

export function presentOrgMember(org: OrgRow, m: AccountRow, role: OrgRole | null): z.infer<typeof orgMemberJson> {
  return {
    _id: m.id,
    name: m.name,
    email: m.email,
    emailVerified: m.emailVerified,
    permissions: orgPermissions(org, m.id, role),
    role: org.ownerId === m.id ? 'ORG_OWNER' : (role ?? 'ORG_MEMBER'),
  };
}
