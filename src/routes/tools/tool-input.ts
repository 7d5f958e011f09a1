import { ValidationError } from '../../shared/errors.js';
import { isId } from '../../shared/ids.js';
import { isEchoedMask, keptSecrets, maskedLeftover, placeSecrets } from '../../shared/secrets.js';
import type { ToolRecord } from '../../db/repositories/tool.repository.js';

export const TOOL_TYPES = ['function', 'rag', 'builtin'] as const;
export type ToolType = (typeof TOOL_TYPES)[number];
export const RETRIEVERS = ['raw', 'self_query', 'time_weighted', 'multi_query'] as const;
/** Agent Cloud's Python runtimes, plus JavaScript, which Nimbus runs in its own sandbox. */
export const RUNTIMES = ['python312', 'python311', 'python310', 'python39', 'python38', 'javascript'] as const;

export interface ToolInput {
  name: string;
  type: ToolType;
  description?: string | null;
  data?: Record<string, unknown> | null;
  schema?: string | null;
  datasourceId?: unknown;
  retriever?: unknown;
  retriever_config?: Record<string, unknown> | null;
  parameters?: Record<string, unknown> | null;
  linkedToolId?: unknown;
  ragFilters?: unknown;
}

/** A tool body that passed validation, split into what is stored in clear and what is sealed. */
export interface CheckedTool {
  type: ToolType;
  name: string;
  description: string;
  /** Still holds its secret-named fields in clear: the repository seals them. */
  data: Record<string, unknown>;
  environmentVariables: Record<string, string> | null;
  retriever: string | null;
  retrieverConfig: Record<string, unknown>;
  ragFilters: Record<string, unknown> | null;
  linkedToolId: string | null;
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Agent Cloud's toSnakeCase: the function name a model sees. */
export function snakeCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * Agent Cloud's validateTool and the checks that follow it, in its order; the first failure is
 * the answer. `stored` is the edited tool: an environment value sent back as its mask keeps the
 * stored one, and so does a data secret sent back masked or omitted.
 */
export function checkTool(input: ToolInput, stored: Pick<ToolRecord, 'environmentVariables' | 'dataSecrets' | 'data'> | null): CheckedTool {
  const { type } = input;
  const data = input.data ?? {};
  if (type === 'function' && snakeCase(input.name) === '') throw new ValidationError('Name is an invalid value');

  if (type === 'rag') {
    if (isEmpty(input.retriever)) throw new ValidationError('[retriever] is empty');
    if (!(RETRIEVERS as readonly unknown[]).includes(input.retriever)) throw new ValidationError('[retriever] is an invalid value');
    if (typeof input.description !== 'string' || input.description.length < 2) throw new ValidationError('[description] is too short');
    if (!isId(input.datasourceId)) throw new ValidationError('Invalid data sources');
    // Datasources arrive with the RAG issue: until then no id names one of the team's.
    throw new ValidationError('Invalid data sources');
  }
  if (isEmpty(data.description)) throw new ValidationError('Description is empty');
  if (typeof data.description !== 'string') throw new ValidationError('Description is an invalid type, should be "string"');
  if (isEmpty(data.parameters)) throw new ValidationError('Parameters is empty');
  if (type === 'function' && isEmpty(data.environmentVariables)) throw new ValidationError('[data.environmentVariables] is empty');
  const environmentVariables = checkEnvironment(data.environmentVariables, stored?.environmentVariables ?? null);

  let ragFilters: Record<string, unknown> | null = null;
  if (type !== 'function' && input.ragFilters != null) {
    if (!isRagFilter(input.ragFilters)) throw new ValidationError('Invalid Filters');
    ragFilters = Object.keys(input.ragFilters).length > 0 ? input.ragFilters : null;
  }
  if (data.runtime && !(RUNTIMES as readonly unknown[]).includes(data.runtime)) throw new ValidationError('Invalid runtime');
  if (input.linkedToolId != null && input.linkedToolId !== '' && !isId(input.linkedToolId)) {
    throw new ValidationError('Invalid linked tool ID');
  }

  const { environmentVariables: _sealed, ...submitted } = data;
  const clear = stored ? placeSecrets(submitted, keptSecrets(submitted, stored.dataSecrets, stored.data)) : submitted;
  // A mask that did not come back to its own place would otherwise be stored as the secret itself.
  const leftover = maskedLeftover(clear);
  if (leftover) throw new ValidationError(`[data.${leftover}] is a hidden value shown by Nimbus: enter the secret itself`);
  return {
    type,
    name: input.name,
    description: input.description ?? (data.description as string),
    data: { ...clear, builtin: false, name: type === 'function' ? snakeCase(input.name) : input.name },
    environmentVariables,
    retriever: null,
    retrieverConfig: input.retriever_config ?? {},
    ragFilters,
    linkedToolId: isId(input.linkedToolId) ? input.linkedToolId : null,
  };
}

/** Environment variables are a name → string map; numbers and booleans are taken as text. */
function checkEnvironment(value: unknown, stored: Record<string, string> | null): Record<string, string> | null {
  if (value === undefined || value === null) return null;
  if (!isPlainObject(value)) throw new ValidationError('[data.environmentVariables] is an invalid value');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (isEchoedMask(v, stored?.[k])) out[k] = stored![k]!;
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
    else throw new ValidationError('[data.environmentVariables] is an invalid value');
  }
  return out;
}

/** Qdrant-style `{must?, should?, must_not?: [{key, match: {value | any | except}}]}`. */
function isRagFilter(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  for (const [k, list] of Object.entries(value)) {
    if (k !== 'must' && k !== 'should' && k !== 'must_not') return false;
    if (!Array.isArray(list)) return false;
    for (const cond of list) {
      if (!isPlainObject(cond) || typeof cond.key !== 'string' || !isPlainObject(cond.match)) return false;
      const m = cond.match;
      const scalar = (x: unknown) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
      const ok = ('value' in m && scalar(m.value)) || ('any' in m && Array.isArray(m.any)) || ('except' in m && Array.isArray(m.except));
      if (!ok) return false;
    }
  }
  return true;
}
