import type { AppContext } from '../../context.js';
import type { TeamAccess } from '../../auth/auth.service.js';
import { canAccessApp } from '../../auth/app-access.js';
import { newId } from '../../shared/ids.js';
import { NotFound, ValidationError } from '../../shared/errors.js';
import { AgentRepository } from '../../db/repositories/agent.repository.js';
import { AppRepository, type AppRow, type AppWrite, type CrewWrite } from '../../db/repositories/app.repository.js';
import { ModelRepository } from '../../db/repositories/model.repository.js';
import { TaskRepository } from '../../db/repositories/task.repository.js';
import { requireAll } from '../shared/ids.js';
import { TeamReferences, unique } from '../agents/team-references.js';
import { presentApp, type AppJson } from './app.presenter.js';

export const SHARING_MODES = ['team', 'public', 'owner', 'whitelist'] as const;
export const PROCESSES = ['sequential', 'hierarchical'] as const;
/** Provider types the chat runtime can drive (the reference's list plus OpenAI-compatible endpoints). */
export const CHAT_MODEL_TYPES = ['open_ai', 'anthropic', 'google_vertex', 'google_ai', 'azure', 'ollama', 'groq', 'openai_compatible'];

export interface AppInput {
  type: 'chat' | 'crew';
  name: string;
  description?: string | null;
  tags: string[];
  sharingMode: (typeof SHARING_MODES)[number];
  shareLinkShareId?: string | null;
  sharingEmails: string[];
  verbose: boolean;
  fullOutput: boolean;
  kickOffVariablesIds: string[];
  tasks: string[];
  agents: string[];
  process?: (typeof PROCESSES)[number] | null;
  managerModelId: string | null;
  memory: boolean;
  cache: boolean;
  agentId: string | null;
  conversationStarters: string[];
  maxMessages: number | null;
}

const NOT_FOUND = 'App not found';

export class AppService {
  private readonly repo: AppRepository;
  private readonly agents: AgentRepository;
  private readonly tasks: TaskRepository;
  private readonly models: ModelRepository;
  private readonly refs: TeamReferences;

  constructor(private readonly ctx: Pick<AppContext, 'db' | 'keyring' | 'teams' | 'auth'>) {
    this.repo = new AppRepository(ctx.db);
    this.agents = new AgentRepository(ctx.db);
    this.tasks = new TaskRepository(ctx.db);
    this.models = new ModelRepository(ctx.db, ctx.keyring);
    this.refs = new TeamReferences(ctx);
  }

  /**
   * The apps the caller may use: unlike the reference, an app shared only with its owner or a
   * whitelist is not shown (nor editable) to other members; team admins see every app.
   */
  async list(team: TeamAccess, accountId: string): Promise<AppJson[]> {
    const rows = await this.repo.list(team.teamId);
    return rows.filter((r) => canAccessApp(r.app, accountId, team)).map((r) => presentApp(r.app, r.crew));
  }

  async get(team: TeamAccess, accountId: string, id: string): Promise<AppJson> {
    const app = await this.accessible(team, accountId, id);
    return presentApp(app, await this.repo.crew(team.teamId, app.crewId));
  }

  async add(team: TeamAccess, accountId: string, input: AppInput): Promise<string> {
    const { app, crew } = await this.check(team.teamId, input);
    const teamRow = await this.ctx.teams.get(team.teamId);
    const id = newId();
    await this.repo.insert(team.teamId, team.orgId, id, accountId, { ...app, author: teamRow?.name ?? null, icon: null }, crew);
    return id;
  }

  async edit(team: TeamAccess, accountId: string, id: string, input: AppInput): Promise<void> {
    const before = await this.accessible(team, accountId, id);
    const { app, crew } = await this.check(team.teamId, input);
    if (!(await this.repo.update(team.teamId, id, app, crew))) throw new NotFound(NOT_FOUND);
    const sharingChanged = before.sharingMode !== app.sharingMode || JSON.stringify(before.sharingPermissions) !== JSON.stringify(app.sharingPermissions);
    if (sharingChanged) await this.recheckStreams(team.teamId);
  }

  async delete(team: TeamAccess, accountId: string, id: string): Promise<void> {
    await this.accessible(team, accountId, id);
    if (!(await this.repo.delete(team.teamId, id))) throw new NotFound(NOT_FOUND);
    await this.recheckStreams(team.teamId);
  }

  /** Who may follow the app's sessions changed: open sockets and streams of the team look again. */
  private async recheckStreams(teamId: string): Promise<void> {
    this.ctx.auth.invalidateAccounts((await this.ctx.teams.members(teamId)).map((m) => m.accountId));
  }

  private async accessible(team: TeamAccess, accountId: string, id: string): Promise<AppRow> {
    const app = await this.repo.get(team.teamId, id);
    if (!app || !canAccessApp(app, accountId, team)) throw new NotFound(NOT_FOUND);
    return app;
  }

  /** Checks after the body schema, in the reference's order; every reference must be of the team. */
  private async check(teamId: string, input: AppInput): Promise<{ app: AppWrite; crew: CrewWrite | null }> {
    const sharingPermissions = await this.whitelist(teamId, input);
    const kickOffVariablesIds = unique(input.kickOffVariablesIds);
    await this.refs.checkVariables(teamId, kickOffVariablesIds);
    const app: AppWrite = {
      name: input.name,
      description: input.description ?? '',
      type: input.type,
      tags: input.tags.map((t) => t.trim()).filter((t) => t !== ''),
      sharingMode: input.sharingMode,
      sharingPermissions,
      shareLinkShareId: input.shareLinkShareId || null,
      kickOffVariablesIds,
      chatAppConfig: null,
      memory: false,
      cache: false,
    };
    if (input.type === 'crew') {
      const crew = await this.checkCrew(teamId, input);
      return { app: { ...app, memory: input.memory, cache: input.cache }, crew };
    }
    await this.checkChatAgent(teamId, input.agentId);
    const conversationStarters = input.conversationStarters.map((s) => s.trim()).filter((s) => s !== '');
    return {
      app: { ...app, chatAppConfig: { agentId: input.agentId!, conversationStarters, maxMessages: input.maxMessages } },
      crew: null,
    };
  }

  /**
   * Whitelist emails become `{accountId: email}`. The reference creates an account for any email
   * it does not know; Nimbus only accepts members of the team.
   */
  private async whitelist(teamId: string, input: AppInput): Promise<Record<string, string>> {
    if (input.sharingMode !== 'whitelist') return {};
    const emails = unique(input.sharingEmails.map((e) => e.trim().toLowerCase()).filter((e) => e !== ''));
    if (emails.length === 0) throw new ValidationError('[sharingEmails] is empty');
    const members = new Map((await this.ctx.teams.members(teamId)).map((m) => [m.email.toLowerCase(), m.accountId]));
    const out: Record<string, string> = {};
    for (const email of emails) {
      const accountId = members.get(email);
      if (!accountId) throw new ValidationError(`Unknown email: ${email}`);
      out[accountId] = email;
    }
    return out;
  }

  private async checkCrew(teamId: string, input: AppInput): Promise<CrewWrite> {
    const tasks = unique(input.tasks);
    const agents = unique(input.agents);
    if (tasks.length === 0) throw new ValidationError('Invalid Tasks');
    requireAll(tasks, await this.tasks.existing(teamId, tasks), 'Invalid Tasks');
    if (agents.length === 0) throw new ValidationError('Invalid Agents');
    requireAll(agents, await this.agents.existing(teamId, agents), 'Invalid Agents');
    const process = input.process ?? 'sequential';
    let managerModelId: string | null = null;
    if (process === 'hierarchical') {
      if (!input.managerModelId) throw new ValidationError('Chat Manager Model is empty');
      await this.refs.checkLlm(teamId, input.managerModelId, 'Invalid manager model ID');
      managerModelId = input.managerModelId;
    }
    return { name: input.name, tasks, agents, process, managerModelId, verbose: input.verbose, fullOutput: input.fullOutput };
  }

  private async checkChatAgent(teamId: string, agentId: string | null): Promise<void> {
    const agent = agentId ? await this.agents.get(teamId, agentId) : undefined;
    if (!agent) throw new ValidationError('Invalid inputs');
    const model = agent.modelId ? await this.models.get(teamId, agent.modelId) : undefined;
    if (!model || model.modelType !== 'llm') throw new ValidationError('Agent model invalid or missing');
    if (!CHAT_MODEL_TYPES.includes(model.type)) {
      throw new ValidationError('Only OpenAI, Azure OpenAI, Anthropic, Google, Groq, Ollama and OpenAI-compatible models are supported for chat apps.');
    }
  }
}
