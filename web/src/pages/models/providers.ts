/** What each provider type needs, as the form asks for it (mirrors the server's model catalogue). */
import type { FieldSpec } from '../../api/errors';
import type { ModelType } from '../../api/wire';

export interface ConfigField {
  key: string;
  label: string;
  secret?: boolean;
  required?: boolean;
  placeholder?: string;
  multiline?: boolean;
  hint?: string;
}

export interface Provider {
  type: ModelType;
  label: string;
  fields: ConfigField[];
}

const apiKey: ConfigField = { key: 'api_key', label: 'API key', secret: true, required: true };

export const PROVIDERS: Provider[] = [
  {
    type: 'open_ai',
    label: 'OpenAI',
    fields: [apiKey, { key: 'base_url', label: 'Base URL', placeholder: 'https://api.openai.com/v1', hint: 'Only for a proxy or gateway.' }],
  },
  {
    type: 'azure',
    label: 'Azure OpenAI',
    fields: [
      apiKey,
      { key: 'azure_endpoint', label: 'Endpoint', required: true, placeholder: 'https://my-resource.openai.azure.com' },
      { key: 'azure_deployment', label: 'Deployment', required: true },
      { key: 'api_version', label: 'API version', required: true, placeholder: '2024-06-01' },
    ],
  },
  { type: 'anthropic', label: 'Anthropic', fields: [apiKey] },
  { type: 'google_ai', label: 'Google AI (Gemini API)', fields: [apiKey] },
  {
    type: 'google_vertex',
    label: 'Google Vertex AI',
    fields: [
      { key: 'credentials', label: 'Service account credentials (JSON)', secret: true, required: true, multiline: true },
      { key: 'project', label: 'Project', required: true },
      { key: 'location', label: 'Location', placeholder: 'us-central1' },
    ],
  },
  { type: 'groq', label: 'Groq', fields: [{ key: 'groq_api_key', label: 'Groq API key', secret: true, required: true }] },
  { type: 'ollama', label: 'Ollama', fields: [{ key: 'base_url', label: 'Base URL', required: true, placeholder: 'http://127.0.0.1:11434' }] },
  {
    type: 'openai_compatible',
    label: 'OpenAI-compatible server',
    fields: [
      { key: 'base_url', label: 'Base URL', required: true, placeholder: 'http://127.0.0.1:8000/v1', hint: 'vLLM, LM Studio, llama.cpp, OpenRouter, …' },
      { key: 'api_key', label: 'API key', secret: true, hint: 'If the server needs one.' },
    ],
  },
  { type: 'fastembed', label: 'FastEmbed (local embeddings)', fields: [] },
];

export function providerOf(type: string): Provider | undefined {
  return PROVIDERS.find((p) => p.type === type);
}

export function providerLabel(type: string): string {
  return providerOf(type)?.label ?? type;
}

export function configFieldName(key: string): string {
  return `config.${key}`;
}

/** The server's words for the model form's fields, for the current provider. */
export function modelFieldSpecs(type: string): FieldSpec[] {
  const config = (providerOf(type)?.fields ?? []).map((f) => ({ name: configFieldName(f.key), labels: [f.label] }));
  return [
    { name: 'name', labels: ['Name'] },
    { name: 'type', labels: ['Type'] },
    { name: 'model', labels: ['Model', '[config.model]'] },
    ...config,
  ];
}

/** models.json's suggestions, whatever their exact shape: per type, or one flat list. */
export function suggestionsFor(suggestions: unknown, type: string): string[] {
  if (Array.isArray(suggestions)) return suggestions.filter((s): s is string => typeof s === 'string');
  if (suggestions && typeof suggestions === 'object') {
    const list = (suggestions as Record<string, unknown>)[type];
    if (Array.isArray(list)) return list.filter((s): s is string => typeof s === 'string');
  }
  return [];
}

export type ModelValues = Record<string, string>;

/** The body of an add or edit: secrets left empty on an edit are not sent, so the saved ones stay. */
export function modelBody(values: ModelValues, editing: boolean): { name: string; type: ModelType; model: string; config: Record<string, string> } {
  const config: Record<string, string> = {};
  for (const f of providerOf(values.type ?? '')?.fields ?? []) {
    const v = (values[configFieldName(f.key)] ?? '').trim();
    if (v === '' && (editing ? f.secret || !f.required : !f.required)) continue;
    config[f.key] = f.multiline ? (values[configFieldName(f.key)] ?? '') : v;
  }
  // The type comes from a select of PROVIDERS; the server checks it all the same.
  return { name: (values.name ?? '').trim(), type: (values.type ?? '') as ModelType, model: (values.model ?? '').trim(), config };
}

export function initialModelValues(model?: { name: string; type: string; model: string; config: Record<string, unknown> } | null): ModelValues {
  const type = model?.type ?? 'open_ai';
  const values: ModelValues = { name: model?.name ?? '', type, model: model?.model ?? '' };
  for (const p of PROVIDERS) for (const f of p.fields) values[configFieldName(f.key)] = '';
  for (const f of providerOf(type)?.fields ?? []) {
    const saved = model?.config[f.key];
    // A saved secret comes back masked: it is shown as a hint, never put back in the field.
    if (!f.secret && typeof saved === 'string') values[configFieldName(f.key)] = saved;
  }
  return values;
}

export function maskedSecret(model: { config: Record<string, unknown> } | null | undefined, key: string): string | null {
  const v = model?.config[key];
  return typeof v === 'string' && v ? v : null;
}
