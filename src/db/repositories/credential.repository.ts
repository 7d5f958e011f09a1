import { and, desc, eq, gt, ne } from 'drizzle-orm';
import type { Db } from '../client.js';
import { accounts, credentials } from '../schema.js';

export type CredentialRow = typeof credentials.$inferSelect;
/** `invite`: a one-time link for an invited account to set its first password; never a bearer credential. */
export type CredentialKind = 'login' | 'api_key' | 'invite';

/** Owner-scoped: every read and write names the owning account, except the by-id token lookup. */
export class CredentialRepository {
  constructor(private readonly db: Db) {}

  async insert(row: typeof credentials.$inferInsert): Promise<void> {
    await this.db.insert(credentials).values(row);
  }

  /** Token verification: the id comes from the token itself, the secret hash is then compared. */
  async findForToken(id: string): Promise<CredentialRow | undefined> {
    const [row] = await this.db.select().from(credentials).where(eq(credentials.id, id)).limit(1);
    return row;
  }

  async listApiKeys(accountId: string): Promise<CredentialRow[]> {
    return this.db
      .select()
      .from(credentials)
      .where(and(eq(credentials.accountId, accountId), eq(credentials.kind, 'api_key')))
      .orderBy(desc(credentials.id));
  }

  async delete(accountId: string, id: string, kind: CredentialKind): Promise<boolean> {
    const rows = await this.db
      .delete(credentials)
      .where(and(eq(credentials.accountId, accountId), eq(credentials.id, id), eq(credentials.kind, kind)))
      .returning({ id: credentials.id });
    return rows.length > 0;
  }

  async setSecret(accountId: string, id: string, kind: CredentialKind, secretHash: string): Promise<boolean> {
    const rows = await this.db
      .update(credentials)
      .set({ secretHash })
      .where(and(eq(credentials.accountId, accountId), eq(credentials.id, id), eq(credentials.kind, kind)))
      .returning({ id: credentials.id });
    return rows.length > 0;
  }

  async touch(accountId: string, id: string, at: Date): Promise<void> {
    await this.db
      .update(credentials)
      .set({ lastUsedAt: at })
      .where(and(eq(credentials.accountId, accountId), eq(credentials.id, id)));
  }

  /** Every credential of one kind of an account (e.g. older invite links when a new one is issued). */
  async deleteKind(accountId: string, kind: CredentialKind): Promise<string[]> {
    const rows = await this.db
      .delete(credentials)
      .where(and(eq(credentials.accountId, accountId), eq(credentials.kind, kind)))
      .returning({ id: credentials.id });
    return rows.map((r) => r.id);
  }

  /**
   * Redeems an invite in one transaction: the link is consumed (only if still unexpired, so two
   * racing redemptions cannot both win), the account gets its password and counts as verified,
   * and any other invite link of the account dies with it.
   */
  async redeemInvite(accountId: string, id: string, passwordHash: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const used = await tx
        .delete(credentials)
        .where(
          and(
            eq(credentials.accountId, accountId),
            eq(credentials.id, id),
            eq(credentials.kind, 'invite'),
            gt(credentials.expiresAt, new Date()),
          ),
        )
        .returning({ id: credentials.id });
      if (used.length === 0) return false;
      await tx.update(accounts).set({ passwordHash, emailVerified: true }).where(eq(accounts.id, accountId));
      await tx
        .delete(credentials)
        .where(and(eq(credentials.accountId, accountId), eq(credentials.kind, 'invite'), ne(credentials.id, id)));
      return true;
    });
  }
}
