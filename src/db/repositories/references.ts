import { and, eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.js';

interface TeamTable {
  id: PgColumn;
  teamId: PgColumn;
}

/**
 * The ids of `ids` that exist in the team's table: the one check behind every "does this
 * reference point at something of this team" rule (an agent's modelId, a task's context…).
 */
export async function existingIds<T extends PgTable & TeamTable>(db: Db, table: T, teamId: string, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = (await db
    .select({ id: table.id })
    .from(table as PgTable)
    .where(and(eq(table.teamId, teamId), inArray(table.id, unique)))) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}
