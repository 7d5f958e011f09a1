import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { accounts, orgMembers, orgs, teamMembers, teams } from '../schema.js';
import { newId } from '../../shared/ids.js';
import type { OrgRole, TeamRole } from '../../auth/permissions.js';

export type AccountRow = typeof accounts.$inferSelect;

export interface TeamMembership {
  teamId: string;
  teamName: string;
  teamOwnerId: string;
  orgId: string;
  orgName: string;
  orgOwnerId: string;
  teamRole: TeamRole | null;
  orgRole: OrgRole | null;
}

/**
 * Accounts, orgs and memberships. These are global by nature (an account spans teams); team data
 * itself lives behind team-scoped repositories.
 */
export class IdentityRepository {
  constructor(private readonly db: Db) {}

  async findAccountByEmail(email: string): Promise<AccountRow | undefined> {
    const [row] = await this.db.select().from(accounts).where(eq(accounts.email, email)).limit(1);
    return row;
  }

  async anyAccountExists(): Promise<boolean> {
    const [row] = await this.db.select({ id: accounts.id }).from(accounts).limit(1);
    return row !== undefined;
  }

  async findAccountById(id: string): Promise<AccountRow | undefined> {
    const [row] = await this.db.select().from(accounts).where(eq(accounts.id, id)).limit(1);
    return row;
  }

  async findAccountsByIds(ids: string[]): Promise<AccountRow[]> {
    if (ids.length === 0) return [];
    return this.db.select().from(accounts).where(inArray(accounts.id, ids));
  }

  /** Sign-up: the account with its own org and team, the caller owning (and administering) both. */
  async createAccountWithOrgAndTeam(input: {
    name: string;
    email: string;
    passwordHash: string | null;
  }): Promise<{ accountId: string; orgId: string; teamId: string }> {
    const accountId = newId();
    const orgId = newId();
    const teamId = newId();
    await this.db.transaction(async (tx) => {
      await tx.insert(accounts).values({
        id: accountId,
        name: input.name,
        email: input.email,
        passwordHash: input.passwordHash,
        currentOrgId: orgId,
        currentTeamId: teamId,
      });
      await tx.insert(orgs).values({ id: orgId, name: `${input.name}'s Org`, ownerId: accountId });
      await tx.insert(teams).values({ id: teamId, orgId, name: `${input.name}'s Team`, ownerId: accountId });
      await tx.insert(orgMembers).values({ orgId, accountId, role: 'ORG_ADMIN' });
      await tx.insert(teamMembers).values({ teamId, orgId, accountId, role: 'TEAM_ADMIN' });
    });
    return { accountId, orgId, teamId };
  }

  async memberships(accountId: string): Promise<TeamMembership[]> {
    const rows = await this.db
      .select({
        teamId: teams.id,
        teamName: teams.name,
        teamOwnerId: teams.ownerId,
        orgId: orgs.id,
        orgName: orgs.name,
        orgOwnerId: orgs.ownerId,
        teamRole: teamMembers.role,
        orgRole: orgMembers.role,
      })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .innerJoin(orgs, eq(orgs.id, teams.orgId))
      .leftJoin(orgMembers, and(eq(orgMembers.orgId, orgs.id), eq(orgMembers.accountId, accountId)))
      .where(eq(teamMembers.accountId, accountId))
      .orderBy(teams.id);
    return rows.map((r) => ({
      ...r,
      teamRole: (r.teamRole as TeamRole | null) ?? null,
      orgRole: (r.orgRole as OrgRole | null) ?? null,
    }));
  }

  async setCurrentTeam(accountId: string, orgId: string, teamId: string): Promise<void> {
    await this.db.update(accounts).set({ currentOrgId: orgId, currentTeamId: teamId }).where(eq(accounts.id, accountId));
  }

  async setRole(accountId: string, role: string): Promise<void> {
    await this.db.update(accounts).set({ role }).where(eq(accounts.id, accountId));
  }

  async setPassword(accountId: string, passwordHash: string): Promise<void> {
    await this.db.update(accounts).set({ passwordHash }).where(eq(accounts.id, accountId));
  }

  async getOrg(orgId: string) {
    const [row] = await this.db.select().from(orgs).where(eq(orgs.id, orgId)).limit(1);
    return row;
  }

  async renameOrg(orgId: string, name: string): Promise<void> {
    await this.db.update(orgs).set({ name }).where(eq(orgs.id, orgId));
  }

  async orgRoles(orgId: string): Promise<{ accountId: string; role: OrgRole }[]> {
    const rows = await this.db.select().from(orgMembers).where(eq(orgMembers.orgId, orgId));
    return rows.map((r) => ({ accountId: r.accountId, role: r.role as OrgRole }));
  }

  async setOrgRole(orgId: string, accountId: string, role: OrgRole): Promise<void> {
    await this.db
      .insert(orgMembers)
      .values({ orgId, accountId, role })
      .onConflictDoUpdate({ target: [orgMembers.orgId, orgMembers.accountId], set: { role } });
  }

  /** Every distinct member of every team of the org. */
  async orgMemberAccounts(orgId: string): Promise<AccountRow[]> {
    const ids = this.db.selectDistinct({ id: teamMembers.accountId }).from(teamMembers).where(eq(teamMembers.orgId, orgId));
    return this.db.select().from(accounts).where(inArray(accounts.id, ids)).orderBy(accounts.id);
  }

  async orgTeamIds(orgId: string): Promise<string[]> {
    const rows = await this.db.select({ id: teams.id }).from(teams).where(eq(teams.orgId, orgId));
    return rows.map((r) => r.id);
  }

  /** Removes an account from every team of an org (and its org role); returns whether it was there. */
  async removeFromOrg(orgId: string, accountId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const gone = await tx
        .delete(teamMembers)
        .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.accountId, accountId)))
        .returning({ teamId: teamMembers.teamId });
      const role = await tx
        .delete(orgMembers)
        .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.accountId, accountId)))
        .returning({ orgId: orgMembers.orgId });
      await this.repointCurrent(tx, accountId);
      return gone.length > 0 || role.length > 0;
    });
  }

  /** After a removal, an account whose current team is gone moves to another of its teams (or none). */
  async repointCurrent(tx: Pick<Db, 'select' | 'update' | 'execute'>, accountId: string): Promise<void> {
    await tx.execute(sql`
      update ${accounts} a set
        current_team_id = m.team_id, current_org_id = m.org_id
      from (select ${accounts.id} as id,
                   (select tm.team_id from ${teamMembers} tm where tm.account_id = ${accountId} order by tm.team_id limit 1) as team_id,
                   (select tm.org_id from ${teamMembers} tm where tm.account_id = ${accountId} order by tm.team_id limit 1) as org_id
            from ${accounts} where ${accounts.id} = ${accountId}) m
      where a.id = m.id
        and (a.current_team_id is null or not exists (
          select 1 from ${teamMembers} tm where tm.account_id = a.id and tm.team_id = a.current_team_id))`);
  }
}
