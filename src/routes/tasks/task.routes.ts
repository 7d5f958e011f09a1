import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineRoute, type Route } from '../../http/route.js';
import { created } from '../../http/respond.js';
import { bool, idParams, list, optionalString, requiredString, teamParams } from '../../http/fields.js';
import { VariableRepository } from '../../db/repositories/variable.repository.js';
import { envelope, envelopeSchema } from '../shared/envelope.js';
import { pathId, pathOrBodyId } from '../shared/ids.js';
import { listTools, toolJson } from '../tools/tool.presenter.js';
import { variableJson } from '../variables/variable.presenter.js';
import { VariableService } from '../variables/variable.service.js';
import { agentJson, listAgents } from '../agents/agent.presenter.js';
import { flag, idList, optionalId } from '../agents/body-fields.js';
import { taskJson } from './task.presenter.js';
import { TaskService } from './task.service.js';

const tags = ['tasks'];
const params = idParams('taskId');
const NOT_FOUND = 'Task not found';

// In the order the reference validates them: the first failing field is the one reported.
const taskBody = z.object({
  name: requiredString('Name', 200),
  description: requiredString('Description', 100_000),
  requiresHumanInput: bool('Requires Human Input')
    .nullish()
    .transform((v) => v === true),
  expectedOutput: requiredString('Expected Output', 100_000),
  toolIds: idList('Invalid Tools').describe('Team tools or built-in tools; [] when omitted'),
  variableIds: idList('Invalid Variables').describe('Variables of the team; [] when omitted'),
  asyncExecution: bool('[asyncExecution]')
    .nullish()
    .transform((v) => v === true),
  iconId: z.string().nullish().describe('Accepted and ignored until assets exist'),
  context: idList('Invalid conteext').describe('Earlier tasks of the team whose output this one reads; [] when omitted'),
  formFields: list(z.record(z.string(), z.unknown()), 100, '[formFields] is an invalid type, should be "array"')
    .nullish()
    .transform((v) => v ?? [])
    .describe('Human input fields {position, type, name, label, description?, required?, options?, tooltip?, variable?}'),
  agentId: optionalId('Invalid agent, agent not found').describe('An agent of the team, optional'),
  storeTaskOutput: flag(),
  taskOutputFileName: optionalString('[taskOutputFileName]', 500).describe('Whitespace becomes _'),
  isStructuredOutput: flag(),
  displayOnlyFinalOutput: flag(),
  taskOutputVariableName: optionalString('[taskOutputVariableName]', 200),
});
const helpers = { tools: z.array(toolJson), agents: z.array(agentJson), variables: z.array(variableJson) };

export function taskRoutes(ctx: AppContext): Route[] {
  const tasks = new TaskService(ctx);
  const variables = new VariableService(new VariableRepository(ctx.db));
  const helperLists = async (teamId: string) => {
    const [tools, agents, vars] = await Promise.all([listTools(ctx, teamId), listAgents(ctx, teamId), variables.list(teamId)]);
    return { tools, agents, variables: vars };
  };
  return [
    defineRoute({
      method: 'GET',
      url: '/:teamId/tasks.json',
      summary: 'List the team’s tasks, with the tools, agents and variables they can use',
      documented: true,
      tags,
      auth: 'team',
      params: teamParams,
      response: { 200: envelopeSchema({ tasks: z.array(taskJson), ...helpers }) },
      async handler({ principal, team }) {
        const [list, rest] = await Promise.all([tasks.list(team.teamId), helperLists(team.teamId)]);
        return envelope(ctx, principal, team, { tasks: list, ...rest });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/:teamId/task/:taskId.json',
      summary: 'Get a task, with the team’s tasks (for its context), tools, agents and variables',
      description: 'An id that is not one of the team’s tasks answers 404 (the reference answers `task: null`).',
      documented: true,
      tags,
      auth: 'team',
      params,
      response: { 200: envelopeSchema({ task: taskJson, tasks: z.array(taskJson), ...helpers }) },
      async handler({ principal, team, params }) {
        const task = await tasks.get(team.teamId, pathId(params.taskId, NOT_FOUND));
        const [list, rest] = await Promise.all([tasks.list(team.teamId), helperLists(team.teamId)]);
        return envelope(ctx, principal, team, { task, tasks: list, ...rest });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/:teamId/task',
      summary: 'Find a task of the team by name (bare task)',
      tags,
      auth: 'team',
      params: teamParams,
      query: z.object({ name: z.string().optional() }),
      response: { 200: taskJson },
      async handler({ team, query }) {
        return tasks.byName(team.teamId, query.name);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/task/add',
      summary: 'Create a task',
      description: 'The agent, tools, context tasks and variables (also those of human input fields) must be the team’s (tools may also be built-in).',
      documented: true,
      tags,
      auth: 'team',
      permission: 'task.create',
      params: teamParams,
      body: taskBody,
      response: { 302: z.object({ _id: z.string(), redirect: z.string() }) },
      async handler({ team, body }) {
        const taskId = await tasks.add(team, body);
        return created(taskId, `/${team.teamId}/tasks`);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/task/:taskId/edit',
      summary: 'Edit a task',
      description: 'Same body and checks as add; a context that leads back to the task itself is refused.',
      documented: true,
      tags,
      auth: 'team',
      permission: 'task.edit',
      params,
      body: taskBody,
      response: { 200: z.object({}) },
      async handler({ team, params, body }) {
        await tasks.edit(team.teamId, pathId(params.taskId, NOT_FOUND), body);
        return {};
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/:teamId/forms/task/:taskId',
      summary: 'Delete a task',
      description: 'Also removes it from the team’s crews and from other tasks’ context.',
      documented: true,
      tags,
      auth: 'team',
      permission: 'task.delete',
      params,
      body: z.object({ taskId: z.string().optional() }).nullish(),
      response: { 200: z.object({}) },
      async handler({ team, params, body }) {
        await tasks.delete(team.teamId, pathOrBodyId(params.taskId, body?.taskId, NOT_FOUND));
        return {};
      },
    }),
  ];
}
