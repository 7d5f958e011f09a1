import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import type { Keyring } from '../../auth/crypto.js';
import { agents, tasks, tools } from '../schema.js';
import { existingIds } from './references.js';

type ToolRow = typeof tools.$inferSelect;

/** A tool as the code sees it: the sealed secrets column opened into `environmentVariables`. */
export interface ToolRecord extends Omit<ToolRow, 'secrets'> {
  /** null when the tool has none (not even an empty set). */
  environmentVariables: Record<string, string> | null;
}

export type ToolWrite = Omit<typeof tools.$inferInsert, 'id' | 'teamId' | 'orgId' | 'secrets' | 'createdAt' | 'updatedAt'> & {
  environmentVariables: Record<string, string> | null;
};

/** Team-scoped: the team id is the first argument of everything. Secrets are sealed here and only here. */
export class ToolRepository {
  constructor(
    private readonly db: Db,
    private readonly keyring: Keyring,
  ) {}

  async list(teamId: string): Promise<ToolRecord[]> {
    const rows = await this.db.select().from(tools).where(eq(tools.teamId, teamId)).orderBy(asc(tools.id));
    return rows.map((r) => this.open(r));
  }

  async get(teamId: string, id: string): Promise<ToolRecord | undefined> {
    const [row] = await this.db.select().from(tools).where(and(eq(tools.teamId, teamId), eq(tools.id, id))).limit(1);
    return row ? this.open(row) : undefined;
  }

  /** The team's tool ids among `ids` (built-in ids are the caller's to add). */
  existing(teamId: string, ids: readonly string[]): Promise<Set<string>> {
    return existingIds(this.db, tools, teamId, ids);
  }

  async insert(teamId: string, orgId: string, id: string, write: ToolWrite): Promise<void> {
    await this.db.insert(tools).values({ id, teamId, orgId, ...this.seal(write) });
  }

  async update(teamId: string, id: string, write: ToolWrite): Promise<boolean> {
    const rows = await this.db
      .update(tools)
      .set({ ...this.seal(write), updatedAt: new Date() })
      .where(and(eq(tools.teamId, teamId), eq(tools.id, id)))
      .returning({ id: tools.id });
    return rows.length > 0;
  }

  /** Deletes the tool and pulls it from the team's agents and tasks, all or nothing. */
  async delete(teamId: string, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx
        .update(agents)
        .set({ toolIds: sql`array_remove(${agents.toolIds}, ${id}::text)` })
        .where(and(eq(agents.teamId, teamId), sql`${id}::text = any(${agents.toolIds})`));
      await tx
        .update(tasks)
        .set({ toolIds: sql`array_remove(${tasks.toolIds}, ${id}::text)` })
        .where(and(eq(tasks.teamId, teamId), sql`${id}::text = any(${tasks.toolIds})`));
      const rows = await tx
        .delete(tools)
        .where(and(eq(tools.teamId, teamId), eq(tools.id, id)))
        .returning({ id: tools.id });
      return rows.length > 0;
    });
  }

  /** A built-in tool is global: "deleting" it only takes it off the team's agents. */
  async removeFromAgents(teamId: string, id: string): Promise<void> {
    await this.db
      .update(agents)
      .set({ toolIds: sql`array_remove(${agents.toolIds}, ${id}::text)` })
      .where(and(eq(agents.teamId, teamId), sql`${id}::text = any(${agents.toolIds})`));
  }

  private seal(write: ToolWrite) {
    const { environmentVariables, ...rest } = write;
    return { ...rest, secrets: environmentVariables === null ? null : this.keyring.encryptJson({ environmentVariables }) };
  }

  private open(row: ToolRow): ToolRecord {
    const { secrets, ...rest } = row;
    let env: Record<string, string> | null = null;
    if (secrets) {
      try {
        const value = this.keyring.decryptJson(secrets).environmentVariables;
        env = {};
        if (value && typeof value === 'object') {
          for (const [k, v] of Object.entries(value)) if (typeof v === 'string') env[k] = v;
        }
      } catch {
        // Sealed under another NIMBUS_SECRET: the values are lost; an edit must supply them again.
        env = {};
      }
    }
    return { ...rest, environmentVariables: env };
  }
}
