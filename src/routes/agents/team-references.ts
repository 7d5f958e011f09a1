import type { AppContext } from '../../context.js';
import { ValidationError } from '../../shared/errors.js';
import { ModelRepository } from '../../db/repositories/model.repository.js';
import { ToolRepository } from '../../db/repositories/tool.repository.js';
import { VariableRepository } from '../../db/repositories/variable.repository.js';
import { isBuiltinToolId } from '../../tools/builtin-catalog.js';
import { requireAll } from '../shared/ids.js';

export function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/**
 * The "must exist in the same team" checks that agents, tasks and apps share. An id that is
 * unknown and one of another team get the same answer, so nothing about other teams leaks.
 */
export class TeamReferences {
  private readonly models: ModelRepository;
  private readonly tools: ToolRepository;
  private readonly variables: VariableRepository;

  constructor(ctx: Pick<AppContext, 'db' | 'keyring'>) {
    this.models = new ModelRepository(ctx.db, ctx.keyring);
    this.tools = new ToolRepository(ctx.db, ctx.keyring);
    this.variables = new VariableRepository(ctx.db);
  }

  /** Team tools or built-in ones. */
  async checkTools(teamId: string, ids: readonly string[], message: string): Promise<void> {
    const custom = ids.filter((id) => !isBuiltinToolId(id));
    requireAll(custom, await this.tools.existing(teamId, custom), message);
  }

  /** A language model of the team (an embedding model cannot drive an agent or a crew). */
  async checkLlm(teamId: string, id: string, message: string): Promise<void> {
    const model = await this.models.get(teamId, id);
    if (!model || model.modelType !== 'llm') throw new ValidationError(message);
  }

  async checkVariables(teamId: string, ids: readonly string[]): Promise<void> {
    const found = new Set(await this.variables.existing(teamId, ids));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw new ValidationError(`Variable with ID ${missing} not found`);
  }
}
