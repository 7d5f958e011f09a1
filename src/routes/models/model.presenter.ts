import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { ModelRepository, type ModelRecord } from '../../db/repositories/model.repository.js';
import { maskAll } from '../../shared/secrets.js';

export const modelJson = z.object({
  _id: z.string(),
  orgId: z.string(),
  teamId: z.string(),
  name: z.string(),
  model: z.string(),
  modelType: z.string().describe('llm | embedding'),
  embeddingLength: z.number(),
  type: z.string(),
  config: z.record(z.string(), z.unknown()).describe('The provider config; secret values are masked (sk-…1234)'),
  dateCreated: z.string(),
});
export type ModelJson = z.infer<typeof modelJson>;

/** The Agent Cloud shape of a model. Secrets leave only masked. */
export function presentModel(m: ModelRecord): ModelJson {
  return {
    _id: m.id,
    orgId: m.orgId,
    teamId: m.teamId,
    name: m.name,
    model: m.model,
    modelType: m.modelType,
    embeddingLength: m.embeddingLength,
    type: m.type,
    config: { model: m.model, ...m.config, ...maskAll(m.secrets) },
    dateCreated: m.createdAt.toISOString(),
  };
}

/** The team's models as every envelope that lists them (agents.json, apps.json, …) shows them. */
export async function listModels(ctx: Pick<AppContext, 'db' | 'keyring'>, teamId: string): Promise<ModelJson[]> {
  const rows = await new ModelRepository(ctx.db, ctx.keyring).list(teamId);
  return rows.map(presentModel);
}
