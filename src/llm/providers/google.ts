import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createVertex } from '@ai-sdk/google-vertex';
import { configString, trimSlash, type ProviderAdapter } from '../types.js';

export const googleAiAdapter: ProviderAdapter = (m, fetch) =>
  createGoogleGenerativeAI({ apiKey: configString(m.config, 'api_key'), baseURL: trimSlash(configString(m.config, 'base_url')), fetch })(m.model);

/** Vertex AI: a service-account `credentials` JSON (or an express-mode `api_key`) and a project. */
export const googleVertexAdapter: ProviderAdapter = (m, fetch) => {
  const raw = m.config.credentials;
  let credentials: Record<string, unknown> | undefined;
  if (typeof raw === 'string' && raw.trim().startsWith('{')) credentials = JSON.parse(raw) as Record<string, unknown>;
  else if (raw && typeof raw === 'object') credentials = raw as Record<string, unknown>;
  return createVertex({
    project: configString(m.config, 'project'),
    location: configString(m.config, 'location') ?? 'us-central1',
    apiKey: configString(m.config, 'api_key'),
    baseURL: trimSlash(configString(m.config, 'base_url')),
    googleAuthOptions: credentials ? { credentials } : undefined,
    fetch,
  })(m.model);
};
