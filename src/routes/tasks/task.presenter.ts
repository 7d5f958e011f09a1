import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { TaskRepository, type TaskRow } from '../../db/repositories/task.repository.js';

export const FORM_FIELD_TYPES = ['string', 'number', 'radio', 'checkbox', 'select', 'multiselect', 'date'] as const;

export const formFieldJson = z.object({
  position: z.string(),
  type: z.enum(FORM_FIELD_TYPES),
  name: z.string(),
  label: z.string(),
  description: z.string().optional(),
  required: z.boolean().optional(),
  options: z.array(z.string()).optional(),
  tooltip: z.string().optional(),
  variable: z.string().optional().describe('A variable of the team the answer is stored in'),
});
export type FormFieldJson = z.infer<typeof formFieldJson>;

export const taskJson = z.object({
  _id: z.string(),
  orgId: z.string(),
  teamId: z.string(),
  name: z.string(),
  description: z.string(),
  expectedOutput: z.string(),
  toolIds: z.array(z.string()),
  agentId: z.string().nullable(),
  context: z.array(z.string()).describe('Ids of the tasks whose output this one reads'),
  asyncExecution: z.boolean(),
  requiresHumanInput: z.boolean(),
  displayOnlyFinalOutput: z.boolean(),
  storeTaskOutput: z.boolean(),
  taskOutputFileName: z.string().nullable(),
  isStructuredOutput: z.boolean(),
  taskOutputVariableName: z.string().nullable(),
  formFields: z.array(formFieldJson),
  variableIds: z.array(z.string()),
  icon: z.looseObject({}).nullable(),
  dateCreated: z.string(),
});
export type TaskJson = z.infer<typeof taskJson>;

/** The Agent Cloud shape of a task. */
export function presentTask(t: TaskRow): TaskJson {
  return {
    _id: t.id,
    orgId: t.orgId,
    teamId: t.teamId,
    name: t.name,
    description: t.description,
    expectedOutput: t.expectedOutput,
    toolIds: t.toolIds,
    agentId: t.agentId,
    context: t.context,
    asyncExecution: t.asyncExecution,
    requiresHumanInput: t.requiresHumanInput,
    displayOnlyFinalOutput: t.displayOnlyFinalOutput,
    storeTaskOutput: t.storeTaskOutput,
    taskOutputFileName: t.taskOutputFileName,
    isStructuredOutput: t.isStructuredOutput,
    taskOutputVariableName: t.taskOutputVariableName,
    formFields: t.formFields as FormFieldJson[],
    variableIds: t.variableIds,
    icon: t.icon ?? null,
    dateCreated: t.createdAt.toISOString(),
  };
}

/** The team's tasks as every envelope that lists them (apps.json, …) shows them. */
export async function listTasks(ctx: Pick<AppContext, 'db'>, teamId: string): Promise<TaskJson[]> {
  return (await new TaskRepository(ctx.db).list(teamId)).map(presentTask);
}
