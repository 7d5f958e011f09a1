import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agents, apps, crews, tasks, variables } from '../schema.js';

export type AppRow = typeof apps.$inferSelect;

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
}
