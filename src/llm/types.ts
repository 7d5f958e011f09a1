import type { LanguageModel } from 'ai';

/** A model row as the runtime needs it: provider type, model name, config with secrets decrypted. */
export interface RuntimeModel {
  id: string;
  type: string;
  model: string;
  modelType: string;
  config: Record<string, unknown>;
}

export type FetchFn = typeof globalThis.fetch;

/** One adapter per provider type: the only code that knows a provider. */
export type ProviderAdapter = (model: RuntimeModel, fetch: FetchFn) => LanguageModel;

export function configString(config: Record<string, unknown>, key: string): string | undefined {
  const v = config[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * A team's key, or '' — never undefined: given undefined, the provider SDKs read the host's own key
 * from the environment (OPENAI_API_KEY, …), which would let a team's model spend it or send it to
 * the team's own `base_url`.
 */
export function hostFree(key: string | undefined): string {
  return key ?? '';
}

/** Provider SDKs want the base URL without a trailing slash. */
export function trimSlash(url: string | undefined): string | undefined {
  return url?.replace(/\/+$/, '');
}
