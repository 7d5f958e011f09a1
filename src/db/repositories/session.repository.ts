import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { preparedRows } from '../raw.js';
import { apps, crews, messages, sessionLeases, sessions } from '../schema.js';

export type SessionRow = typeof sessions.$inferSelect;
export type SessionStatus = 'started' | 'running' | 'waiting' | 'warning' | 'error' | 'terminated';

export interface CreatedSession {
  /** The app exists in the team (and its agent or crew too), is shared with the caller, and the session was inserted. */
  created: boolean;
  /** The app exists but its sharing mode keeps the caller out. */
  denied: boolean;
  appType: 'chat' | 'crew' | null;
  needsVariables: boolean;
}

/**
 * The seed route's one round trip: find the app in the team, check its agent (chat) or crew exists
 * and the caller may use it, work out whether variables must be collected first, and insert the
 * session — or nothing, when the app is unknown here. $1 team, $2 app, $3 new session id,
 * $4 caller, $5 caller is a team admin.
 */
const SESSION_ADD = `
  with app as (
    select a.id, a.team_id, a.org_id, a.name, a.type, a.sharing_mode,
      ($5::boolean or a.sharing_mode in ('team', 'public')
        or (a.sharing_mode = 'owner' and a.created_by = $4)
        or (a.sharing_mode = 'whitelist' and a.sharing_permissions ? $4)) as allowed,
      case when a.type = 'chat'
        then (select ag.id from agents ag where ag.team_id = a.team_id and ag.id = a.chat_app_config->>'agentId')
        else (select c.id from crews c where c.team_id = a.team_id and c.id = a.crew_id) end as target,
      case when a.type = 'chat'
        then coalesce((select cardinality(ag.variable_ids) > 0 from agents ag
                       where ag.team_id = a.team_id and ag.id = a.chat_app_config->>'agentId'), false)
        else exists (
          select 1 from crews c
          where c.team_id = a.team_id and c.id = a.crew_id and (
            exists (select 1 from agents ag where ag.team_id = a.team_id and ag.id = any(c.agents) and ag.variable_ids && a.kick_off_variables_ids)
            or exists (select 1 from tasks t where t.team_id = a.team_id and t.id = any(c.tasks) and t.variable_ids && a.kick_off_variables_ids)))
      end as needs_vars
    from apps a where a.team_id = $1 and a.id = $2
  ), ins as (
    insert into sessions (id, team_id, org_id, app_id, name, status, sharing_mode, created_by)
    select $3, app.team_id, app.org_id, app.id, app.name, 'started', app.sharing_mode, $4
    from app where app.target is not null and app.allowed
    returning id
  )
  select app.type, app.target, app.allowed, app.needs_vars, (select id from ins) as inserted from app`;

function prepareWithApp(db: Db) {
  return db
    .select({ session: sessions, app: apps })
    .from(sessions)
    .leftJoin(apps, and(eq(apps.teamId, sessions.teamId), eq(apps.id, sessions.appId)))
    .where(and(eq(sessions.teamId, sql.placeholder('teamId')), eq(sessions.id, sql.placeholder('id'))))
    .limit(1)
    .prepare('nimbus_session_with_app');
}
const withApp = new WeakMap<Db, ReturnType<typeof prepareWithApp>>();

/** Team-scoped: the team id is the first argument of everything. */
export class SessionRepository {
  constructor(private readonly db: Db) {}

  /**
   * The seed route's one round trip: find the app in the team, check its agent (chat) or crew
   * exists, work out whether variables must be collected first, and insert the session — or
   * nothing, when the app is unknown here.
   */
  async createFromApp(teamId: string, appId: string, sessionId: string, createdBy: string, isAdmin: boolean): Promise<CreatedSession> {
    const rows = await preparedRows<{ type: string; target: string | null; allowed: boolean; needs_vars: boolean; inserted: string | null }>(
      this.db,
      'nimbus_session_add',
      SESSION_ADD,
      [teamId, appId, sessionId, createdBy, isAdmin],
    );
    const row = rows[0];
    return {
      created: !!row?.inserted,
      denied: !!row && !!row.target && !row.allowed,
      appType: row ? (row.type as 'chat' | 'crew') : null,
      needsVariables: !!row?.needs_vars,
    };
  }

  async get(teamId: string, id: string): Promise<SessionRow | undefined> {
    const [row] = await this.db.select().from(sessions).where(and(eq(sessions.teamId, teamId), eq(sessions.id, id))).limit(1);
    return row;
  }

  /** A session with its app, in one round trip (every message sent goes through this). */
  async getWithApp(teamId: string, id: string) {
    let statement = withApp.get(this.db);
    if (!statement) withApp.set(this.db, (statement = prepareWithApp(this.db)));
    const [row] = await statement.execute({ teamId, id });
    return row;
  }

  /** A session looked up among several teams (the caller's), for channels that name only the session. */
  async getInTeams(teamIds: string[], id: string): Promise<SessionRow | undefined> {
    if (teamIds.length === 0) return undefined;
    const [row] = await this.db.select().from(sessions).where(and(inArray(sessions.teamId, teamIds), eq(sessions.id, id))).limit(1);
    return row;
  }

  /** The ten newest sessions before a cursor, each with its app (and the app's crew). */
  /**
   * The newest sessions of the team, before a cursor; with `creator`, only that account's sessions
   * whose app (if it still exists) is shared with them — the rule of `canSeeSession` for a member.
   */
  async listWithApps(teamId: string, before: string | null, creator: string | null, limit = 10) {
    const visible = creator
      ? and(
          eq(sessions.createdBy, creator),
          sql`(${apps.id} is null or ${apps.sharingMode} in ('team', 'public')
               or (${apps.sharingMode} = 'owner' and ${apps.createdBy} = ${creator})
               or (${apps.sharingMode} = 'whitelist' and ${apps.sharingPermissions} ? ${creator}))`,
        )
      : undefined;
    return this.db
      .select({ session: sessions, app: apps, crew: crews })
      .from(sessions)
      .leftJoin(apps, and(eq(apps.teamId, sessions.teamId), eq(apps.id, sessions.appId)))
      .leftJoin(crews, and(eq(crews.teamId, apps.teamId), eq(crews.id, apps.crewId)))
      .where(and(eq(sessions.teamId, teamId), before ? lt(sessions.id, before) : undefined, visible))
      .orderBy(desc(sessions.id))
      .limit(limit);
  }

  async update(teamId: string, id: string, set: Partial<Omit<SessionRow, 'id' | 'teamId' | 'orgId'>>): Promise<SessionRow | undefined> {
    const [row] = await this.db
      .update(sessions)
      .set({ ...set, lastUpdatedDate: new Date() })
      .where(and(eq(sessions.teamId, teamId), eq(sessions.id, id)))
      .returning();
    return row;
  }

  /** See `setRunStatus`; `excluded` are the statuses it must not replace. */
  private static readonly RUN_STATUS = `
    update sessions set status = $3, error_message = $4, last_updated_date = now()
    where team_id = $1 and id = $2 and not stop_requested and status <> all($5::text[])
    returning id`;

  /**
   * A driver's status change, if it is one: never over a stop the user asked for in the meantime,
   * and `waiting` never over an `error` (only a new turn, `running`, clears that). Returns whether
   * the status changed.
   */
  async setRunStatus(teamId: string, id: string, status: SessionStatus, errorMessage: string | null): Promise<boolean> {
    const excluded = status === 'waiting' ? ['terminated', 'waiting', 'error'] : ['terminated', status];
    const rows = await preparedRows(this.db, 'nimbus_run_status', SessionRepository.RUN_STATUS, [teamId, id, status, errorMessage, excluded]);
    return rows.length > 0;
  }


  /** Deletes the session with its transcript and lease (the reference leaves the messages behind). */
  async delete(teamId: string, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const gone = await tx
        .delete(sessions)
        .where(and(eq(sessions.teamId, teamId), eq(sessions.id, id)))
        .returning({ id: sessions.id });
      if (gone.length === 0) return false;
      await tx.delete(messages).where(and(eq(messages.teamId, teamId), eq(messages.sessionId, id)));
      await tx.delete(sessionLeases).where(eq(sessionLeases.sessionId, id));
      return true;
    });
  }


}
