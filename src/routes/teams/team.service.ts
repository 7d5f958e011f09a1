import type { AppContext } from '../../context.js';
import type { TeamAccess } from '../../auth/auth.service.js';
import { TEAM_ROLE_NAMES, type TeamRole } from '../../auth/permissions.js';
import type { TeamMemberRow } from '../../db/repositories/team.repository.js';
import { Forbidden, NotFound, ValidationError } from '../../shared/errors.js';
import { presentTeam, presentTeamMember, type TeamContext } from './team.presenter.js';

const MEMBER_NOT_FOUND = 'Team member not found';

/** The team page: members and their roles, renaming, new teams. Invites live in InviteService. */
export class TeamService {
  constructor(private readonly ctx: AppContext) {}

  async get(access: TeamAccess) {
    const [context, members, invites] = await Promise.all([
      this.context(access),
      this.ctx.teams.members(access.teamId),
      this.ctx.teams.pendingInvites(access.teamId),
    ]);
    return presentTeam(context, members, invites);
  }

  async member(access: TeamAccess, memberId: string) {
    const [context, member] = await Promise.all([this.context(access), this.findMember(access.teamId, memberId)]);
    return presentTeamMember(context, member);
  }

  async setRole(access: TeamAccess, memberId: string, template: string | null | undefined): Promise<void> {
    await this.findMember(access.teamId, memberId);
    const team = await this.requireTeam(access.teamId);
    // The reference's order: the owner check comes before the template is looked at.
    if (memberId === team.ownerId) throw new ValidationError("Team owner permissions can't be edited");
    if (!template) throw new ValidationError('Missing role');
    if (!isTeamRole(template)) throw new ValidationError('Invalid template');
    if (!(await this.ctx.teams.setMemberRole(access.teamId, memberId, template))) throw new NotFound(MEMBER_NOT_FOUND);
    this.ctx.auth.invalidateAccounts([memberId]);
  }

  async rename(access: TeamAccess, name: string): Promise<void> {
    await this.ctx.teams.rename(access.teamId, name);
    // Every member sees the team's name in account.orgs.
    const members = await this.ctx.teams.members(access.teamId);
    this.ctx.auth.invalidateAccounts(members.map((m) => m.accountId));
  }

  async remove(access: TeamAccess, memberId: string): Promise<void> {
    const team = await this.requireTeam(access.teamId);
    if (memberId === team.ownerId) throw new ValidationError("Team owner can't be removed");
    // Unknown account and someone else's member answer alike: nothing about other tenants leaks.
    const withdrew = await this.ctx.teams.withdrawInvites(access.teamId, memberId);
    if (await this.ctx.teams.removeMember(access.teamId, memberId)) this.ctx.auth.invalidateAccounts([memberId]);
    else if (!withdrew) throw new Forbidden('User not found in your team');
  }

  /** A new team in the org of the path's team (where the caller's right to create teams was checked). */
  async create(access: TeamAccess, ownerId: string, name: string): Promise<{ _id: string; orgId: string }> {
    const teamId = await this.ctx.teams.create(access.orgId, ownerId, name);
    this.ctx.auth.invalidateAccounts([ownerId]);
    return { _id: teamId, orgId: access.orgId };
  }

  private async context(access: TeamAccess): Promise<TeamContext> {
    const [team, org, roles] = await Promise.all([
      this.requireTeam(access.teamId),
      this.ctx.identity.getOrg(access.orgId),
      this.ctx.identity.orgRoles(access.orgId),
    ]);
    return {
      team,
      orgOwnerId: org?.ownerId ?? access.membership.orgOwnerId,
      orgRoles: new Map(roles.map((r) => [r.accountId, r.role])),
    };
  }

  private async requireTeam(teamId: string) {
    const team = await this.ctx.teams.get(teamId);
    // The caller's membership was just checked, so only a concurrent delete gets here.
    if (!team) throw new NotFound('Team not found');
    return team;
  }

  private async findMember(teamId: string, memberId: string): Promise<TeamMemberRow> {
    const member = await this.ctx.teams.member(teamId, memberId);
    if (!member) throw new NotFound(MEMBER_NOT_FOUND);
    return member;
  }
}

export function isTeamRole(value: string): value is TeamRole {
  return (TEAM_ROLE_NAMES as string[]).includes(value);
}
