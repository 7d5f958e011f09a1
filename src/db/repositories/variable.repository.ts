import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agents, tasks, variables } from '../schema.js';

export type VariableRow = typeof variables.$inferSelect;

/** Team-scoped: the team id is the first argument of everything. */
export class VariableRepository {
  constructor(private readonly db: Db) {}

  list(teamId: string): Promise<VariableRow[]> {
    return this.db.select().from(variables).where(eq(variables.teamId, teamId)).orderBy(asc(variables.id));
  }

  async get(teamId: string, id: string): Promise<VariableRow | undefined> {
    const [row] = await this.db.select().from(variables).where(and(eq(variables.teamId, teamId), eq(variables.id, id))).limit(1);
    return row;
  }

  async findByName(teamId: string, name: string): Promise<VariableRow | undefined> {
    const [row] = await this.db.select().from(variables).where(and(eq(variables.teamId, teamId), eq(variables.name, name))).limit(1);
    return row;
  }

  /** The ids of `ids` that exist in the team. */
  async existing(teamId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .select({ id: variables.id })
      .from(variables)
      .where(and(eq(variables.teamId, teamId), inArray(variables.id, [...ids])));
    return rows.map((r) => r.id);
  }

  async insert(row: typeof variables.$inferInsert): Promise<void> {
    await this.db.insert(variables).values(row);
  }

  async update(teamId: string, id: string, set: Partial<Pick<VariableRow, 'name' | 'defaultValue' | 'description'>>): Promise<boolean> {
    const rows = await this.db
      .update(variables)
      .set(set)
      .where(and(eq(variables.teamId, teamId), eq(variables.id, id)))
      .returning({ id: variables.id });
    return rows.length > 0;
  }

  async delete(teamId: string, id: string): Promise<boolean> {
    const rows = await this.db
      .delete(variables)
      .where(and(eq(variables.teamId, teamId), eq(variables.id, id)))
      .returning({ id: variables.id });
    return rows.length > 0;
  }

  /** Which agents and tasks of the team use each variable (derived, so it can never drift). */
  async usage(teamId: string): Promise<Map<string, { agents: string[]; tasks: string[] }>> {
    const [a, t] = await Promise.all([
      this.db
        .select({ id: agents.id, v: sql<string>`unnest(${agents.variableIds})` })
        .from(agents)
        .where(eq(agents.teamId, teamId)),
      this.db
        .select({ id: tasks.id, v: sql<string>`unnest(${tasks.variableIds})` })
        .from(tasks)
        .where(eq(tasks.teamId, teamId)),
    ]);
    const out = new Map<string, { agents: string[]; tasks: string[] }>();
    const slot = (v: string) => {
      let s = out.get(v);
      if (!s) out.set(v, (s = { agents: [], tasks: [] }));
      return s;
    };
    for (const r of a) slot(r.v).agents.push(r.id);
    for (const r of t) slot(r.v).tasks.push(r.id);
    return out;
  }
}
