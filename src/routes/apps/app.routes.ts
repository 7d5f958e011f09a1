import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineRoute, type Route } from '../../http/route.js';
import { idParams, list, MAX_IDS, optionalString, requiredString, teamParams } from '../../http/fields.js';
import type { Principal } from '../../http/route.js';
import type { TeamAccess } from '../../auth/auth.service.js';
import { VariableRepository } from '../../db/repositories/variable.repository.js';
import { envelope, envelopeSchema } from '../shared/envelope.js';
import { pathId, pathOrBodyId } from '../shared/ids.js';
import { listModels, modelJson } from '../models/model.presenter.js';
import { listTools, toolJson } from '../tools/tool.presenter.js';
import { variableJson } from '../variables/variable.presenter.js';
import { VariableService } from '../variables/variable.service.js';
import { agentJson, listAgents } from '../agents/agent.presenter.js';
import { flag, idList, optionalCount, optionalId } from '../agents/body-fields.js';
import { listTasks, taskJson } from '../tasks/task.presenter.js';
import { appJson } from './app.presenter.js';
import { AppService, PROCESSES, SHARING_MODES } from './app.service.js';

const tags = ['apps'];
const params = idParams('appId');
const NOT_FOUND = 'App not found';

const enumError = (label: string) => (iss: { input?: unknown }) =>
  iss.input === undefined || iss.input === null || iss.input === '' ? `${label} is empty` : `${label} is an invalid value`;

// In the order the reference validates them; type-specific requirements are checked after.
const appFields = {
  type: z.enum(['chat', 'crew'], { error: enumError('[type]') }),
  name: requiredString('App Name', 200),
  description: optionalString('[description]', 10_000),
  tags: list(z.string(), 50)
    .nullish()
    .transform((v) => v ?? []),
  iconId: z.string().nullish().describe('Accepted and ignored until assets exist'),
  cloning: z.unknown().optional().describe('Accepted and ignored until assets exist'),
  sharingMode: z.enum(SHARING_MODES, { error: enumError('[sharingMode]') }),
  shareLinkShareId: optionalString('[shareLinkShareId]', 200).describe('Stored as given (share links come later)'),
  sharingEmails: list(z.string(), MAX_IDS)
    .nullish()
    .transform((v) => v ?? [])
    .describe('whitelist: emails of members of the team (other emails are refused; no account is created)'),
  run: flag().describe('When true the answer is `{_id}` alone (the client starts a session next)'),
  verbose: flag(),
  fullOutput: flag(),
  recursionLimit: z.unknown().optional().describe('Accepted and ignored, as in the reference'),
  variableIds: idList('Invalid Variables').describe('Accepted and not stored, as in the reference'),
  kickOffVariablesIds: idList('[kickOffVariablesIds] is an invalid value').describe('Variables of the team asked for at kickoff'),
  tasks: idList('Invalid Tasks').describe('crew apps: tasks of the team, at least one'),
  agents: idList('Invalid Agents').describe('crew apps: agents of the team, at least one'),
  process: z.enum(PROCESSES, { error: '[process] is an invalid value' }).nullish().describe('crew apps: sequential (default) | hierarchical'),
  managerModelId: optionalId('Chat Manager Model is not of the right length').describe('hierarchical crews: an LLM of the team'),
  memory: flag(),
  cache: flag(),
  agentId: optionalId('Invalid inputs').describe('chat apps: an agent of the team whose model a chat app can drive'),
  conversationStarters: list(z.string({ error: 'Invalid Conversation Starters' }), 20, 'Invalid Conversation Starters')
    .nullish()
    .transform((v) => v ?? [])
    .describe('chat apps'),
  maxMessages: optionalCount('[maxMessages]').describe('chat apps: optional positive whole number'),
};
const addBody = z.object(appFields);
const editBody = z.object({ ...appFields, description: requiredString('[description]', 10_000) });
const helpers = {
  tasks: z.array(taskJson),
  tools: z.array(toolJson),
  agents: z.array(agentJson),
  models: z.array(modelJson),
  datasources: z.array(z.looseObject({ _id: z.string() })).describe('Always empty until datasources exist'),
  teamMembers: z.array(z.string()).describe('Emails of the team’s members'),
  variables: z.array(variableJson),
};

export function appRoutes(ctx: AppContext): Route[] {
  const apps = new AppService(ctx);
  const variables = new VariableService(new VariableRepository(ctx.db));
  const withHelpers = async <T extends Record<string, unknown>>(principal: Principal, team: TeamAccess, data: T) => {
    const [tasks, tools, agents, models, members, vars] = await Promise.all([
      listTasks(ctx, team.teamId),
      listTools(ctx, team.teamId),
      listAgents(ctx, team.teamId),
      listModels(ctx, team.teamId),
      ctx.teams.members(team.teamId),
      variables.list(team.teamId),
    ]);
    const teamMembers = members.map((m) => m.email);
    return envelope(ctx, principal, team, { ...data, tasks, tools, agents, models, datasources: [], teamMembers, variables: vars });
  };
  return [
    defineRoute({
      method: 'GET',
      url: '/:teamId/apps.json',
      summary: 'List the team’s apps (newest first, crews joined) with everything an app is made of',
      description: 'Apps shared only with their owner or a whitelist are listed to those people and to team admins.',
      documented: true,
      tags,
      auth: 'team',
      params: teamParams,
      response: { 200: envelopeSchema({ apps: z.array(appJson), ...helpers }) },
      async handler({ principal, team }) {
        return withHelpers(principal, team, { apps: await apps.list(team, principal.account.id) });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/:teamId/app/:appId.json',
      summary: 'Get an app (crew joined) with everything an app is made of',
      description: 'An id that is not one of the team’s apps, or an app not shared with the caller, answers 404 (the reference answers `app: null`).',
      documented: true,
      tags,
      auth: 'team',
      params,
      response: { 200: envelopeSchema({ app: appJson, ...helpers }) },
      async handler({ principal, team, params }) {
        return withHelpers(principal, team, { app: await apps.get(team, principal.account.id, pathId(params.appId, NOT_FOUND)) });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/app/add',
      summary: 'Create a chat app or a crew app',
      description:
        'Answers a plain 200 `{_id, redirect}` (`{_id}` when `run` is true), as the reference does. ' +
        'Chat apps need `agentId` (an agent whose model is an LLM of a supported provider type); crew apps need `tasks` and `agents`, ' +
        'and `managerModelId` when `process` is hierarchical.',
      tags,
      auth: 'team',
      permission: 'app.create',
      params: teamParams,
      body: addBody,
      response: { 200: z.object({ _id: z.string(), redirect: z.string().optional() }) },
      async handler({ principal, team, body }) {
        const appId = await apps.add(team, principal.account.id, body);
        return body.run ? { _id: appId } : { _id: appId, redirect: `/${team.teamId}/apps` };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/app/:appId/edit',
      summary: 'Edit an app (its crew is updated with it)',
      description: 'Same body and checks as add; `description` is required here, as in the reference.',
      tags,
      auth: 'team',
      permission: 'app.edit',
      params,
      body: editBody,
      response: { 200: z.object({}) },
      async handler({ principal, team, params, body }) {
        await apps.edit(team, principal.account.id, pathId(params.appId, NOT_FOUND), body);
        return {};
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/:teamId/forms/app/:appId',
      summary: 'Delete an app and its crew (its sessions are kept)',
      tags,
      auth: 'team',
      permission: 'app.delete',
      params,
      body: z.object({ appId: z.string().optional() }).nullish(),
      response: { 200: z.object({}) },
      async handler({ principal, team, params, body }) {
        await apps.delete(team, principal.account.id, pathOrBodyId(params.appId, body?.appId, NOT_FOUND));
        return {};
      },
    }),
  ];
}
