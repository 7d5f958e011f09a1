import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineRoute, type Route } from '../../http/route.js';
import { created } from '../../http/respond.js';
import { idParams, optionalString, requiredString, teamParams } from '../../http/fields.js';
import { ToolRepository } from '../../db/repositories/tool.repository.js';
import { envelope, envelopeSchema } from '../shared/envelope.js';
import { pathId, pathOrBodyId } from '../shared/ids.js';
import { TOOL_TYPES } from './tool-input.js';
import { listTools, toolJson } from './tool.presenter.js';
import { ToolService } from './tool.service.js';

const tags = ['tools'];
const params = idParams('toolId');

const toolBody = z.object({
  name: requiredString('Name', 200),
  type: z.enum(TOOL_TYPES, { error: (iss) => (iss.input == null || iss.input === '' ? 'Type is empty' : 'Type is an invalid value') }),
  description: optionalString('[description]', 10_000),
  data: z
    .looseObject({})
    .nullish()
    .describe(
      '{description, parameters, code?, requirements?, runtime?, environmentVariables?, …}. Environment variable values, and string fields at any depth whose name looks secret (apiKey, token, password, headers.Authorization, …), are encrypted and shown masked; sending a mask back keeps the value, and so does omitting a data secret.',
    ),
  schema: optionalString('[schema]', 1_000_000),
  datasourceId: z.string().nullish().describe('rag tools: a datasource of the team'),
  retriever: z.string().nullish().describe('rag tools: raw | self_query | time_weighted | multi_query'),
  retriever_config: z.looseObject({}).nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  iconId: z.string().nullish().describe('Accepted and ignored until assets exist'),
  cloning: z.boolean().nullish(),
  linkedToolId: z.string().nullish(),
  ragFilters: z.unknown().optional().describe('Qdrant-style {must?, should?, must_not?} conditions'),
});
const editBody = toolBody.extend({ toolId: z.string().optional().describe('Optional: the path id is used; a different one is refused') });
const datasources = z.array(z.looseObject({ _id: z.string() })).describe('Always empty until datasources exist');

export function toolRoutes(ctx: AppContext): Route[] {
  const tools = new ToolService(new ToolRepository(ctx.db, ctx.keyring));
  return [
    defineRoute({
      method: 'GET',
      url: '/:teamId/tools.json',
      summary: 'List the team’s tools and the built-in tools',
      documented: true,
      tags,
      auth: 'team',
      params: teamParams,
      response: { 200: envelopeSchema({ tools: z.array(toolJson), datasources }) },
      async handler({ principal, team }) {
        return envelope(ctx, principal, team, { tools: await listTools(ctx, team.teamId), datasources: [] });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/:teamId/tool/:toolId.json',
      summary: 'Get a tool (a team tool or a built-in one)',
      documented: true,
      tags,
      auth: 'team',
      params,
      response: { 200: envelopeSchema({ tool: toolJson, revisions: z.array(z.looseObject({})), datasources }) },
      async handler({ principal, team, params }) {
        const tool = await tools.get(team.teamId, pathId(params.toolId, 'Tool not found'));
        return envelope(ctx, principal, team, { tool, revisions: [], datasources: [] });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/tool/add',
      summary: 'Create a tool',
      description:
        'function tools (code with runtime python3x or javascript, run in a sandbox when called, so `state` is `ready` at once) and builtin-type tools. ' +
        'rag tools need a datasource of the team: none can exist yet, so they are refused with "Invalid data sources".',
      documented: true,
      tags,
      auth: 'team',
      permission: 'tool.create',
      params: teamParams,
      body: toolBody,
      response: { 302: z.object({ _id: z.string(), redirect: z.string() }) },
      async handler({ team, body }) {
        const id = await tools.add(team, body);
        return created(id, `/${team.teamId}/tools`);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/tool/:toolId/edit',
      summary: 'Edit a tool',
      description: '`functionNeedsUpdate` tells whether the code, requirements, runtime or environment of a function tool changed.',
      documented: true,
      tags,
      auth: 'team',
      permission: 'tool.edit',
      params,
      body: editBody,
      response: { 200: z.object({ functionNeedsUpdate: z.boolean() }) },
      async handler({ team, params, body }) {
        const id = pathOrBodyId(params.toolId, body.toolId, 'Tool not found');
        return { functionNeedsUpdate: await tools.edit(team.teamId, id, body) };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/:teamId/forms/tool/:toolId',
      summary: 'Delete a tool',
      description: 'Also removes it from the team’s agents and tasks. A built-in tool id only removes it from the team’s agents.',
      documented: true,
      tags,
      auth: 'team',
      permission: 'tool.delete',
      params,
      body: z.object({ toolId: z.string().optional() }).nullish(),
      response: { 200: z.object({}) },
      async handler({ team, params, body }) {
        await tools.delete(team.teamId, pathOrBodyId(params.toolId, body?.toolId, 'Tool not found'));
        return {};
      },
    }),
  ];
}
