import { createAnthropic } from '@ai-sdk/anthropic';
import { configString, hostFree, trimSlash, type ProviderAdapter } from '../types.js';

export const anthropicAdapter: ProviderAdapter = (m, fetch) =>
  createAnthropic({ apiKey: hostFree(configString(m.config, 'api_key')), baseURL: trimSlash(configString(m.config, 'base_url')), fetch })(m.model);
