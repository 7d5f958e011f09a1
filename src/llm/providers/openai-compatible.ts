import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { configString, trimSlash, type ProviderAdapter } from '../types.js';

/** Any OpenAI-compatible endpoint (vLLM, LM Studio, OpenRouter, the fake LLM). */
export const openaiCompatibleAdapter: ProviderAdapter = (m, fetch) =>
  createOpenAICompatible({
    name: 'openai-compatible',
    baseURL: trimSlash(configString(m.config, 'base_url')) ?? '',
    apiKey: configString(m.config, 'api_key'),
    includeUsage: true,
    fetch,
  })(m.model);

/** Ollama through its OpenAI-compatible API at `<base_url>/v1`. */
export const ollamaAdapter: ProviderAdapter = (m, fetch) => {
  const base = trimSlash(configString(m.config, 'base_url')) ?? 'http://127.0.0.1:11434';
  return createOpenAICompatible({
    name: 'ollama',
    baseURL: base.endsWith('/v1') ? base : `${base}/v1`,
    apiKey: configString(m.config, 'api_key'),
    includeUsage: true,
    fetch,
  })(m.model);
};
