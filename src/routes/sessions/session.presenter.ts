import { z } from 'zod';
import type { SessionRow } from '../../db/repositories/session.repository.js';

export const sessionJson = z.looseObject({
  _id: z.string(),
  orgId: z.string(),
  teamId: z.string(),
  name: z.string(),
  startDate: z.string(),
  lastUpdatedDate: z.string(),
  tokensUsed: z.number(),
  status: z.enum(['started', 'running', 'waiting', 'warning', 'error', 'terminated']),
  appId: z.string(),
  sharingConfig: z.object({ mode: z.string(), permissions: z.record(z.string(), z.string()) }),
  variables: z.record(z.string(), z.string()).nullable(),
});
export type SessionJson = z.infer<typeof sessionJson>;

export function presentSession(row: SessionRow): SessionJson {
  return {
    _id: row.id,
    orgId: row.orgId,
    teamId: row.teamId,
    name: row.name,
    startDate: row.startDate.toISOString(),
    lastUpdatedDate: row.lastUpdatedDate.toISOString(),
    tokensUsed: row.tokensUsed,
    status: row.status as SessionJson['status'],
    appId: row.appId,
    previewLabel: row.previewLabel ?? undefined,
    sharingConfig: { mode: row.sharingMode, permissions: row.sharingPermissions },
    variables: row.variables ?? null,
    error: row.errorMessage ?? undefined,
    createdBy: row.createdBy,
  };
}
