import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { credentials } from '../schema.js';

export type CredentialRow = typeof credentials.$inferSelect;
export type CredentialKind = 'login' | 'api_key';

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
}
