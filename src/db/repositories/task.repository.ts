import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { crews, tasks } from '../schema.js';
import { existingIds } from './references.js';

export type TaskRow = typeof tasks.$inferSelect;
export type TaskWrite = Omit<typeof tasks.$inferInsert, 'id' | 'teamId' | 'orgId' | 'createdAt'>;

/** Team-scoped: the team id is the first argument of everything. */
export class TaskRepository {
  constructor(private readonly db: Db) {}

  list(teamId: string): Promise<TaskRow[]> {
    return this.db.select().from(tasks).where(eq(tasks.teamId, teamId)).orderBy(asc(tasks.id));
  }

  async get(teamId: string, id: string): Promise<TaskRow | undefined> {
    const [row] = await this.db.select().from(tasks).where(and(eq(tasks.teamId, teamId), eq(tasks.id, id))).limit(1);
    return row;
  }

  /** The oldest task of the team with that name (names are not unique, as in the reference). */
  async findByName(teamId: string, name: string): Promise<TaskRow | undefined> {
    const [row] = await this.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.teamId, teamId), eq(tasks.name, name)))
      .orderBy(asc(tasks.id))
      .limit(1);
    return row;
  }

  existing(teamId: string, ids: readonly string[]): Promise<Set<string>> {
    return existingIds(this.db, tasks, teamId, ids);
  }

  /** Every task's context of the team, for cycle checks. */
  async contexts(teamId: string): Promise<Map<string, string[]>> {
    const rows = await this.db.select({ id: tasks.id, context: tasks.context }).from(tasks).where(eq(tasks.teamId, teamId));
    return new Map(rows.map((r) => [r.id, r.context]));
  }

  async insert(teamId: string, orgId: string, id: string, write: TaskWrite): Promise<void> {
    await this.db.insert(tasks).values({ ...write, id, teamId, orgId });
  }

  async update(teamId: string, id: string, write: TaskWrite): Promise<boolean> {
    const rows = await this.db
      .update(tasks)
      .set(write)
      .where(and(eq(tasks.teamId, teamId), eq(tasks.id, id)))
      .returning({ id: tasks.id });
    return rows.length > 0;
  }

  /** Deletes the task and pulls it from the team's crews and from other tasks' context, all or nothing. */
  async delete(teamId: string, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx
        .update(crews)
        .set({ tasks: sql`array_remove(${crews.tasks}, ${id}::text)` })
        .where(and(eq(crews.teamId, teamId), sql`${id}::text = any(${crews.tasks})`));
      await tx
        .update(tasks)
        .set({ context: sql`array_remove(${tasks.context}, ${id}::text)` })
        .where(and(eq(tasks.teamId, teamId), sql`${id}::text = any(${tasks.context})`));
      const rows = await tx
        .delete(tasks)
        .where(and(eq(tasks.teamId, teamId), eq(tasks.id, id)))
        .returning({ id: tasks.id });
      return rows.length > 0;
    });
  }
}
