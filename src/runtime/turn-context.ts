import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Keyring } from '../auth/crypto.js';
import { agents } from '../db/schema.js';
import { AppRepository } from '../db/repositories/app.repository.js';
import { ModelRepository } from '../db/repositories/model.repository.js';
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

/** Why a session cannot run, in words for its transcript. */
export class SetupError extends Error {}

const DEFAULT_MAX_MESSAGES = 30;

/** What a chat turn needs, loaded team-scoped from the session's app. */
export class TurnContextLoader {
  private readonly apps: AppRepository;
  private readonly models: ModelRepository;

  constructor(
    private readonly db: Db,
    keyring: Keyring,
  ) {
    this.apps = new AppRepository(db);
    this.models = new ModelRepository(db, keyring);
  }

  async chat(session: SessionRow): Promise<ChatSetup> {
    const app = await this.apps.get(session.teamId, session.appId);
    if (!app) throw new SetupError('The app of this session no longer exists.');
    if (app.type !== 'chat') throw new SetupError('Crew apps cannot run yet in this version of Nimbus.');
    const agentId = app.chatAppConfig?.agentId;
    const [agent] = agentId
      ? await this.db.select().from(agents).where(and(eq(agents.teamId, session.teamId), eq(agents.id, agentId))).limit(1)
      : [];
    if (!agent) throw new SetupError('The agent of this app no longer exists.');
    if (!agent.modelId) throw new SetupError(`The agent "${agent.name}" has no model: choose one for it.`);
    const model = await this.models.getForRuntime(session.teamId, agent.modelId);
    if (!model) throw new SetupError(`The model of the agent "${agent.name}" no longer exists.`);
    const tools = agent.toolIds.map((id) => BUILTIN_RUNNABLE.get(id)).filter((t): t is NimbusTool => t !== undefined);
    return { agent, model, tools, maxMessages: app.chatAppConfig?.maxMessages ?? DEFAULT_MAX_MESSAGES };
  }
}
