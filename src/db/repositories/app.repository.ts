import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agents, apps, crews, tasks, variables } from '../schema.js';
import { newId } from '../../shared/ids.js';

export type AppRow = typeof apps.$inferSelect;
export type CrewRow = typeof crews.$inferSelect;
export type AppWrite = Omit<typeof apps.$inferInsert, 'id' | 'teamId' | 'orgId' | 'createdAt' | 'crewId' | 'createdBy'>;
export type CrewWrite = Omit<typeof crews.$inferInsert, 'id' | 'teamId' | 'orgId' | 'createdAt'>;

/** Team-scoped reads of apps and what they are made of. */
export class AppRepository {
  constructor(private readonly db: Db) {}

  async get(teamId: string, id: string): Promise<AppRow | undefined> {
    const [row] = await this.db.select().from(apps).where(and(eq(apps.teamId, teamId), eq(apps.id, id))).limit(1);
    return row;
  }

  async crew(teamId: string, crewId: string | null) {
    if (!crewId) return undefined;
    const [row] = await this.db.select().from(crews).where(and(eq(crews.teamId, teamId), eq(crews.id, crewId))).limit(1);
    return row;
  }

  /** The agents an app talks through: its chat agent, or its crew's agents. */
  async agentsOf(teamId: string, app: AppRow, crew?: { agents: string[] } | null) {
    const ids = app.type === 'chat' ? (app.chatAppConfig?.agentId ? [app.chatAppConfig.agentId] : []) : (crew?.agents ?? []);
    if (ids.length === 0) return [];
    return this.db.select().from(agents).where(and(eq(agents.teamId, teamId), inArray(agents.id, ids)));
  }

  async tasksOf(teamId: string, crew?: { tasks: string[] } | null) {
    const ids = crew?.tasks ?? [];
    if (ids.length === 0) return [];
    return this.db.select().from(tasks).where(and(eq(tasks.teamId, teamId), inArray(tasks.id, ids)));
  }

  async variablesByIds(teamId: string, ids: string[]) {
    if (ids.length === 0) return [];
    return this.db.select().from(variables).where(and(eq(variables.teamId, teamId), inArray(variables.id, ids)));
  }

  /** The team's apps, newest first, each with its crew (crew apps). */
  list(teamId: string): Promise<{ app: AppRow; crew: CrewRow | null }[]> {
    return this.db
      .select({ app: apps, crew: crews })
      .from(apps)
      .leftJoin(crews, and(eq(crews.teamId, apps.teamId), eq(crews.id, apps.crewId)))
      .where(eq(apps.teamId, teamId))
      .orderBy(desc(apps.id));
  }

  /** Inserts an app, and its crew first when it has one, all or nothing. */
  async insert(teamId: string, orgId: string, id: string, createdBy: string, write: AppWrite, crew: CrewWrite | null): Promise<void> {
    await this.db.transaction(async (tx) => {
      let crewId: string | null = null;
      if (crew) {
        crewId = newId();
        await tx.insert(crews).values({ ...crew, id: crewId, teamId, orgId });
      }
      await tx.insert(apps).values({ ...write, id, teamId, orgId, createdBy, crewId });
    });
  }

  /**
   * Updates an app and keeps its crew in step: updated in place, created when the app becomes a
   * crew app (or lost its crew), deleted when it becomes a chat app.
   */
  async update(teamId: string, id: string, write: AppWrite, crew: CrewWrite | null): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [current] = await tx
        .select({ crewId: apps.crewId, orgId: apps.orgId })
        .from(apps)
        .where(and(eq(apps.teamId, teamId), eq(apps.id, id)))
        .limit(1);
      if (!current) return false;
      let crewId = current.crewId;
      if (crew) {
        const updated = crewId
          ? await tx
              .update(crews)
              .set(crew)
              .where(and(eq(crews.teamId, teamId), eq(crews.id, crewId)))
              .returning({ id: crews.id })
          : [];
        if (updated.length === 0) {
          crewId = newId();
          await tx.insert(crews).values({ ...crew, id: crewId, teamId, orgId: current.orgId });
        }
      } else if (crewId) {
        await tx.delete(crews).where(and(eq(crews.teamId, teamId), eq(crews.id, crewId)));
        crewId = null;
      }
      await tx
        .update(apps)
        .set({ ...write, crewId })
        .where(and(eq(apps.teamId, teamId), eq(apps.id, id)));
      return true;
    });
  }

  /** Deletes the app and its crew; its sessions stay (as in the reference). */
  async delete(teamId: string, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx
        .delete(apps)
        .where(and(eq(apps.teamId, teamId), eq(apps.id, id)))
        .returning({ crewId: apps.crewId });
      const crewId = rows[0]?.crewId;
      if (crewId) await tx.delete(crews).where(and(eq(crews.teamId, teamId), eq(crews.id, crewId)));
      return rows.length > 0;
    });
  }
}
