import { and, eq, gt, isNull, notExists } from 'drizzle-orm';
import type { Db } from '../client.js';
import { accounts, orgMembers, teamInvites, teamMembers, teams } from '../schema.js';
import { newId } from '../../shared/ids.js';
import type { TeamRole } from '../../auth/permissions.js';
import { IdentityRepository } from './identity.repository.js';

export type TeamRow = typeof teams.$inferSelect;
export type TeamInviteRow = typeof teamInvites.$inferSelect;

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
    return this.db.transaction((tx) => addMemberIn(tx, teamId, orgId, accountId, role));
  }

  /** A pending invitation of an existing account; an older one of the same account to this team dies. */
  async replaceInvite(teamId: string, invite: Omit<typeof teamInvites.$inferInsert, 'teamId'>): Promise<void> {
    const { accountId: _account, ...fresh } = invite;
    await this.db
      .insert(teamInvites)
      .values({ ...invite, teamId })
      .onConflictDoUpdate({ target: [teamInvites.teamId, teamInvites.accountId], set: { ...fresh, createdAt: new Date() } });
  }

  /**
   * An invitation by the id inside its link, for checking the link's secret. Not team-scoped: the
   * link is all its holder has, and the secret is compared before anything is revealed.
   */
  async inviteById(id: string): Promise<TeamInviteRow | undefined> {
    const [row] = await this.db.select().from(teamInvites).where(eq(teamInvites.id, id)).limit(1);
    return row;
  }

  /** Withdraws the pending invitations of an account to this team; true if there was one. */
  async withdrawInvites(teamId: string, accountId: string): Promise<boolean> {
    const rows = await this.db
      .delete(teamInvites)
      .where(and(eq(teamInvites.teamId, teamId), eq(teamInvites.accountId, accountId)))
      .returning({ id: teamInvites.id });
    return rows.length > 0;
  }

  /** The invitations waiting for an answer, newest first (for the team page). */
  async pendingInvites(teamId: string): Promise<(TeamInviteRow & { name: string; email: string })[]> {
    const rows = await this.db
      .select({ invite: teamInvites, name: accounts.name, email: accounts.email })
      .from(teamInvites)
      .innerJoin(accounts, eq(accounts.id, teamInvites.accountId))
      .where(and(eq(teamInvites.teamId, teamId), gt(teamInvites.expiresAt, new Date())))
      .orderBy(teamInvites.createdAt);
    return rows.map((r) => ({ ...r.invite, name: r.name, email: r.email }));
  }

  /**
   * Consumes an unexpired invitation of `accountId` and makes the account a member, in one
   * transaction; null when the invitation was used, withdrawn or expired meanwhile.
   */
  async acceptInvite(inviteId: string, accountId: string): Promise<{ teamId: string; orgId: string } | null> {
    return this.db.transaction(async (tx) => {
      const [invite] = await tx
        .delete(teamInvites)
        .where(and(eq(teamInvites.id, inviteId), eq(teamInvites.accountId, accountId), gt(teamInvites.expiresAt, new Date())))
        .returning();
      if (!invite) return null;
      await addMemberIn(tx, invite.teamId, invite.orgId, accountId, invite.role as TeamRole);
      // Accepting is choosing the team: the account lands in it.
      await tx.update(accounts).set({ currentTeamId: invite.teamId, currentOrgId: invite.orgId }).where(eq(accounts.id, accountId));
      return { teamId: invite.teamId, orgId: invite.orgId };
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
      // A pending invite goes too: a removed member must not walk back in with an old link.
      await tx.delete(teamInvites).where(and(eq(teamInvites.teamId, teamId), eq(teamInvites.accountId, accountId)));
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

async function addMemberIn(tx: Pick<Db, 'insert' | 'update'>, teamId: string, orgId: string, accountId: string, role: TeamRole): Promise<boolean> {
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
}
