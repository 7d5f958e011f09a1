import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { newId } from '../../shared/ids.js';
import { NotFound, ValidationError } from '../../shared/errors.js';
import type { TeamAccess } from '../../auth/auth.service.js';
import { unsealToolData, type ToolRecord, type ToolRepository, type ToolWrite } from '../../db/repositories/tool.repository.js';
import { builtinTool, isBuiltinToolId } from '../../tools/builtin-catalog.js';
import { checkTool, type CheckedTool, type ToolInput } from './tool-input.js';
import { presentBuiltinTool, presentTool, type ToolJson } from './tool.presenter.js';

const NOT_FOUND = 'Tool not found';
/** The data keys a code tool runs with: a change to any of them is a new version of the function. */
const FUNCTION_KEYS = ['code', 'requirements', 'runtime'] as const;

export class ToolService {
  constructor(private readonly tools: ToolRepository) {}

  async get(teamId: string, id: string): Promise<ToolJson> {
    const builtin = builtinTool(id);
    if (builtin) return presentBuiltinTool(builtin);
    const t = await this.tools.get(teamId, id);
    if (!t) throw new NotFound(NOT_FOUND);
    return presentTool(t);
  }

  async add(team: TeamAccess, input: ToolInput): Promise<string> {
    const checked = checkTool(input, null);
    const linked = await this.linked(team.teamId, checked.linkedToolId);
    const id = newId();
    await this.tools.insert(team.teamId, team.orgId, id, {
      ...write(checked, input, linked),
      functionId: checked.type === 'function' ? randomUUID() : null,
      icon: null,
    });
    return id;
  }

  /** Answers whether the code the tool runs changed (Agent Cloud would redeploy it). */
  async edit(teamId: string, id: string, input: ToolInput): Promise<boolean> {
    if (isBuiltinToolId(id)) throw new ValidationError('Built-in tools cannot be edited');
    const existing = await this.tools.get(teamId, id);
    if (!existing) throw new NotFound(NOT_FOUND);
    const checked = checkTool(input, existing);
    const linked = await this.linked(teamId, checked.linkedToolId);
    const isFunction = checked.type === 'function';
    const needsUpdate =
      isFunction &&
      (existing.type !== 'function' ||
        FUNCTION_KEYS.some((k) => !isDeepStrictEqual(checked.data[k], existing.data[k])) ||
        !isDeepStrictEqual(checked.environmentVariables ?? {}, existing.environmentVariables ?? {}));
    const done = await this.tools.update(teamId, id, {
      ...write(checked, input, linked),
      functionId: isFunction ? (existing.functionId ?? randomUUID()) : null,
      icon: existing.icon,
    });
    if (!done) throw new NotFound(NOT_FOUND);
    return needsUpdate;
  }

  async delete(teamId: string, id: string): Promise<void> {
    if (isBuiltinToolId(id)) return this.tools.removeFromAgents(teamId, id);
    if (!(await this.tools.delete(teamId, id))) throw new NotFound(NOT_FOUND);
  }

  /** A linked tool lends its parameters; it must be one of the team's or a built-in. */
  private async linked(teamId: string, id: string | null): Promise<LinkedTool | null> {
    if (!id) return null;
    const builtin = builtinTool(id);
    if (builtin) return { id, parameters: builtin.parameters, requiredParameters: null };
    const t: ToolRecord | undefined = await this.tools.get(teamId, id);
    if (!t) throw new ValidationError('Invalid linked tool ID');
    // The clear parameters: `data` shows masks where secrets were, which must not be copied as values.
    return { id, parameters: unsealToolData(t).parameters, requiredParameters: t.requiredParameters };
  }
}

interface LinkedTool {
  id: string;
  parameters: unknown;
  requiredParameters: Record<string, unknown> | null;
}

function write(checked: CheckedTool, input: ToolInput, linked: LinkedTool | null): Omit<ToolWrite, 'functionId' | 'icon'> {
  return {
    name: checked.name,
    description: checked.description,
    type: checked.type,
    schema: input.schema ?? null,
    datasourceId: null,
    retrieverType: checked.retriever,
    retrieverConfig: checked.retrieverConfig,
    // Nimbus has no deploy step: code tools run in the sandbox when called.
    state: 'ready',
    data: linked ? { ...checked.data, parameters: linked.parameters } : checked.data,
    environmentVariables: checked.environmentVariables,
    parameters: input.parameters ?? null,
    requiredParameters: linked?.requiredParameters ?? null,
    ragFilters: checked.ragFilters,
    linkedToolId: linked?.id ?? null,
  };
}
