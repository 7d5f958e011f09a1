import type { AppContext } from '../../context.js';
import type { TeamAccess } from '../../auth/auth.service.js';
import { ORG_ROLE_NAMES, type OrgRole } from '../../auth/permissions.js';
import type { AccountRow } from '../../db/repositories/identity.repository.js';
import { Forbidden, NotFound, ValidationError } from '../../shared/errors.js';
import { presentOrg, presentOrgMember, presentOrgMembers } from './org.presenter.js';

const MEMBER_NOT_FOUND = 'Org member not found';

/** The org of the path's team: its members across all its teams, their org roles, its name. */
export class OrgService {
  constructor(private readonly ctx: AppContext) {}

  async get(access: TeamAccess) {
    const [org, teamIds, members, roles] = await Promise.all([
      this.requireOrg(access.orgId),
      this.ctx.identity.orgTeamIds(access.orgId),
      this.ctx.identity.orgMemberAccounts(access.orgId),
      this.roles(access.orgId),
    ]);
    return { members: presentOrgMembers(members), org: presentOrg(org, teamIds, members, roles) };
  }

  async member(access: TeamAccess, memberId: string) {
    const [org, member, roles] = await Promise.all([
      this.requireOrg(access.orgId),
      this.findMember(access.orgId, memberId),
      this.roles(access.orgId),
    ]);
    return presentOrgMember(org, member, roles.get(memberId) ?? null);
  }

  async rename(access: TeamAccess, name: string): Promise<void> {
    const org = await this.requireOrg(access.orgId);
    await this.ctx.identity.renameOrg(access.orgId, name);
    // Every member sees the org's name in account.orgs.
    const members = await this.ctx.identity.orgMemberAccounts(access.orgId);
    this.ctx.auth.invalidateAccounts([org.ownerId, ...members.map((m) => m.id)]);
  }

  async setRole(access: TeamAccess, memberId: string, template: string | null | undefined): Promise<void> {
    await this.findMember(access.orgId, memberId);
    const org = await this.requireOrg(access.orgId);
    if (memberId === org.ownerId) throw new ValidationError("Org owner permissions can't be edited");
    if (!template) throw new ValidationError('Missing role');
    if (!isOrgRole(template)) throw new ValidationError('Invalid role');
    await this.ctx.identity.setOrgRole(access.orgId, memberId, template);
    this.ctx.auth.invalidateAccounts([memberId]);
  }

  /** Out of every team of the org at once; the member's access to all of them ends now. */
  async remove(access: TeamAccess, memberId: string): Promise<void> {
    const org = await this.requireOrg(access.orgId);
    if (memberId === org.ownerId) throw new ValidationError("Org owner can't be removed");
    if (!(await this.ctx.identity.removeFromOrg(access.orgId, memberId))) throw new Forbidden('User not found in your org');
    this.ctx.auth.invalidateAccounts([memberId]);
  }

  private async roles(orgId: string): Promise<Map<string, OrgRole>> {
    const rows = await this.ctx.identity.orgRoles(orgId);
    return new Map(rows.map((r) => [r.accountId, r.role]));
  }

  private async requireOrg(orgId: string) {
    const org = await this.ctx.identity.getOrg(orgId);
    if (!org) throw new NotFound('Org not found');
    return org;
  }

  private async findMember(orgId: string, memberId: string): Promise<AccountRow> {
    const member = (await this.ctx.identity.orgMemberAccounts(orgId)).find((m) => m.id === memberId);
    if (!member) throw new NotFound(MEMBER_NOT_FOUND);
    return member;
  }
}

function isOrgRole(value: string): value is OrgRole {
  return (ORG_ROLE_NAMES as string[]).includes(value);
}
