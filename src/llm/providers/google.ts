import { createPrivateKey } from 'node:crypto';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createVertex } from '@ai-sdk/google-vertex';
import { ValidationError } from '../../shared/errors.js';
import { configString, hostFree, trimSlash, type ProviderAdapter } from '../types.js';

export const googleAiAdapter: ProviderAdapter = (m, fetch) =>
  createGoogleGenerativeAI({ apiKey: hostFree(configString(m.config, 'api_key')), baseURL: trimSlash(configString(m.config, 'base_url')), fetch })(m.model);

/** The only token endpoint a key may name: google-auth-library does not read the field today, a later version might. */
const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';
const OPTIONAL_KEY_FIELDS = ['project_id', 'private_key_id', 'client_id'] as const;
const NOT_A_KEY = '[credentials] must be a Google service account key: the JSON with "type": "service_account", "client_email" and "private_key"';

export interface ServiceAccountKey {
  type: 'service_account';
  client_email: string;
  private_key: string;
  project_id?: string;
  private_key_id?: string;
  client_id?: string;
  token_uri?: string;
}

/**
 * A Vertex `credentials` value (an object or its JSON text) as a service-account key holding only
 * the fields google-auth-library needs. Any other credential type is refused: `external_account`
 * makes the library read local files and fetch URLs of the key's choosing, `authorized_user` and
 * the impersonation types call token URLs of its choosing, and a key without a type is read as
 * whatever the library guesses.
 */
export function serviceAccountKey(raw: unknown): ServiceAccountKey {
  let json = raw;
  if (typeof raw === 'string') {
    try {
      json = JSON.parse(raw);
    } catch {
      throw new ValidationError(NOT_A_KEY);
    }
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new ValidationError(NOT_A_KEY);
  const k = json as Record<string, unknown>;
  if (k.type !== 'service_account') throw new ValidationError(`${NOT_A_KEY}; other credential types are not accepted`);
  if (typeof k.client_email !== 'string' || k.client_email.trim() === '') throw new ValidationError(NOT_A_KEY);
  if (typeof k.private_key !== 'string' || !isPrivateKeyPem(k.private_key)) throw new ValidationError('[credentials] private_key is not a PEM private key');
  if (k.token_uri !== undefined && k.token_uri !== GOOGLE_TOKEN_URI) throw new ValidationError(`[credentials] token_uri must be ${GOOGLE_TOKEN_URI}`);
  const key: ServiceAccountKey = { type: 'service_account', client_email: k.client_email.trim(), private_key: k.private_key };
  for (const f of OPTIONAL_KEY_FIELDS) if (typeof k[f] === 'string' && k[f] !== '') key[f] = k[f];
  if (k.token_uri !== undefined) key.token_uri = GOOGLE_TOKEN_URI;
  return key;
}

function isPrivateKeyPem(pem: string): boolean {
  if (!pem.includes('-----BEGIN')) return false;
  try {
    createPrivateKey(pem);
    return true;
  } catch {
    return false;
  }
}

/**
 * How a Vertex model authenticates: an express-mode `api_key`, else its service-account key.
 * Never neither: @ai-sdk/google-vertex would then use the host's own Google credentials (ADC,
 * the metadata server) and send them to the model's endpoint.
 */
export function vertexAuth(config: Record<string, unknown>): { apiKey?: string; credentials?: ServiceAccountKey } {
  const location = configString(config, 'location');
  // It becomes the host name (`<location>-aiplatform.googleapis.com`): `evil.test#` would not be Google.
  if (location !== undefined && !/^[a-z0-9-]+$/.test(location)) throw new ValidationError('[location] is an invalid value');
  const raw = config.credentials;
  const credentials = raw === undefined || raw === null || raw === '' ? undefined : serviceAccountKey(raw);
  const apiKey = configString(config, 'api_key');
  if (!apiKey && !credentials) throw new ValidationError('This Vertex AI model has no credentials: enter its service account key in the model settings');
  return { apiKey, credentials };
}

/**
 * Vertex AI: a service-account `credentials` key (or an express-mode `api_key`) and a project.
 * A `base_url` is allowed: the model calls go through the guarded `fetch`, and what they carry is
 * this model's own key or the token of its own service account, never a host credential. (The
 * token itself is fetched by google-auth-library from Google's fixed token endpoint.)
 */
export const googleVertexAdapter: ProviderAdapter = (m, fetch) => {
  const { apiKey, credentials } = vertexAuth(m.config);
  return createVertex({
    project: configString(m.config, 'project'),
    location: configString(m.config, 'location') ?? 'us-central1',
    // Never undefined: that reads GOOGLE_VERTEX_API_KEY from the host's environment.
    apiKey: hostFree(apiKey),
    baseURL: trimSlash(configString(m.config, 'base_url')),
    // Only `credentials`: no keyFile, no clientOptions, nothing from which the library loads more.
    googleAuthOptions: credentials ? { credentials } : undefined,
    fetch,
  })(m.model);
};
