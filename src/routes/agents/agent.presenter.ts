import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AgentRepository, type AgentRow } from '../../db/repositories/agent.repository.js';

export const agentJson = z.object({
  _id: z.string(),
  orgId: z.string(),
  teamId: z.string(),
  name: z.string(),
  role: z.string(),
  goal: z.string(),
  backstory: z.string(),
  modelId: z.string().nullable().describe('null once its model was deleted'),
  functionModelId: z.string().nullable(),
  maxIter: z.number().nullable(),
  maxRPM: z.number().nullable(),
  verbose: z.boolean(),
  allowDelegation: z.boolean(),
  toolIds: z.array(z.string()).describe('Team tools and built-in tools'),
  variableIds: z.array(z.string()),
  icon: z.looseObject({}).nullable(),
  dateCreated: z.string(),
});
export type AgentJson = z.infer<typeof agentJson>;

/** The Agent Cloud shape of an agent. */
export function presentAgent(a: AgentRow): AgentJson {
  return {
    _id: a.id,
    orgId: a.orgId,
    teamId: a.teamId,
    name: a.name,
    role: a.role,
    goal: a.goal,
    backstory: a.backstory,
    modelId: a.modelId,
    functionModelId: a.functionModelId,
    maxIter: a.maxIter,
    maxRPM: a.maxRpm,
    verbose: a.verbose,
    allowDelegation: a.allowDelegation,
    toolIds: a.toolIds,
    variableIds: a.variableIds,
    icon: a.icon ?? null,
    dateCreated: a.createdAt.toISOString(),
  };
}

/** The team's agents as every envelope that lists them (tasks.json, apps.json, …) shows them. */
export async function listAgents(ctx: Pick<AppContext, 'db'>, teamId: string): Promise<AgentJson[]> {
  return (await new AgentRepository(ctx.db).list(teamId)).map(presentAgent);
}
