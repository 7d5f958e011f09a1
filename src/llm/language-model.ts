import type { LanguageModel } from 'ai';
import { ValidationError } from '../shared/errors.js';
import type { FetchFn, ProviderAdapter, RuntimeModel } from './types.js';
import { openaiAdapter } from './providers/openai.js';
import { azureAdapter } from './providers/azure.js';
import { anthropicAdapter } from './providers/anthropic.js';
import { googleAiAdapter, googleVertexAdapter } from './providers/google.js';
import { groqAdapter } from './providers/groq.js';
import { ollamaAdapter, openaiCompatibleAdapter } from './providers/openai-compatible.js';
import { modelFetch } from './model-fetch.js';

const ADAPTERS: Record<string, ProviderAdapter> = {
  open_ai: openaiAdapter,
  azure: azureAdapter,
  anthropic: anthropicAdapter,
  google_ai: googleAiAdapter,
  google_vertex: googleVertexAdapter,
  groq: groqAdapter,
  ollama: ollamaAdapter,
  openai_compatible: openaiCompatibleAdapter,
};

/** The chat model behind a model row, talking through the guarded fetch. */
export function languageModelFor(model: RuntimeModel, fetch: FetchFn = modelFetch): LanguageModel {
  if (model.modelType === 'embedding') throw new ValidationError(`Model "${model.model}" is an embedding model and cannot chat`);
  const adapter = ADAPTERS[model.type];
  if (!adapter) throw new ValidationError(`Models of type "${model.type}" cannot be used for chat`);
  return adapter(model, fetch);
}

export const CHAT_MODEL_TYPES = Object.keys(ADAPTERS);

/**
 * Provider clients are stateless, so one per model row (and config) serves every turn instead of
 * being rebuilt before each model call.
 */
export class LanguageModelCache {
  private readonly cache = new Map<string, LanguageModel>();

  constructor(private readonly max = 500) {}

  get(model: RuntimeModel): LanguageModel {
    const key = `${model.id}\u0000${model.type}\u0000${model.model}\u0000${JSON.stringify(model.config)}`;
    let lm = this.cache.get(key);
    if (!lm) {
      lm = languageModelFor(model);
      if (this.cache.size >= this.max) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, lm);
    }
    return lm;
  }
}
