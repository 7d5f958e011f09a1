import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineRoute, type Route } from '../../http/route.js';
import { created } from '../../http/respond.js';
import { id, idParams, requiredString, teamParams } from '../../http/fields.js';
import { VariableRepository } from '../../db/repositories/variable.repository.js';
import { envelope, envelopeSchema } from '../shared/envelope.js';
import { pathId, pathOrBodyId } from '../shared/ids.js';
import { listModels, modelJson } from '../models/model.presenter.js';
import { listTools, toolJson } from '../tools/tool.presenter.js';
import { variableJson } from '../variables/variable.presenter.js';
import { VariableService } from '../variables/variable.service.js';
import { agentJson } from './agent.presenter.js';
import { AgentService } from './agent.service.js';
import { flag, idList, optionalCount, optionalId } from './body-fields.js';

const tags = ['agents'];
const params = idParams('agentId');
const NOT_FOUND = 'Agent not found';

// In the order the reference validates them: the first failing field is the one reported.
const agentBody = z.object({
  name: requiredString('Name', 200),
  role: requiredString('[role]'),
  goal: requiredString('[goal]'),
  backstory: requiredString('[backstory]'),
  modelId: id('Model').describe('An LLM of the team'),
  functionModelId: optionalId('Function Calling Model is not of the right length').describe('An LLM of the team, optional'),
  toolIds: idList('Invalid Tools').describe('Team tools or built-in tools; [] when omitted'),
  variableIds: idList('Invalid Variables').describe('Variables of the team; [] when omitted'),
  maxIter: optionalCount('[maxIter]'),
  maxRPM: optionalCount('[maxRPM]'),
  verbose: flag(),
  allowDelegation: flag(),
  iconId: z.string().nullish().describe('Accepted and ignored until assets exist'),
  cloning: z.unknown().optional().describe('Accepted and ignored until assets exist'),
});
const helpers = { models: z.array(modelJson), tools: z.array(toolJson), variables: z.array(variableJson) };

export function agentRoutes(ctx: AppContext): Route[] {
  const agents = new AgentService(ctx);
  const variables = new VariableService(new VariableRepository(ctx.db));
  const helperLists = async (teamId: string) => {
    const [models, tools, vars] = await Promise.all([listModels(ctx, teamId), listTools(ctx, teamId), variables.list(teamId)]);
    return { models, tools, variables: vars };
  };
  return [
    defineRoute({
      method: 'GET',
      url: '/:teamId/agents.json',
      summary: 'List the team’s agents, with the models, tools and variables they can use',
      documented: true,
      tags,
      auth: 'team',
      params: teamParams,
      response: { 200: envelopeSchema({ agents: z.array(agentJson), ...helpers }) },
      async handler({ principal, team }) {
        const [list, rest] = await Promise.all([agents.list(team.teamId), helperLists(team.teamId)]);
        return envelope(ctx, principal, team, { agents: list, ...rest });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/:teamId/agent/:agentId.json',
      summary: 'Get an agent, with the models, tools and variables it can use',
      description: 'An id that is not one of the team’s agents answers 404 (the reference answers `agent: null`).',
      documented: true,
      tags,
      auth: 'team',
      params,
      response: { 200: envelopeSchema({ agent: agentJson, ...helpers }) },
      async handler({ principal, team, params }) {
        const agent = await agents.get(team.teamId, pathId(params.agentId, NOT_FOUND));
        return envelope(ctx, principal, team, { agent, ...(await helperLists(team.teamId)) });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/agent/add',
      summary: 'Create an agent',
      description: 'The model, function-calling model, tools and variables must be the team’s (tools may also be built-in); both models must be LLMs.',
      documented: true,
      tags,
      auth: 'team',
      permission: 'agent.create',
      params: teamParams,
      body: agentBody,
      response: { 302: z.object({ _id: z.string(), redirect: z.string() }) },
      async handler({ team, body }) {
        const agentId = await agents.add(team, body);
        return created(agentId, `/${team.teamId}/agents`);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/agent/:agentId/edit',
      summary: 'Edit an agent',
      description: 'Same body and checks as add; another agent of the team with the same name is refused with "Duplicate agent name".',
      documented: true,
      tags,
      auth: 'team',
      permission: 'agent.edit',
      params,
      body: agentBody,
      response: { 200: z.object({}) },
      async handler({ team, params, body }) {
        await agents.edit(team.teamId, pathId(params.agentId, NOT_FOUND), body);
        return {};
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/:teamId/forms/agent/:agentId',
      summary: 'Delete an agent',
      description:
        'Also removes it from the team’s crews and unsets it on tasks. An agent a chat app talks through is refused with 409 "Agent is used by apps: <names>".',
      documented: true,
      tags,
      auth: 'team',
      permission: 'agent.delete',
      params,
      body: z.object({ agentId: z.string().optional() }).nullish(),
      response: { 200: z.object({}) },
      async handler({ team, params, body }) {
        await agents.delete(team.teamId, pathOrBodyId(params.agentId, body?.agentId, NOT_FOUND));
        return {};
      },
    }),
  ];
}
