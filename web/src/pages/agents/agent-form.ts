import type { Agent, AgentBody } from '../../api/wire';

export const AGENT_FIELDS = [
  { name: 'name', labels: ['Name', 'Duplicate agent name'] },
  { name: 'role', labels: ['Role'] },
  { name: 'goal', labels: ['Goal'] },
  { name: 'backstory', labels: ['Backstory'] },
  { name: 'modelId', labels: ['Model', 'Invalid model ID', 'Agent model'] },
  { name: 'functionModelId', labels: ['Function Calling Model', 'Invalid function calling model ID'] },
  { name: 'toolIds', labels: ['Invalid Tools', 'Invalid tool IDs', 'Tools'] },
  { name: 'variableIds', labels: ['Invalid Variables', 'Variable with ID', 'Variables'] },
  { name: 'maxIter', labels: ['Max Iterations', 'Max Iter'] },
  { name: 'maxRPM', labels: ['Max RPM', 'Max Requests Per Minute'] },
];

export interface AgentValues {
  name: string;
  role: string;
  goal: string;
  backstory: string;
  modelId: string;
  functionModelId: string;
  toolIds: string[];
  variableIds: string[];
  maxIter: string;
  maxRPM: string;
  verbose: boolean;
  allowDelegation: boolean;
}

export function initialAgentValues(agent: Agent | null, defaultModelId = ''): AgentValues {
  return {
    name: agent?.name ?? '',
    role: agent?.role ?? '',
    goal: agent?.goal ?? '',
    backstory: agent?.backstory ?? '',
    modelId: agent?.modelId ?? defaultModelId,
    functionModelId: agent?.functionModelId ?? '',
    toolIds: agent?.toolIds ?? [],
    variableIds: agent?.variableIds ?? [],
    maxIter: agent?.maxIter == null ? '' : String(agent.maxIter),
    maxRPM: agent?.maxRPM == null ? '' : String(agent.maxRPM),
    verbose: agent?.verbose ?? false,
    allowDelegation: agent?.allowDelegation ?? false,
  };
}

/** A number field left empty means "no limit" (null); anything else goes as typed, for the server to judge. */
function optionalNumber(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : (t as unknown as number);
}

export function agentBody(v: AgentValues): AgentBody {
  return {
    name: v.name.trim(),
    role: v.role.trim(),
    goal: v.goal.trim(),
    backstory: v.backstory.trim(),
    modelId: v.modelId,
    functionModelId: v.functionModelId || null,
    toolIds: v.toolIds,
    variableIds: v.variableIds,
    maxIter: optionalNumber(v.maxIter),
    maxRPM: optionalNumber(v.maxRPM),
    verbose: v.verbose,
    allowDelegation: v.allowDelegation,
  };
}
