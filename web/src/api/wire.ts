/**
 * Names for the objects the pages show, taken from the generated schema (the server's own
 * response schemas), so a change on the server shows up here as a type error.
 */
import type { BodyFor, ResponseOf } from './types';

export type Model = ResponseOf<'/{teamId}/models.json', 'get'>['models'][number];
export type ModelSuggestions = ResponseOf<'/{teamId}/models.json', 'get'>['suggestions'];
export type ModelType = BodyFor<'/{teamId}/forms/model/add', 'post'>['type'];
export type Tool = ResponseOf<'/{teamId}/tools.json', 'get'>['tools'][number];
export type Agent = ResponseOf<'/{teamId}/agents.json', 'get'>['agents'][number];
export type Task = ResponseOf<'/{teamId}/tasks.json', 'get'>['tasks'][number];
export type App = ResponseOf<'/{teamId}/apps.json', 'get'>['apps'][number];
export type SharingMode = NonNullable<BodyFor<'/{teamId}/forms/app/add', 'post'>['sharingMode']>;
export type Team = ResponseOf<'/{teamId}/team.json', 'get'>['team'];
export type TeamMember = Team['members'][number];
export type TeamRole = 'TEAM_MEMBER' | 'TEAM_ADMIN';
export type Variable = ResponseOf<'/{teamId}/variables.json', 'get'>['variables'][number];

export type AgentBody = BodyFor<'/{teamId}/forms/agent/add', 'post'>;
export type TaskBody = BodyFor<'/{teamId}/forms/task/add', 'post'>;
export type ChatAppBody = BodyFor<'/{teamId}/forms/app/add', 'post'> & BodyFor<'/{teamId}/forms/app/{appId}/edit', 'post'>;
export type ModelBody = BodyFor<'/{teamId}/forms/model/add', 'post'>;
