import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agents, apps, crews, tasks } from '../schema.js';
import { existingIds } from './references.js';

export type AgentRow = typeof agents.$inferSelect;
export type AgentWrite = Omit<typeof agents.$inferInsert, 'id' | 'teamId' | 'orgId' | 'createdAt'>;

/** Team-scoped: the team id is the first argument of everything. */
export class AgentRepository {
  constructor(private readonly db: Db) {}

  list(teamId: string): Promise<AgentRow[]> {
    return this.db.select().from(agents).where(eq(agents.teamId, teamId)).orderBy(asc(agents.id));
  }

  async get(teamId: string, id: string): Promise<AgentRow | undefined> {
    const [row] = await this.db.select().from(agents).where(and(eq(agents.teamId, teamId), eq(agents.id, id))).limit(1);
    return row;
  }

  async findByName(teamId: string, name: string): Promise<AgentRow | undefined> {
    const [row] = await this.db.select().from(agents).where(and(eq(agents.teamId, teamId), eq(agents.name, name))).limit(1);
    return row;
  }

  existing(teamId: string, ids: readonly string[]): Promise<Set<string>> {
    return existingIds(this.db, agents, teamId, ids);
  }

  async insert(teamId: string, orgId: string, id: string, write: AgentWrite): Promise<void> {
    await this.db.insert(agents).values({ ...write, id, teamId, orgId });
  }

  async update(teamId: string, id: string, write: AgentWrite): Promise<boolean> {
    const rows = await this.db
      .update(agents)
      .set(write)
      .where(and(eq(agents.teamId, teamId), eq(agents.id, id)))
      .returning({ id: agents.id });
    return rows.length > 0;
  }

  /** Names of the team's chat apps that talk through the agent. */
  async chatAppsUsing(teamId: string, id: string): Promise<string[]> {
    const rows = await this.db
      .select({ name: apps.name })
      .from(apps)
      .where(and(eq(apps.teamId, teamId), eq(apps.type, 'chat'), sql`${apps.chatAppConfig}->>'agentId' = ${id}`))
      .orderBy(asc(apps.id));
    return rows.map((r) => r.name);
  }

  /** Deletes the agent and pulls it from the team's crews and tasks, all or nothing. */
  async delete(teamId: string, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx
        .update(crews)
        .set({ agents: sql`array_remove(${crews.agents}, ${id}::text)` })
        .where(and(eq(crews.teamId, teamId), sql`${id}::text = any(${crews.agents})`));
      await tx.update(tasks).set({ agentId: null }).where(and(eq(tasks.teamId, teamId), eq(tasks.agentId, id)));
      const rows = await tx
        .delete(agents)
        .where(and(eq(agents.teamId, teamId), eq(agents.id, id)))
        .returning({ id: agents.id });
      return rows.length > 0;
    });
  }
}
