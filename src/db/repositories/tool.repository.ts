import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import type { Keyring } from '../../auth/crypto.js';
import { agents, tasks, tools } from '../schema.js';
import { existingIds } from './references.js';
import { extractSecrets, maskSecret, placeSecrets, type NestedSecret } from '../../shared/secrets.js';

type ToolRow = typeof tools.$inferSelect;

/**
 * A tool as the code sees it: the sealed secrets column opened into `environmentVariables` and
 * `dataSecrets`. `data` holds masks where its secrets were, so whatever shows or copies it leaks
 * nothing; `unsealToolData` gives the clear values.
 */
export interface ToolRecord extends Omit<ToolRow, 'secrets'> {
  /** null when the tool has none (not even an empty set). */
  environmentVariables: Record<string, string> | null;
  /** The secret-named string fields of `data`, at any depth, in clear. */
  dataSecrets: NestedSecret[];
}

/** `data` is given in clear: the repository takes its secrets out when it seals. */
export type ToolWrite = Omit<typeof tools.$inferInsert, 'id' | 'teamId' | 'orgId' | 'secrets' | 'createdAt' | 'updatedAt'> & {
  environmentVariables: Record<string, string> | null;
};

/** A tool's `data` with its secrets in clear, for whatever calls the tool. Never presented. */
export function unsealToolData(t: ToolRecord): Record<string, unknown> {
  return placeSecrets(t.data, t.dataSecrets);
}

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

  /** The data column keeps masks where the secrets were (its shape and key order stay readable); the values go sealed. */
  private seal(write: ToolWrite) {
    const { environmentVariables, data, ...rest } = write;
    const { masked, secrets: dataSecrets } = extractSecrets(data ?? {});
    const sealed = environmentVariables === null && dataSecrets.length === 0 ? null : this.keyring.encryptJson({ environmentVariables, data: dataSecrets });
    return { ...rest, data: masked, secrets: sealed };
  }

  private open(row: ToolRow): ToolRecord {
    const { secrets, ...rest } = row;
    let env: Record<string, string> | null = null;
    let dataSecrets: NestedSecret[] = [];
    if (secrets) {
      try {
        const opened = this.keyring.decryptJson(secrets);
        const value = opened.environmentVariables;
        // Rows sealed before data secrets existed always hold an environment object.
        if (value && typeof value === 'object') {
          env = {};
          for (const [k, v] of Object.entries(value)) if (typeof v === 'string') env[k] = v;
        }
        if (Array.isArray(opened.data)) dataSecrets = opened.data.filter(isNestedSecret);
      } catch {
        // Sealed under another NIMBUS_SECRET: the values are lost; an edit must supply them again.
        env = {};
      }
    }
    // Masks are made afresh from the values, so an echoed mask matches what isEchoedMask expects today.
    const data = placeSecrets(rest.data, dataSecrets.map((s) => ({ path: s.path, value: maskSecret(s.value) })));
    return { ...rest, data, environmentVariables: env, dataSecrets };
  }
}

function isNestedSecret(v: unknown): v is NestedSecret {
  if (typeof v !== 'object' || v === null) return false;
  const { path, value } = v as Record<string, unknown>;
  return typeof value === 'string' && Array.isArray(path) && path.length > 0 && path.every((p) => typeof p === 'string' || typeof p === 'number');
}
