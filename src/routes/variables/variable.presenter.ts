import { z } from 'zod';
import type { VariableRow } from '../../db/repositories/variable.repository.js';

export const variableJson = z.object({
  _id: z.string(),
  orgId: z.string(),
  teamId: z.string(),
  name: z.string(),
  defaultValue: z.string(),
  description: z.string().nullable(),
  createdBy: z.string().nullable(),
  createDate: z.string(),
  usedInAgents: z.array(z.string()),
  usedInTasks: z.array(z.string()),
});
export type VariableJson = z.infer<typeof variableJson>;

export function presentVariable(row: VariableRow, usage?: { agents: string[]; tasks: string[] }): VariableJson {
  return {
    _id: row.id,
    orgId: row.orgId,
    teamId: row.teamId,
    name: row.name,
    defaultValue: row.defaultValue,
    description: row.description,
    createdBy: row.createdBy,
    createDate: row.createdAt.toISOString(),
    usedInAgents: usage?.agents ?? [],
    usedInTasks: usage?.tasks ?? [],
  };
}
