import type { Task, TaskBody } from '../../api/wire';

export const TASK_FIELDS = [
  { name: 'name', labels: ['Name'] },
  { name: 'description', labels: ['Description'] },
  { name: 'expectedOutput', labels: ['Expected Output'] },
  { name: 'agentId', labels: ['Agent', 'Invalid agent'] },
  { name: 'toolIds', labels: ['Invalid Tools', 'Invalid tools list input', 'Tools'] },
  { name: 'variableIds', labels: ['Invalid Variables', 'Variable with ID', 'Variables'] },
  { name: 'context', labels: ['Invalid conteext', 'Invalid context', 'Context'] },
  { name: 'requiresHumanInput', labels: ['Requires Human Input'] },
];

export interface TaskValues {
  name: string;
  description: string;
  expectedOutput: string;
  agentId: string;
  toolIds: string[];
  variableIds: string[];
  context: string[];
  requiresHumanInput: boolean;
  asyncExecution: boolean;
  displayOnlyFinalOutput: boolean;
  storeTaskOutput: boolean;
}

export function initialTaskValues(task: Task | null): TaskValues {
  return {
    name: task?.name ?? '',
    description: task?.description ?? '',
    expectedOutput: task?.expectedOutput ?? '',
    agentId: task?.agentId ?? '',
    toolIds: task?.toolIds ?? [],
    variableIds: task?.variableIds ?? [],
    context: task?.context ?? [],
    requiresHumanInput: task?.requiresHumanInput ?? false,
    asyncExecution: task?.asyncExecution ?? false,
    displayOnlyFinalOutput: task?.displayOnlyFinalOutput ?? false,
    storeTaskOutput: task?.storeTaskOutput ?? false,
  };
}

export function taskBody(v: TaskValues): TaskBody {
  return {
    name: v.name.trim(),
    description: v.description.trim(),
    expectedOutput: v.expectedOutput.trim(),
    agentId: v.agentId || null,
    toolIds: v.toolIds,
    variableIds: v.variableIds,
    context: v.context,
    // Human input forms come with the crews builder; the API needs the list all the same.
    formFields: [],
    requiresHumanInput: v.requiresHumanInput,
    asyncExecution: v.asyncExecution,
    displayOnlyFinalOutput: v.displayOnlyFinalOutput,
    storeTaskOutput: v.storeTaskOutput,
  };
}
