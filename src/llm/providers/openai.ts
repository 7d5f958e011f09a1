import { createOpenAI } from '@ai-sdk/openai';
import { configString, hostFree, trimSlash, type ProviderAdapter } from '../types.js';

// Chat Completions rather than the Responses API: it is what OpenAI-compatible gateways speak too.
export const openaiAdapter: ProviderAdapter = (m, fetch) =>
  createOpenAI({
    apiKey: hostFree(configString(m.config, 'api_key')),
    organization: configString(m.config, 'org_id'),
    baseURL: trimSlash(configString(m.config, 'base_url')),
    fetch,
  }).chat(m.model);
