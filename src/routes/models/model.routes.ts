import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineRoute, type Route } from '../../http/route.js';
import { created } from '../../http/respond.js';
import { idParams, optionalString, requiredString, teamParams } from '../../http/fields.js';
import { ModelRepository } from '../../db/repositories/model.repository.js';
import { MODEL_KINDS, MODEL_SUGGESTIONS, MODEL_TYPES } from '../../llm/model-catalog.js';
import { envelope, envelopeSchema } from '../shared/envelope.js';
import { pathId, pathOrBodyId } from '../shared/ids.js';
import { modelJson } from './model.presenter.js';
import { ModelService } from './model.service.js';
import { defaultModelRoutes } from './default-model.routes.js';

const tags = ['models'];
const params = idParams('modelId');
const lengthMessage = '[embeddingLength] is an invalid value';

const name = requiredString('Name', 200);
// After name and type, in the order Agent Cloud validates them.
const modelFields = {
  model: optionalString('Model', 500).describe('Any model name the provider serves; `config.model` is accepted instead'),
  config: z
    .looseObject({ model: optionalString('[config.model]', 500) })
    .nullish()
    .describe('Provider settings (api_key, base_url, …). Keys naming a key/secret/token/password/credential are encrypted and shown masked'),
  modelType: z.enum(MODEL_KINDS, { error: '[modelType] is an invalid value' }).nullish().describe('Derived from known model names when omitted'),
  embeddingLength: z.coerce
    .number({ error: lengthMessage })
    .int(lengthMessage)
    .min(1, lengthMessage)
    .max(100_000, lengthMessage)
    .nullish()
    .describe('Vector size, required for embedding models Nimbus does not know'),
};
const providerType = z.enum(MODEL_TYPES, { error: 'Type is an invalid value' });
const addBody = z.object({ name, type: providerType, ...modelFields });
const editBody = z.object({ name, type: providerType.nullish().describe('Omitted: keeps the stored type'), ...modelFields });
const suggestions = z.record(z.string(), z.array(z.string())).describe('Known model names per provider type: suggestions, not a limit');

export function modelRoutes(ctx: AppContext): Route[] {
  const models = new ModelService(new ModelRepository(ctx.db, ctx.keyring), ctx.teams);
  return [
    defineRoute({
      method: 'GET',
      url: '/:teamId/models.json',
      summary: 'List the team’s models',
      description: 'Secrets in `config` are masked. `suggestions` lists known model names per provider type.',
      documented: true,
      tags,
      auth: 'team',
      params: teamParams,
      response: { 200: envelopeSchema({ models: z.array(modelJson), suggestions }) },
      async handler({ principal, team }) {
        return envelope(ctx, principal, team, { models: await models.list(team.teamId), suggestions: MODEL_SUGGESTIONS });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/:teamId/model/:modelId.json',
      summary: 'Get a model',
      description: 'An id that is not one of the team’s models answers 404 (the reference answers `model: null`).',
      documented: true,
      tags,
      auth: 'team',
      params,
      response: { 200: envelopeSchema({ model: modelJson }) },
      async handler({ principal, team, params }) {
        return envelope(ctx, principal, team, { model: await models.get(team.teamId, pathId(params.modelId, 'Model not found')) });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/model/add',
      summary: 'Create a model',
      description:
        'Any provider type of the list, including `openai_compatible` (vLLM, LM Studio, OpenRouter, …) which needs `config.base_url`. The model name is free text.',
      documented: true,
      tags,
      auth: 'team',
      permission: 'model.create',
      params: teamParams,
      body: addBody,
      response: { 302: z.object({ _id: z.string(), redirect: z.string() }) },
      async handler({ team, body }) {
        const id = await models.add(team, body);
        return created(id, `/${team.teamId}/models`);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/model/:modelId/edit',
      summary: 'Edit a model',
      description:
        'Secrets that are omitted, or sent back masked as read, keep their stored value; an empty string clears an optional one. An edit that changes where requests go (`base_url`, `azure_endpoint`, Vertex `project`/`location`, the type) must enter the secrets again.',
      documented: true,
      tags,
      auth: 'team',
      permission: 'model.edit',
      params,
      body: editBody,
      response: { 200: z.object({}) },
      async handler({ team, params, body }) {
        await models.edit(team.teamId, pathId(params.modelId, 'Model not found'), body);
        return {};
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/:teamId/forms/model/:modelId',
      summary: 'Delete a model',
      description: 'Also unsets it wherever the team uses it: agents’ model and function model, crews’ manager model, team defaults.',
      documented: true,
      tags,
      auth: 'team',
      permission: 'model.delete',
      params,
      body: z.object({ modelId: z.string().optional() }).nullish(),
      response: { 200: z.object({}) },
      async handler({ team, params, body }) {
        await models.delete(team.teamId, pathOrBodyId(params.modelId, body?.modelId, 'Model not found'));
        return {};
      },
    }),
    ...defaultModelRoutes(ctx, models),
  ];
}
