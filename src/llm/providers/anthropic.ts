import { createAnthropic } from '@ai-sdk/anthropic';
import { configString, trimSlash, type ProviderAdapter } from '../types.js';

export const anthropicAdapter: ProviderAdapter = (m, fetch) =>
  createAnthropic({ apiKey: configString(m.config, 'api_key'), baseURL: trimSlash(configString(m.config, 'base_url')), fetch })(m.model);
