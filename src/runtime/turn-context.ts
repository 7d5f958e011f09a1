import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Keyring } from '../auth/crypto.js';
import { agents, apps, models, sessions } from '../db/schema.js';
import { runtimeModel } from '../db/repositories/model.repository.js';
import type { SessionRow } from '../db/repositories/session.repository.js';
import type { RuntimeModel } from '../llm/types.js';
import { BUILTIN_RUNNABLE } from '../tools/builtin-tools.js';
import type { NimbusTool } from '../tools/tool.js';

export type AgentRow = typeof agents.$inferSelect;

export interface ChatSetup {
  agent: AgentRow;
  model: RuntimeModel;
  tools: NimbusTool[];
  maxMessages: number;
}

export interface TurnContext {
  session: SessionRow;
  /** What the turn runs with, or why it cannot run (in words for the transcript). */
  setup: ChatSetup | { problem: string };
}

const DEFAULT_MAX_MESSAGES = 30;

/**
 * A session and everything its next chat turn needs — app, agent, model — in one team-scoped
 * statement: this runs before every model call, so it is kept to a single round trip.
 */
function prepare(db: Db) {
  return db
    .select({ session: sessions, app: apps, agent: agents, model: models })
    .from(sessions)
    .leftJoin(apps, and(eq(apps.teamId, sessions.teamId), eq(apps.id, sessions.appId)))
    .leftJoin(agents, and(eq(agents.teamId, apps.teamId), eq(agents.id, sql`${apps.chatAppConfig}->>'agentId'`)))
    .leftJoin(models, and(eq(models.teamId, agents.teamId), eq(models.id, agents.modelId)))
    .where(and(eq(sessions.teamId, sql.placeholder('teamId')), eq(sessions.id, sql.placeholder('sessionId'))))
    .limit(1)
    .prepare('nimbus_turn_context');
}

// Built once per database: the query builder's work is not redone before every model call.
const statements = new WeakMap<Db, ReturnType<typeof prepare>>();

export async function loadTurnContext(db: Db, keyring: Keyring, teamId: string, sessionId: string): Promise<TurnContext | null> {
  let statement = statements.get(db);
  if (!statement) statements.set(db, (statement = prepare(db)));
  const [row] = await statement.execute({ teamId, sessionId });
  if (!row) return null;
  const { session, app, agent, model } = row;
  const problem = (text: string): TurnContext => ({ session, setup: { problem: text } });
  if (!app) return problem('The app of this session no longer exists.');
  if (app.type !== 'chat') return problem('Crew apps cannot run yet in this version of Nimbus.');
  if (!agent) return problem('The agent of this app no longer exists.');
  if (!agent.modelId) return problem(`The agent "${agent.name}" has no model: choose one for it.`);
  if (!model) return problem(`The model of the agent "${agent.name}" no longer exists.`);
  return {
    session,
    setup: {
      agent,
      model: runtimeModel(model, keyring),
      tools: agent.toolIds.map((id) => BUILTIN_RUNNABLE.get(id)).filter((t): t is NimbusTool => t !== undefined),
      maxMessages: app.chatAppConfig?.maxMessages ?? DEFAULT_MAX_MESSAGES,
    },
  };
}
