import { and, eq, isNull, notExists } from 'drizzle-orm';
import type { Db } from '../client.js';
import { accounts, orgMembers, teamMembers, teams } from '../schema.js';
import { newId } from '../../shared/ids.js';
import type { TeamRole } from '../../auth/permissions.js';
import { IdentityRepository } from './identity.repository.js';

export type TeamRow = typeof teams.$inferSelect;

export interface TeamMemberRow {
  accountId: string;
  name: string;
  email: string;
  emailVerified: boolean;
  role: TeamRole;
}

/** Team-scoped: the team id is the first argument of everything. */
export class TeamRepository {
  constructor(private readonly db: Db) {}

  async get(teamId: string): Promise<TeamRow | undefined> {
    const [row] = await this.db.select().from(teams).where(eq(teams.id, teamId)).limit(1);
    return row;
  }

  async members(teamId: string): Promise<TeamMemberRow[]> {
    const rows = await this.db
      .select({
        accountId: accounts.id,
        name: accounts.name,
        email: accounts.email,
        emailVerified: accounts.emailVerified,
        role: teamMembers.role,
      })
      .from(teamMembers)
      .innerJoin(accounts, eq(accounts.id, teamMembers.accountId))
      .where(eq(teamMembers.teamId, teamId))
      .orderBy(teamMembers.createdAt, accounts.id);
    return rows.map((r) => ({ ...r, role: r.role as TeamRole }));
  }

  async member(teamId: string, accountId: string): Promise<TeamMemberRow | undefined> {
    return (await this.members(teamId)).find((m) => m.accountId === accountId);
  }

  async rename(teamId: string, name: string): Promise<void> {
    await this.db.update(teams).set({ name }).where(eq(teams.id, teamId));
  }

  async setDefaultModel(teamId: string, kind: 'llm' | 'embedding', modelId: string): Promise<void> {
    await this.db
      .update(teams)
      .set(kind === 'llm' ? { defaultLlmModelId: modelId } : { defaultEmbeddingModelId: modelId })
      .where(eq(teams.id, teamId));
  }

  /** Adds a member (or changes nothing if already one); also gives the account an org membership. */
  async addMember(teamId: string, orgId: string, accountId: string, role: TeamRole): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(teamMembers)
        .values({ teamId, orgId, accountId, role })
        .onConflictDoNothing()
        .returning({ accountId: teamMembers.accountId });
      await tx.insert(orgMembers).values({ orgId, accountId, role: 'ORG_MEMBER' }).onConflictDoNothing();
      // An account with no current team (a fresh invitee) lands in this one.
      await tx
        .update(accounts)
        .set({ currentTeamId: teamId, currentOrgId: orgId })
        .where(and(eq(accounts.id, accountId), isNull(accounts.currentTeamId)));
      return inserted.length > 0;
    });
  }

  async setMemberRole(teamId: string, accountId: string, role: TeamRole): Promise<boolean> {
    const rows = await this.db
      .update(teamMembers)
      .set({ role })
      .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.accountId, accountId)))
      .returning({ accountId: teamMembers.accountId });
    return rows.length > 0;
  }

  /**
   * Removes a member. Leaving the org's last team also drops the org role (a later invite starts
   * over as ORG_MEMBER), and an account whose current team this was moves to another of its teams.
   */
  async removeMember(teamId: string, accountId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx
        .delete(teamMembers)
        .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.accountId, accountId)))
        .returning({ orgId: teamMembers.orgId });
      const orgId = rows[0]?.orgId;
      if (!orgId) return false;
      await tx
        .delete(orgMembers)
        .where(
          and(
            eq(orgMembers.orgId, orgId),
            eq(orgMembers.accountId, accountId),
            notExists(
              tx
                .select({ one: teamMembers.accountId })
                .from(teamMembers)
                .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.accountId, accountId))),
            ),
          ),
        );
      await new IdentityRepository(this.db).repointCurrent(tx, accountId);
      return true;
    });
  }

  /**
   * An invitee the platform has never seen: an account without a password (it sets one through
   * its invite link), unverified until then, whose first and current team is this one.
   */
  async inviteNewAccount(teamId: string, orgId: string, input: { name: string; email: string }, role: TeamRole): Promise<string> {
    const accountId = newId();
    await this.db.transaction(async (tx) => {
      await tx.insert(accounts).values({
        id: accountId,
        name: input.name,
        email: input.email,
        passwordHash: null,
        emailVerified: false,
        currentOrgId: orgId,
        currentTeamId: teamId,
      });
      await tx.insert(teamMembers).values({ teamId, orgId, accountId, role });
      await tx.insert(orgMembers).values({ orgId, accountId, role: 'ORG_MEMBER' });
    });
    return accountId;
  }

  /** A new team in an org, owned (and administered) by its creator. */
  async create(orgId: string, ownerId: string, name: string): Promise<string> {
    const teamId = newId();
    await this.db.transaction(async (tx) => {
      await tx.insert(teams).values({ id: teamId, orgId, name, ownerId });
      await tx.insert(teamMembers).values({ teamId, orgId, accountId: ownerId, role: 'TEAM_ADMIN' });
    });
    return teamId;
  }
}
