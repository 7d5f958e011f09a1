import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineRoute, type Route } from '../../http/route.js';
import { teamParams } from '../../http/fields.js';
import { ID_PATTERN } from '../../shared/ids.js';
import { MODEL_KINDS } from '../../llm/model-catalog.js';
import { envelope, envelopeSchema } from '../shared/envelope.js';
import { modelJson } from './model.presenter.js';
import type { ModelService } from './model.service.js';

const tags = ['models', 'teams'];
const INVALID = 'Invalid inputs';

/** The team's default LLM and embedding models (Agent Cloud's `team.defaultModelConfig`). */
export function defaultModelRoutes(ctx: AppContext, models: ModelService): Route[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/:teamId/team/models.json',
      summary: 'The team with its default models',
      tags,
      auth: 'team',
      params: teamParams,
      response: {
        200: envelopeSchema({
          data: z.looseObject({
            _id: z.string(),
            ownerId: z.string(),
            orgId: z.string(),
            name: z.string(),
            llmModel: modelJson.optional(),
            embeddingModel: modelJson.optional(),
          }),
        }),
      },
      async handler({ principal, team }) {
        return envelope(ctx, principal, team, { data: await models.teamDefaults(team.teamId) });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/team/set-default-model',
      summary: 'Set the team’s default LLM or embedding model',
      description: 'The model must be one of the team’s, of the kind it is set as (the reference checks neither).',
      tags,
      auth: 'team',
      permission: 'model.create',
      params: teamParams,
      body: z.object({
        modelId: z.string({ error: INVALID }).regex(ID_PATTERN, INVALID),
        modelType: z.enum(MODEL_KINDS, { error: INVALID }),
      }),
      response: { 200: z.object({}) },
      async handler({ team, body }) {
        await models.setDefault(team.teamId, body.modelId, body.modelType);
        return {};
      },
    }),
  ];
}
