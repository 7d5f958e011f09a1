import type { AppContext } from '../../context.js';
import type { TeamAccess } from '../../auth/auth.service.js';
import { isId, newId } from '../../shared/ids.js';
import { NotFound, ValidationError } from '../../shared/errors.js';
import { AgentRepository } from '../../db/repositories/agent.repository.js';
import { TaskRepository, type TaskWrite } from '../../db/repositories/task.repository.js';
import { requireAll } from '../shared/ids.js';
import { TeamReferences, unique } from '../agents/team-references.js';
import { FORM_FIELD_TYPES, presentTask, type FormFieldJson, type TaskJson } from './task.presenter.js';

export interface TaskInput {
  name: string;
  description: string;
  requiresHumanInput: boolean;
  expectedOutput: string;
  toolIds: string[];
  variableIds: string[];
  asyncExecution: boolean;
  context: string[];
  formFields: Record<string, unknown>[];
  agentId: string | null;
  storeTaskOutput: boolean;
  taskOutputFileName?: string | null;
  isStructuredOutput: boolean;
  displayOnlyFinalOutput: boolean;
  taskOutputVariableName?: string | null;
}

const NOT_FOUND = 'Task not found';
const FIELD_KEYS = 'Each human input field must have position, type, name, and label';
const FIELD_OPTIONS = 'Human input field of type radio, checkbox, or select must have non-empty options';
const FIELD_TYPE = `Human input field type must be one of ${FORM_FIELD_TYPES.join(', ')}`;
const CONTEXT_MISSING = 'Invalid context, task not found';
const CONTEXT_CYCLE = 'Invalid context, tasks cannot be each other’s context';

export class TaskService {
  private readonly repo: TaskRepository;
  private readonly agents: AgentRepository;
  private readonly refs: TeamReferences;

  constructor(ctx: Pick<AppContext, 'db' | 'keyring'>) {
    this.repo = new TaskRepository(ctx.db);
    this.agents = new AgentRepository(ctx.db);
    this.refs = new TeamReferences(ctx);
  }

  async list(teamId: string): Promise<TaskJson[]> {
    return (await this.repo.list(teamId)).map(presentTask);
  }

  async get(teamId: string, id: string): Promise<TaskJson> {
    const row = await this.repo.get(teamId, id);
    if (!row) throw new NotFound(NOT_FOUND);
    return presentTask(row);
  }

  async byName(teamId: string, name: string | undefined): Promise<TaskJson> {
    const row = name ? await this.repo.findByName(teamId, name) : undefined;
    if (!row) throw new NotFound(NOT_FOUND);
    return presentTask(row);
  }

  async add(team: TeamAccess, input: TaskInput): Promise<string> {
    const id = newId();
    const write = await this.check(team.teamId, null, input);
    await this.repo.insert(team.teamId, team.orgId, id, { ...write, icon: null });
    return id;
  }

  async edit(teamId: string, id: string, input: TaskInput): Promise<void> {
    if (!(await this.repo.get(teamId, id))) throw new NotFound(NOT_FOUND);
    if (!(await this.repo.update(teamId, id, await this.check(teamId, id, input)))) throw new NotFound(NOT_FOUND);
  }

  async delete(teamId: string, id: string): Promise<void> {
    if (!(await this.repo.delete(teamId, id))) throw new NotFound(NOT_FOUND);
  }

  /** The reference's checks after the body schema, in its order, plus the same-team checks it lacks. */
  private async check(teamId: string, id: string | null, input: TaskInput): Promise<TaskWrite> {
    const formFields = input.formFields.map((f) => formField(f, input.requiresHumanInput));
    const toolIds = unique(input.toolIds);
    const context = unique(input.context);
    const variableIds = unique(input.variableIds);
    await this.refs.checkTools(teamId, toolIds, 'Invalid tools list input, tool not found');
    if (input.agentId) requireAll([input.agentId], await this.agents.existing(teamId, [input.agentId]), 'Invalid agent, agent not found');
    await this.checkContext(teamId, id, context);
    const fieldVariables = formFields.flatMap((f) => (f.variable ? [f.variable] : []));
    await this.refs.checkVariables(teamId, unique([...variableIds, ...fieldVariables]));
    return {
      name: input.name,
      description: input.description,
      expectedOutput: input.expectedOutput,
      agentId: input.agentId,
      toolIds,
      context,
      variableIds,
      asyncExecution: input.asyncExecution,
      requiresHumanInput: input.requiresHumanInput,
      displayOnlyFinalOutput: input.displayOnlyFinalOutput,
      storeTaskOutput: input.storeTaskOutput,
      taskOutputFileName: input.taskOutputFileName ? input.taskOutputFileName.replace(/\s/g, '_') : null,
      isStructuredOutput: input.isStructuredOutput,
      taskOutputVariableName: input.taskOutputVariableName || null,
      formFields,
    };
  }

  /** Context tasks must be the team's, and (on edit) must not lead back to the task itself. */
  private async checkContext(teamId: string, id: string | null, context: string[]): Promise<void> {
    if (context.length === 0) return;
    if (id === null) {
      requireAll(context, await this.repo.existing(teamId, context), CONTEXT_MISSING);
      return;
    }
    const graph = await this.repo.contexts(teamId);
    requireAll(context, graph.keys(), CONTEXT_MISSING);
    const seen = new Set<string>();
    const stack = [...context];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === id) throw new ValidationError(CONTEXT_CYCLE);
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(graph.get(next) ?? []));
    }
  }
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/**
 * A human input field as stored: known keys only. The reference checks fields only when the task
 * asks for human input; so do we, but a field is always reduced to its known keys.
 */
function formField(raw: Record<string, unknown>, strict: boolean): FormFieldJson {
  const position = text(raw.position) ?? '';
  const type = text(raw.type) ?? '';
  const name = text(raw.name) ?? '';
  const label = text(raw.label) ?? '';
  const options = Array.isArray(raw.options) ? raw.options.map((o) => text(o) ?? '') : undefined;
  if (strict) {
    if (!position.trim() || !type.trim() || !name.trim() || !label.trim()) throw new ValidationError(FIELD_KEYS);
    if (!(FORM_FIELD_TYPES as readonly string[]).includes(type)) throw new ValidationError(FIELD_TYPE);
    if (['radio', 'checkbox', 'select'].includes(type) && (!options || options.length === 0 || options.some((o) => o.trim() === ''))) {
      throw new ValidationError(FIELD_OPTIONS);
    }
  }
  const field: FormFieldJson = {
    position,
    type: (FORM_FIELD_TYPES as readonly string[]).includes(type) ? (type as FormFieldJson['type']) : 'string',
    name,
    label,
  };
  const description = text(raw.description);
  const tooltip = text(raw.tooltip);
  const variable = text(raw.variable);
  if (description !== undefined) field.description = description;
  if (typeof raw.required === 'boolean') field.required = raw.required;
  if (options) field.options = options;
  if (tooltip !== undefined) field.tooltip = tooltip;
  if (variable) {
    if (!isId(variable)) throw new ValidationError(`Variable with ID ${variable} not found`);
    field.variable = variable;
  }
  return field;
}
