import { z } from 'zod';
import { effectivePermissions, toBitfieldBase64, type OrgRole } from '../../auth/permissions.js';
import type { TeamInviteRow, TeamMemberRow, TeamRow } from '../../db/repositories/team.repository.js';

/** Who owns what around one team: the facts every member's effective permissions derive from. */
export interface TeamContext {
  team: TeamRow;
  orgOwnerId: string;
  orgRoles: ReadonlyMap<string, OrgRole>;
}

/** A member's effective rights in this team, as Agent Cloud's base64 bitfield. */
export function memberPermissions(ctx: TeamContext, member: TeamMemberRow): string {
  return toBitfieldBase64(
    effectivePermissions({
      isOrgOwner: ctx.orgOwnerId === member.accountId,
      orgRole: ctx.orgRoles.get(member.accountId) ?? null,
      isTeamOwner: ctx.team.ownerId === member.accountId,
      teamRole: member.role,
    }),
  );
}

export const teamMemberListJson = z.object({
  _id: z.string(),
  memberId: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  role: z.string(),
});

export const teamJson = z.object({
  _id: z.string(),
  orgId: z.string(),
  name: z.string(),
  ownerId: z.string(),
  dateCreated: z.string(),
  permissions: z.record(z.string(), z.string()).describe('account id → base64 bitfield of that member’s effective permissions here'),
  members: z.array(teamMemberListJson),
  invites: z
    .array(z.object({ _id: z.string(), name: z.string(), email: z.string(), role: z.string(), expirationDate: z.string() }))
    .describe('existing accounts invited and not yet accepted (`_id` is the account id; remove-member withdraws it)'),
});

export const teamMemberJson = z.object({
  _id: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  permissions: z.string().describe('base64 bitfield of the member’s effective permissions in this team'),
  role: z.string(),
});

type PendingInvite = TeamInviteRow & { name: string; email: string };

export function presentTeam(ctx: TeamContext, members: TeamMemberRow[], invites: PendingInvite[]): z.infer<typeof teamJson> {
  const permissions: Record<string, string> = {};
  for (const m of members) permissions[m.accountId] = memberPermissions(ctx, m);
  return {
    _id: ctx.team.id,
    orgId: ctx.team.orgId,
    name: ctx.team.name,
    ownerId: ctx.team.ownerId,
    dateCreated: ctx.team.createdAt.toISOString(),
    permissions,
    members: members.map((m) => ({
      _id: m.accountId,
      memberId: m.accountId,
      name: m.name,
      email: m.email,
      emailVerified: m.emailVerified,
      role: m.role,
    })),
    invites: invites.map((i) => ({ _id: i.accountId, name: i.name, email: i.email, role: i.role, expirationDate: i.expiresAt.toISOString() })),
  };
}

export function presentTeamMember(ctx: TeamContext, m: TeamMemberRow): z.infer<typeof teamMemberJson> {
  return {
    _id: m.accountId,
    name: m.name,
    email: m.email,
    emailVerified: m.emailVerified,
    permissions: memberPermissions(ctx, m),
    role: m.role,
  };
}
