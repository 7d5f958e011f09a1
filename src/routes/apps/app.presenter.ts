import { z } from 'zod';
import type { apps, crews } from '../../db/schema.js';

export type AppRow = typeof apps.$inferSelect;
export type CrewRow = typeof crews.$inferSelect;

export const crewJson = z.looseObject({
  _id: z.string(),
  name: z.string(),
  tasks: z.array(z.string()),
  agents: z.array(z.string()),
  process: z.string(),
  managerModelId: z.string().nullable(),
});

export const appJson = z.looseObject({
  _id: z.string(),
  orgId: z.string(),
  teamId: z.string(),
  name: z.string(),
  description: z.string(),
  type: z.enum(['chat', 'crew']),
  tags: z.array(z.string()),
  sharingConfig: z.object({ mode: z.string(), permissions: z.record(z.string(), z.string()) }),
  chatAppConfig: z.looseObject({ agentId: z.string(), conversationStarters: z.array(z.string()) }).optional(),
  crewId: z.string().optional(),
  crew: crewJson.optional(),
});
export type AppJson = z.infer<typeof appJson>;

export function presentCrew(c: CrewRow) {
  return {
    _id: c.id,
    orgId: c.orgId,
    teamId: c.teamId,
    name: c.name,
    tasks: c.tasks,
    agents: c.agents,
    process: c.process,
    managerModelId: c.managerModelId,
    verbose: c.verbose,
    fullOutput: c.fullOutput,
  };
}

/** An app as the reference's reads show it, with its crew joined in for crew apps. */
export function presentApp(row: AppRow, crew?: CrewRow | null): AppJson {
  const base = {
    _id: row.id,
    orgId: row.orgId,
    teamId: row.teamId,
    createdBy: row.createdBy,
    name: row.name,
    description: row.description,
    type: row.type as 'chat' | 'crew',
    author: row.author,
    tags: row.tags,
    icon: row.icon ?? null,
    sharingConfig: { mode: row.sharingMode, permissions: row.sharingPermissions },
    shareLinkShareId: row.shareLinkShareId ?? undefined,
    kickOffVariablesIds: row.kickOffVariablesIds,
    dateCreated: row.createdAt.toISOString(),
  };
  if (row.type === 'chat') {
    return {
      ...base,
      chatAppConfig: {
        agentId: row.chatAppConfig?.agentId ?? '',
        conversationStarters: row.chatAppConfig?.conversationStarters ?? [],
        maxMessages: row.chatAppConfig?.maxMessages ?? null,
      },
    };
  }
  return {
    ...base,
    crewId: row.crewId ?? undefined,
    memory: row.memory,
    cache: row.cache,
    crew: crew ? presentCrew(crew) : undefined,
  };
}
