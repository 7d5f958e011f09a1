import { newId } from '../../shared/ids.js';
import { NotFound, ValidationError } from '../../shared/errors.js';
import { isEchoedMask, splitSecrets } from '../../shared/secrets.js';
import type { TeamAccess } from '../../auth/auth.service.js';
import type { ModelRecord, ModelRepository, ModelWrite } from '../../db/repositories/model.repository.js';
import type { TeamRepository } from '../../db/repositories/team.repository.js';
import { knownEmbeddingLength, PROVIDERS, URL_KEYS, type ModelKind, type ModelProviderType } from '../../llm/model-catalog.js';
import { vertexAuth } from '../../llm/providers/google.js';
import { presentModel, type ModelJson } from './model.presenter.js';

export interface ModelInput {
  name: string;
  /** Required on add; an edit that omits it keeps the stored type. */
  type?: ModelProviderType | null;
  model?: string | null;
  config?: Record<string, unknown> | null;
  modelType?: ModelKind | null;
  embeddingLength?: number | null;
}

const NOT_FOUND = 'Model not found';

export class ModelService {
  constructor(
    private readonly models: ModelRepository,
    private readonly teams: TeamRepository,
  ) {}

  async list(teamId: string): Promise<ModelJson[]> {
    return (await this.models.list(teamId)).map(presentModel);
  }

  async get(teamId: string, id: string): Promise<ModelJson> {
    const m = await this.models.get(teamId, id);
    if (!m) throw new NotFound(NOT_FOUND);
    return presentModel(m);
  }

  async add(team: TeamAccess, input: ModelInput): Promise<string> {
    const id = newId();
    await this.models.insert(team.teamId, team.orgId, id, buildModel(input, undefined));
    return id;
  }

  async edit(teamId: string, id: string, input: ModelInput): Promise<void> {
    const stored = await this.models.get(teamId, id);
    if (!stored) throw new NotFound(NOT_FOUND);
    if (!(await this.models.update(teamId, id, buildModel(input, stored)))) throw new NotFound(NOT_FOUND);
  }

  async delete(teamId: string, id: string): Promise<void> {
    if (!(await this.models.delete(teamId, id))) throw new NotFound(NOT_FOUND);
  }

  /** Unlike the reference, the model must be one of the team's and of the kind it is set as. */
  async setDefault(teamId: string, modelId: string, kind: ModelKind): Promise<void> {
    const m = await this.models.get(teamId, modelId);
    if (!m) throw new ValidationError('Invalid inputs');
    if (m.modelType !== kind) throw new ValidationError(`The model is not an ${kind === 'llm' ? 'LLM' : 'embedding'} model`);
    await this.teams.setDefaultModel(teamId, kind, modelId);
  }

  async teamDefaults(teamId: string) {
    const team = await this.teams.get(teamId);
    if (!team) throw new NotFound('Team not found');
    const [llm, embedding] = await Promise.all([
      team.defaultLlmModelId ? this.models.get(teamId, team.defaultLlmModelId) : undefined,
      team.defaultEmbeddingModelId ? this.models.get(teamId, team.defaultEmbeddingModelId) : undefined,
    ]);
    return {
      _id: team.id,
      ownerId: team.ownerId,
      orgId: team.orgId,
      name: team.name,
      dateCreated: team.createdAt.toISOString(),
      ...(llm ? { llmModel: presentModel(llm) } : {}),
      ...(embedding ? { embeddingModel: presentModel(embedding) } : {}),
    };
  }
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

function isHttpUrl(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Validates a model body (in Agent Cloud's order: name and type by the schema, then the model
 * name, then the provider's config keys) and builds the row. `stored` is the model being edited:
 * its secrets survive an edit that omits them or echoes their mask back, unless the edit changes
 * where the model's requests go.
 */
export function buildModel(input: ModelInput, stored: ModelRecord | undefined): ModelWrite {
  const type = input.type ?? (stored?.type as ModelProviderType | undefined);
  if (!type || !Object.hasOwn(PROVIDERS, type)) throw new ValidationError('Type is an invalid value');
  const { model: configModel, ...rawConfig } = input.config ?? {};
  const model = (input.model ?? '').trim() || (typeof configModel === 'string' ? configModel.trim() : '');
  if (!model) throw new ValidationError('Model is empty');

  const { plain, secrets: submitted } = splitSecrets(rawConfig);
  const config: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(plain)) if (!isEmpty(v)) config[k] = v;
  const secrets: Record<string, unknown> = {};
  const kept: string[] = [];
  // A new type does not inherit the old type's keys it has no use for (a groq key on an OpenAI model).
  const uses = new Set<string>([...PROVIDERS[type].required, ...PROVIDERS[type].optional]);
  for (const [k, v] of Object.entries(stored?.secrets ?? {})) {
    if (Object.hasOwn(submitted, k) && !isEchoedMask(submitted[k], v)) continue;
    if (type !== stored?.type && !uses.has(k)) continue;
    secrets[k] = v;
    kept.push(k);
  }
  for (const [k, v] of Object.entries(submitted)) if (!kept.includes(k) && !isEmpty(v)) secrets[k] = v;

  for (const key of PROVIDERS[type].required) {
    if (isEmpty(config[key] ?? secrets[key])) throw new ValidationError(`[${key}] is empty`);
  }
  for (const key of URL_KEYS) {
    if (config[key] !== undefined && !isHttpUrl(config[key])) throw new ValidationError(`[${key}] is an invalid value`);
  }
  // Stored as the allowlisted key only, so nothing else ever reaches google-auth-library.
  if (type === 'google_vertex') secrets.credentials = vertexAuth({ ...config, ...secrets }).credentials;
  // A kept secret goes only where it was entered for: otherwise whoever may edit the model could
  // point it at their own server and receive the stored key on the next chat turn.
  if (stored && kept.length > 0 && destinationChanged(type, config, stored)) {
    throw new ValidationError(`[${kept[0]}] must be entered again when the endpoint changes`);
  }

  const { modelType, embeddingLength } = embeddingFacts(input, model, stored);
  return { name: input.name, model, type, modelType, embeddingLength, config, secrets };
}

function destinationChanged(type: ModelProviderType, config: Record<string, unknown>, stored: ModelRecord): boolean {
  if (type !== stored.type) return true;
  return PROVIDERS[type].destination.some((k) => JSON.stringify(config[k]) !== JSON.stringify(stored.config[k]));
}

function embeddingFacts(input: ModelInput, model: string, stored: ModelRecord | undefined): { modelType: ModelKind; embeddingLength: number } {
  // An edit that keeps the model name and says nothing of its kind keeps what was set before.
  const keep = stored && stored.model === model && input.modelType == null && input.embeddingLength == null;
  if (keep) return { modelType: stored.modelType === 'embedding' ? 'embedding' : 'llm', embeddingLength: stored.embeddingLength };
  const known = knownEmbeddingLength(model);
  const kind: ModelKind = input.modelType ?? (input.embeddingLength != null || known !== undefined ? 'embedding' : 'llm');
  if (kind === 'llm') return { modelType: 'llm', embeddingLength: 0 };
  const length = input.embeddingLength ?? known;
  if (!length) throw new ValidationError('[embeddingLength] is empty');
  return { modelType: 'embedding', embeddingLength: length };
}
