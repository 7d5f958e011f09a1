/**
 * What Nimbus knows about model providers: the provider types a model row may have, the config
 * keys each one needs, Agent Cloud's list of model names (offered as suggestions only: any model
 * name is accepted, since the list would block every model released after it), and the vector
 * sizes of well-known embedding models.
 */

export const MODEL_TYPES = [
  'open_ai',
  'azure',
  'anthropic',
  'google_ai',
  'google_vertex',
  'groq',
  'ollama',
  'fastembed',
  'openai_compatible',
] as const;
export type ModelProviderType = (typeof MODEL_TYPES)[number];

export const MODEL_KINDS = ['llm', 'embedding'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

interface ProviderSpec {
  /** Config keys that must be non-empty, checked in this order. */
  required: readonly string[];
  optional: readonly string[];
  /**
   * Config keys the adapter builds the request URL from: where the model's secrets are sent. An
   * edit that changes one must enter the secrets again (see buildModel).
   */
  destination: readonly string[];
}

export const PROVIDERS: Record<ModelProviderType, ProviderSpec> = {
  open_ai: { required: ['api_key'], optional: ['org_id', 'base_url'], destination: ['base_url'] },
  azure: { required: ['api_key', 'azure_endpoint', 'azure_deployment', 'api_version'], optional: [], destination: ['azure_endpoint'] },
  anthropic: { required: ['api_key'], optional: ['base_url'], destination: ['base_url'] },
  google_ai: { required: ['api_key'], optional: [], destination: ['base_url'] },
  // The location is the host's first label (`<location>-aiplatform.googleapis.com`).
  google_vertex: { required: ['credentials', 'project'], optional: ['location', 'temperature'], destination: ['base_url', 'project', 'location'] },
  groq: { required: ['groq_api_key'], optional: [], destination: ['base_url'] },
  ollama: { required: ['base_url'], optional: ['api_key'], destination: ['base_url'] },
  fastembed: { required: [], optional: [], destination: [] },
  // vLLM, LM Studio, OpenRouter, llama.cpp's server, Nimbus's fake LLM…
  openai_compatible: { required: ['base_url'], optional: ['api_key'], destination: ['base_url'] },
};

/** Config keys whose value must be an http(s) URL when given. */
export const URL_KEYS = ['base_url', 'azure_endpoint'] as const;

/** Agent Cloud's ModelList, per provider type. */
export const MODEL_SUGGESTIONS: Record<ModelProviderType, readonly string[]> = {
  open_ai: ['gpt-4o-mini', 'gpt-4o', 'gpt-4-turbo', 'gpt-4', 'text-embedding-3-small', 'text-embedding-3-large', 'text-embedding-ada-002'],
  azure: ['gpt-4o-mini', 'gpt-4o', 'gpt-4'],
  anthropic: ['claude-3-5-sonnet-20240620', 'claude-3-sonnet-20240229', 'claude-3-opus-20240229', 'claude-3-haiku-20240307'],
  google_ai: ['gemini-1.5-pro', 'gemini-1.5-flash', 'gemini-1.0-pro'],
  google_vertex: ['gemini-1.5-pro', 'gemini-1.5-flash', 'gemini-1.0-pro'],
  groq: ['llama3-70b-8192', 'mixtral-8x7b-32768', 'llama3-groq-8b-8192-tool-use-preview', 'llama3-groq-70b-8192-tool-use-preview'],
  ollama: [
    'llama2',
    'llama3',
    'llama3:8b',
    'llama3:70b',
    'llama3:70b-instruct',
    'llama3.1',
    'llama3-groq-tool-use',
    'dolphin-llama3:256k',
    'dolphin-llama3:70b',
    'dolphin-llama3:8b-256k',
    'phi3',
    'phi3:instruct',
    'llama3:8b-instruct-fp16',
    'mixtral:instruct',
    'nomic-embed-text',
  ],
  fastembed: ['fast-bge-small-en', 'fast-bge-base-en', 'fast-all-MiniLM-L6-v2', 'fast-multilingual-e5-large'],
  openai_compatible: [],
};

/**
 * Vector sizes of the embedding models Agent Cloud knows; a model here is an embedding model.
 * Agent Cloud lists nomic-embed-text at 8192 (its context length); its vectors have 768 dimensions.
 */
export const EMBEDDING_LENGTHS: Readonly<Record<string, number>> = {
  'text-embedding-3-large': 3072,
  'text-embedding-3-small': 1536,
  'text-embedding-ada-002': 1536,
  'fast-bge-small-en': 384,
  'fast-bge-base-en': 768,
  'fast-all-MiniLM-L6-v2': 384,
  'fast-multilingual-e5-large': 1024,
  'nomic-embed-text': 768,
};

export function isModelProviderType(value: unknown): value is ModelProviderType {
  return typeof value === 'string' && (MODEL_TYPES as readonly string[]).includes(value);
}

export function knownEmbeddingLength(model: string): number | undefined {
  return Object.hasOwn(EMBEDDING_LENGTHS, model) ? EMBEDDING_LENGTHS[model] : undefined;
}
