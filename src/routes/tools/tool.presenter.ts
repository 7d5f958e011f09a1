import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { ToolRepository, type ToolRecord } from '../../db/repositories/tool.repository.js';
import { BUILTIN_TOOLS, type BuiltinToolInfo } from '../../tools/builtin-catalog.js';
import { maskAll } from '../../shared/secrets.js';

export const toolJson = z.looseObject({
  _id: z.string(),
  name: z.string(),
  description: z.string(),
  type: z.string().describe('function | rag | builtin'),
  state: z.string().nullable(),
  data: z
    .looseObject({ builtin: z.boolean(), name: z.string() })
    .describe('data.environmentVariables values, and string fields of data at any depth whose name looks secret (apiKey, token, headers.Authorization, …), are masked'),
});
export type ToolJson = z.infer<typeof toolJson>;

/** The Agent Cloud shape of a team tool. Environment variable values leave only masked; the record's data already holds masks for its secrets. */
export function presentTool(t: ToolRecord): ToolJson {
  const data: Record<string, unknown> = { ...t.data, builtin: false, name: typeof t.data.name === 'string' ? t.data.name : t.name };
  if (t.environmentVariables) data.environmentVariables = maskAll(t.environmentVariables);
  return {
    _id: t.id,
    orgId: t.orgId,
    teamId: t.teamId,
    name: t.name,
    description: t.description,
    type: t.type,
    schema: t.schema,
    datasourceId: t.datasourceId,
    retriever_type: t.retrieverType,
    retriever_config: t.retrieverConfig,
    state: t.state,
    data: data as ToolJson['data'],
    parameters: t.parameters,
    requiredParameters: t.requiredParameters,
    ragFilters: t.ragFilters,
    linkedToolId: t.linkedToolId,
    functionId: t.functionId,
    functionLogs: null,
    icon: t.icon,
    dateCreated: t.createdAt.toISOString(),
  };
}

/** A global built-in tool, as Agent Cloud shows its seeded ones. */
export function presentBuiltinTool(b: BuiltinToolInfo): ToolJson {
  return {
    _id: b.id,
    name: b.name,
    description: b.description,
    type: 'builtin',
    data: { builtin: true, name: b.functionName, description: b.description, parameters: b.parameters },
    state: 'ready',
  };
}

/** Built-in tools then the team's, as every envelope that lists tools (agents.json, tasks.json, …) shows them. */
export async function listTools(ctx: Pick<AppContext, 'db' | 'keyring'>, teamId: string): Promise<ToolJson[]> {
  const rows = await new ToolRepository(ctx.db, ctx.keyring).list(teamId);
  return [...BUILTIN_TOOLS.map(presentBuiltinTool), ...rows.map(presentTool)];
}
