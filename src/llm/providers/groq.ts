import { createGroq } from '@ai-sdk/groq';
import { configString, hostFree, trimSlash, type ProviderAdapter } from '../types.js';

export const groqAdapter: ProviderAdapter = (m, fetch) =>
  createGroq({
    apiKey: hostFree(configString(m.config, 'groq_api_key') ?? configString(m.config, 'api_key')),
    baseURL: trimSlash(configString(m.config, 'base_url')),
    fetch,
  })(m.model);
