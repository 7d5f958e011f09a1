/** Query keys and reads shared by several pages, so one write refreshes every view of it. */
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { ResponseOf } from './types';

export const keys = {
  account: (teamId: string | null) => ['account', teamId] as const,
  apikeys: ['apikeys'] as const,
  team: (teamId: string) => ['team', teamId] as const,
  models: (teamId: string) => ['models', teamId] as const,
  model: (teamId: string, id: string) => ['models', teamId, id] as const,
  agents: (teamId: string) => ['agents', teamId] as const,
  agent: (teamId: string, id: string) => ['agents', teamId, id] as const,
  tasks: (teamId: string) => ['tasks', teamId] as const,
  task: (teamId: string, id: string) => ['tasks', teamId, id] as const,
  apps: (teamId: string) => ['apps', teamId] as const,
  app: (teamId: string, id: string) => ['apps', teamId, id] as const,
  variables: (teamId: string) => ['variables', teamId] as const,
  sessions: (teamId: string) => ['sessions', teamId] as const,
  session: (teamId: string, id: string) => ['sessions', teamId, id] as const,
};

export type AccountEnvelope = ResponseOf<'/account.json', 'get'>;
export type Account = AccountEnvelope['account'];

export function useAccountQuery(teamId: string | null) {
  return useQuery({
    queryKey: keys.account(teamId),
    queryFn: () => api.get('/account.json', teamId ? { query: { resourceSlug: teamId } } : undefined),
  });
}

export function useModels(teamId: string) {
  return useQuery({
    queryKey: keys.models(teamId),
    queryFn: () => api.get('/{teamId}/models.json', { path: { teamId } }),
  });
}

export interface TeamChoice {
  orgId: string;
  orgName: string;
  teamId: string;
  teamName: string;
}

/** Every team the account belongs to, org by org, from account.orgs. */
export function teamsOf(account: Account | undefined): TeamChoice[] {
  if (!account) return [];
  const out: TeamChoice[] = [];
  for (const org of account.orgs) {
    for (const team of org.teams) {
      out.push({ orgId: org.id, orgName: org.name, teamId: team.id, teamName: typeof team.name === 'string' ? team.name : team.id });
    }
  }
  return out;
}
