import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineRoute, type Route } from '../../http/route.js';
import { status } from '../../http/respond.js';
import { idParams, optionalString, requiredString, teamParams } from '../../http/fields.js';
import { VariableRepository } from '../../db/repositories/variable.repository.js';
import { envelope, envelopeSchema } from '../shared/envelope.js';
import { pathId, pathOrBodyId } from '../shared/ids.js';
import { variableJson } from './variable.presenter.js';
import { VariableService } from './variable.service.js';

const tags = ['variables'];
const params = idParams('variableId');
const variableBody = z.object({
  name: requiredString('Variable Name', 200),
  defaultValue: z
    .string({ error: (iss) => (iss.input == null ? 'Default Value is empty' : 'Default Value is an invalid type, should be "string"') })
    .min(1, 'Default Value is empty')
    .max(100_000, 'Default Value is too long'),
  description: optionalString('Description', 2000),
});

export function variableRoutes(ctx: AppContext): Route[] {
  const variables = new VariableService(new VariableRepository(ctx.db));
  return [
    defineRoute({
      method: 'GET',
      url: '/:teamId/variables.json',
      summary: 'List the team’s variables',
      tags,
      auth: 'team',
      params: teamParams,
      response: { 200: envelopeSchema({ variables: z.array(variableJson) }) },
      async handler({ principal, team }) {
        return envelope(ctx, principal, team, { variables: await variables.list(team.teamId) });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/:teamId/variable/:variableId.json',
      summary: 'Get a variable (bare, as the reference returns it)',
      tags,
      auth: 'team',
      params,
      response: { 200: variableJson },
      async handler({ team, params }) {
        return variables.get(team.teamId, pathId(params.variableId, 'Variable not found'));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/variable/add',
      summary: 'Create a variable',
      tags,
      auth: 'team',
      permission: 'variable.create',
      params: teamParams,
      body: variableBody,
      response: { 201: z.object({ _id: z.string() }) },
      async handler({ principal, team, body }) {
        return status(201, { _id: await variables.add(team, principal.account.id, body) });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/variable/:variableId/edit',
      summary: 'Edit a variable',
      tags,
      auth: 'team',
      permission: 'variable.edit',
      params,
      body: variableBody,
      response: { 200: z.object({}) },
      async handler({ team, params, body }) {
        await variables.edit(team.teamId, pathId(params.variableId, 'Variable not found'), body);
        return {};
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/:teamId/forms/variable/:variableId',
      summary: 'Delete a variable no agent or task uses',
      tags,
      auth: 'team',
      permission: 'variable.delete',
      params,
      body: z.object({ variableId: z.string().optional() }).nullish(),
      response: { 204: z.null() },
      async handler({ team, params, body }) {
        await variables.delete(team.teamId, pathOrBodyId(params.variableId, body?.variableId, 'Variable does not exist'));
        return status(204, null);
      },
    }),
  ];
}
