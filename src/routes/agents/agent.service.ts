import type { AppContext } from '../../context.js';
import type { TeamAccess } from '../../auth/auth.service.js';
import { newId } from '../../shared/ids.js';
import { Conflict, NotFound, ValidationError } from '../../shared/errors.js';
import { AgentRepository, type AgentWrite } from '../../db/repositories/agent.repository.js';
import { presentAgent, type AgentJson } from './agent.presenter.js';
import { TeamReferences, unique } from './team-references.js';

export interface AgentInput {
  name: string;
  role: string;
  goal: string;
  backstory: string;
  modelId: string;
  functionModelId: string | null;
  toolIds: string[];
  variableIds: string[];
  maxIter: number | null;
  maxRPM: number | null;
  verbose: boolean;
  allowDelegation: boolean;
}

const NOT_FOUND = 'Agent not found';

export class AgentService {
  private readonly repo: AgentRepository;
  private readonly refs: TeamReferences;

  constructor(ctx: Pick<AppContext, 'db' | 'keyring'>) {
    this.repo = new AgentRepository(ctx.db);
    this.refs = new TeamReferences(ctx);
  }

  async list(teamId: string): Promise<AgentJson[]> {
    return (await this.repo.list(teamId)).map(presentAgent);
  }

  async get(teamId: string, id: string): Promise<AgentJson> {
    const row = await this.repo.get(teamId, id);
    if (!row) throw new NotFound(NOT_FOUND);
    return presentAgent(row);
  }

  async add(team: TeamAccess, input: AgentInput): Promise<string> {
    const write = await this.check(team.teamId, input);
    const id = newId();
    await this.repo.insert(team.teamId, team.orgId, id, { ...write, icon: null });
    return id;
  }

  async edit(teamId: string, id: string, input: AgentInput): Promise<void> {
    if (!(await this.repo.get(teamId, id))) throw new NotFound(NOT_FOUND);
    const clash = await this.repo.findByName(teamId, input.name);
    if (clash && clash.id !== id) throw new ValidationError('Duplicate agent name');
    if (!(await this.repo.update(teamId, id, await this.check(teamId, input)))) throw new NotFound(NOT_FOUND);
  }

  /**
   * Unlike the reference, which leaves chat apps pointing at a missing agent (their sessions then
   * fail), an agent that a chat app talks through cannot be deleted until the app lets go of it.
   */
  async delete(teamId: string, id: string): Promise<void> {
    if (!(await this.repo.get(teamId, id))) throw new NotFound(NOT_FOUND);
    const apps = await this.repo.chatAppsUsing(teamId, id);
    if (apps.length > 0) throw new Conflict(`Agent is used by apps: ${apps.join(', ')}`);
    if (!(await this.repo.delete(teamId, id))) throw new NotFound(NOT_FOUND);
  }

  /** The reference's post-validation checks, in its order; every reference must be of the team. */
  private async check(teamId: string, input: AgentInput): Promise<AgentWrite> {
    const toolIds = unique(input.toolIds);
    const variableIds = unique(input.variableIds);
    await this.refs.checkTools(teamId, toolIds, 'Invalid tool IDs');
    await this.refs.checkLlm(teamId, input.modelId, 'Invalid model ID');
    if (input.functionModelId) await this.refs.checkLlm(teamId, input.functionModelId, 'Invalid function calling model ID');
    await this.refs.checkVariables(teamId, variableIds);
    return {
      name: input.name,
      role: input.role,
      goal: input.goal,
      backstory: input.backstory,
      modelId: input.modelId,
      functionModelId: input.functionModelId,
      maxIter: input.maxIter,
      maxRpm: input.maxRPM,
      verbose: input.verbose,
      allowDelegation: input.allowDelegation,
      toolIds,
      variableIds,
    };
  }
}
