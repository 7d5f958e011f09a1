import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// Every id is a 24-hex ObjectId-style string made by the server (src/shared/ids.ts).
const id = () => text('id').primaryKey();
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const created = () => ts('created_at').notNull().defaultNow();
const ids = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

// ---------------------------------------------------------------------------------------------
// Identity and tenancy

export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    emailVerified: boolean('email_verified').notNull().default(true),
    currentOrgId: text('current_org_id'),
    currentTeamId: text('current_team_id'),
    role: text('role'),
    createdAt: created(),
  },
  (t) => [uniqueIndex('accounts_email_key').on(t.email)],
);

export const orgs = pgTable('orgs', {
  id: id(),
  name: text('name').notNull(),
  ownerId: text('owner_id').notNull(),
  createdAt: created(),
});

export const teams = pgTable(
  'teams',
  {
    id: id(),
    orgId: text('org_id').notNull(),
    name: text('name').notNull(),
    ownerId: text('owner_id').notNull(),
    defaultLlmModelId: text('default_llm_model_id'),
    defaultEmbeddingModelId: text('default_embedding_model_id'),
    createdAt: created(),
  },
  (t) => [index('teams_org_idx').on(t.orgId)],
);

/** Org role of an account: ORG_ADMIN or ORG_MEMBER (owner is orgs.owner_id). */
export const orgMembers = pgTable(
  'org_members',
  {
    orgId: text('org_id').notNull(),
    accountId: text('account_id').notNull(),
    role: text('role').notNull(),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.accountId] }), index('org_members_account_idx').on(t.accountId)],
);

/** Team role of an account: TEAM_ADMIN or TEAM_MEMBER (owner is teams.owner_id). */
export const teamMembers = pgTable(
  'team_members',
  {
    teamId: text('team_id').notNull(),
    accountId: text('account_id').notNull(),
    orgId: text('org_id').notNull(),
    role: text('role').notNull(),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.accountId] }), index('team_members_account_idx').on(t.accountId)],
);

/**
 * An invitation of an existing account into a team. It waits until that account, logged in,
 * accepts it with the link's secret: an invite never adds anyone on its own, since an e-mail
 * address proves nothing here (anyone may sign up with any address).
 */
export const teamInvites = pgTable(
  'team_invites',
  {
    id: id(),
    teamId: text('team_id').notNull(),
    orgId: text('org_id').notNull(),
    accountId: text('account_id').notNull(),
    role: text('role').notNull(),
    secretHash: text('secret_hash').notNull(),
    invitedBy: text('invited_by').notNull(),
    expiresAt: ts('expires_at').notNull(),
    createdAt: created(),
  },
  // One pending invite per account and team: a second invite replaces the first, link and all.
  (t) => [uniqueIndex('team_invites_team_account_key').on(t.teamId, t.accountId), index('team_invites_account_idx').on(t.accountId)],
);

/**
 * Bearer credentials: login sessions, API keys and password links. Only a SHA-256 of the secret is
 * stored; the token is `nmb_<id><secret>` (src/auth/tokens.ts), so a lookup is by primary key and
 * revocation is a delete.
 */
export const credentials = pgTable(
  'credentials',
  {
    id: id(),
    accountId: text('account_id').notNull(),
    kind: text('kind').notNull(), // 'login' | 'api_key'
    secretHash: text('secret_hash').notNull(),
    name: text('name'),
    description: text('description'),
    expiresAt: ts('expires_at'),
    lastUsedAt: ts('last_used_at'),
    createdAt: created(),
  },
  (t) => [index('credentials_account_idx').on(t.accountId, t.kind)],
);

// ---------------------------------------------------------------------------------------------
// Building blocks (team-scoped: team_id leads every index)

export const models = pgTable(
  'models',
  {
    id: id(),
    teamId: text('team_id').notNull(),
    orgId: text('org_id').notNull(),
    name: text('name').notNull(),
    model: text('model').notNull(),
    type: text('type').notNull(),
    modelType: text('model_type').notNull(), // 'llm' | 'embedding'
    embeddingLength: integer('embedding_length').notNull().default(0),
    /** Non-secret config keys, returned as they are. */
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    /** Secret config keys (api_key, credentials, …): AES-256-GCM with a key derived from NIMBUS_SECRET. */
    secrets: text('secrets'),
    createdAt: created(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('models_team_idx').on(t.teamId, t.id)],
);

export const variables = pgTable(
  'variables',
  {
    id: id(),
    teamId: text('team_id').notNull(),
    orgId: text('org_id').notNull(),
    name: text('name').notNull(),
    defaultValue: text('default_value').notNull(),
    description: text('description'),
    createdBy: text('created_by'),
    createdAt: created(),
  },
  (t) => [uniqueIndex('variables_team_name_key').on(t.teamId, t.name)],
);

export const tools = pgTable(
  'tools',
  {
    id: id(),
    teamId: text('team_id').notNull(),
    orgId: text('org_id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    type: text('type').notNull(), // 'function' | 'rag' | 'builtin'
    schema: text('schema'),
    datasourceId: text('datasource_id'),
    retrieverType: text('retriever_type'),
    retrieverConfig: jsonb('retriever_config').$type<Record<string, unknown>>().notNull().default({}),
    state: text('state'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** Encrypted tool secrets (environment variables of function tools). */
    secrets: text('secrets'),
    parameters: jsonb('parameters').$type<Record<string, unknown>>(),
    requiredParameters: jsonb('required_parameters').$type<Record<string, unknown>>(),
    ragFilters: jsonb('rag_filters').$type<Record<string, unknown>>(),
    linkedToolId: text('linked_tool_id'),
    functionId: text('function_id'),
    icon: jsonb('icon').$type<Record<string, unknown>>(),
    createdAt: created(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('tools_team_idx').on(t.teamId, t.id)],
);

export const agents = pgTable(
  'agents',
  {
    id: id(),
    teamId: text('team_id').notNull(),
    orgId: text('org_id').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    goal: text('goal').notNull(),
    backstory: text('backstory').notNull(),
    modelId: text('model_id'),
    functionModelId: text('function_model_id'),
    maxIter: integer('max_iter'),
    maxRpm: integer('max_rpm'),
    verbose: boolean('verbose').notNull().default(false),
    allowDelegation: boolean('allow_delegation').notNull().default(false),
    toolIds: ids('tool_ids'),
    variableIds: ids('variable_ids'),
    icon: jsonb('icon').$type<Record<string, unknown>>(),
    createdAt: created(),
  },
  (t) => [index('agents_team_idx').on(t.teamId, t.id)],
);

export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    teamId: text('team_id').notNull(),
    orgId: text('org_id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    expectedOutput: text('expected_output').notNull().default(''),
    agentId: text('agent_id'),
    toolIds: ids('tool_ids'),
    context: ids('context'),
    variableIds: ids('variable_ids'),
    asyncExecution: boolean('async_execution').notNull().default(false),
    requiresHumanInput: boolean('requires_human_input').notNull().default(false),
    displayOnlyFinalOutput: boolean('display_only_final_output').notNull().default(false),
    storeTaskOutput: boolean('store_task_output').notNull().default(false),
    taskOutputFileName: text('task_output_file_name'),
    isStructuredOutput: boolean('is_structured_output').notNull().default(false),
    taskOutputVariableName: text('task_output_variable_name'),
    formFields: jsonb('form_fields').$type<Record<string, unknown>[]>().notNull().default([]),
    icon: jsonb('icon').$type<Record<string, unknown>>(),
    createdAt: created(),
  },
  (t) => [index('tasks_team_idx').on(t.teamId, t.id)],
);

export const crews = pgTable(
  'crews',
  {
    id: id(),
    teamId: text('team_id').notNull(),
    orgId: text('org_id').notNull(),
    name: text('name').notNull(),
    tasks: ids('tasks'),
    agents: ids('agents'),
    process: text('process').notNull().default('sequential'),
    managerModelId: text('manager_model_id'),
    verbose: boolean('verbose').notNull().default(false),
    fullOutput: boolean('full_output').notNull().default(false),
    createdAt: created(),
  },
  (t) => [index('crews_team_idx').on(t.teamId, t.id)],
);

export interface ChatAppConfig {
  agentId: string;
  conversationStarters: string[];
  maxMessages?: number | null;
}

export const apps = pgTable(
  'apps',
  {
    id: id(),
    teamId: text('team_id').notNull(),
    orgId: text('org_id').notNull(),
    createdBy: text('created_by').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    type: text('type').notNull(), // 'chat' | 'crew'
    author: text('author'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    icon: jsonb('icon').$type<Record<string, unknown>>(),
    sharingMode: text('sharing_mode').notNull().default('team'),
    sharingPermissions: jsonb('sharing_permissions').$type<Record<string, string>>().notNull().default({}),
    shareLinkShareId: text('share_link_share_id'),
    kickOffVariablesIds: ids('kick_off_variables_ids'),
    chatAppConfig: jsonb('chat_app_config').$type<ChatAppConfig>(),
    crewId: text('crew_id'),
    memory: boolean('memory').notNull().default(false),
    cache: boolean('cache').notNull().default(false),
    /** Whether a new session must collect variables before its first run (derived on write). */
    needsVariables: boolean('needs_variables').notNull().default(false),
    createdAt: created(),
  },
  (t) => [index('apps_team_idx').on(t.teamId, t.id)],
);

// ---------------------------------------------------------------------------------------------
// Conversations

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    teamId: text('team_id').notNull(),
    orgId: text('org_id').notNull(),
    appId: text('app_id').notNull(),
    name: text('name').notNull(),
    status: text('status').notNull().default('started'),
    tokensUsed: bigint('tokens_used', { mode: 'number' }).notNull().default(0),
    sharingMode: text('sharing_mode').notNull().default('team'),
    sharingPermissions: jsonb('sharing_permissions').$type<Record<string, string>>().notNull().default({}),
    variables: jsonb('variables').$type<Record<string, string>>(),
    previewLabel: text('preview_label'),
    createdBy: text('created_by'),
    /** Messages so far: the next message takes this + 1 as its seq (allocated atomically). */
    messageCount: integer('message_count').notNull().default(0),
    /** Set by cancel; the runtime checks it between chunks. Cleared by an explicit start. */
    stopRequested: boolean('stop_requested').notNull().default(false),
    errorMessage: text('error_message'),
    startDate: ts('start_date').notNull().defaultNow(),
    lastUpdatedDate: ts('last_updated_date').notNull().defaultNow(),
  },
  (t) => [index('sessions_team_idx').on(t.teamId, t.id)],
);

/**
 * One row per logical message of a session, in order (`seq`). Streamed replies are appended to
 * `text` as they arrive and stored whole at the end (`completed`).
 */
export const messages = pgTable(
  'messages',
  {
    id: id(),
    teamId: text('team_id').notNull(),
    sessionId: text('session_id').notNull(),
    seq: integer('seq').notNull(),
    chunkId: text('chunk_id').notNull(),
    /** Bumped whenever the text is replaced rather than appended to (a retried reply). */
    rev: integer('rev').notNull().default(0),
    /** user | assistant | tool | system | error: what the history for the model keeps. */
    kind: text('kind').notNull(),
    /** For a reply: the user message it answers, so a crashed turn resumes into the same row. */
    inReplyTo: text('in_reply_to'),
    authorId: text('author_id'),
    authorName: text('author_name').notNull(),
    incoming: boolean('incoming').notNull(),
    isFeedback: boolean('is_feedback').notNull().default(false),
    type: text('type').notNull().default('text'),
    displayType: text('display_type').notNull().default('bubble'),
    text: text('text').notNull().default(''),
    tokens: integer('tokens').notNull().default(0),
    completed: boolean('completed').notNull().default(false),
    /** For user messages: whether the runtime has answered it yet. */
    answered: boolean('answered').notNull().default(false),
    ts: bigint('ts', { mode: 'number' }).notNull(),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('messages_session_seq_key').on(t.sessionId, t.seq),
    uniqueIndex('messages_session_chunk_key').on(t.sessionId, t.chunkId),
    index('messages_team_session_idx').on(t.teamId, t.sessionId),
    index('messages_unanswered_idx').on(t.sessionId).where(sql`kind = 'user' and not answered`),
  ],
);

/** One driver per session: a lease with an expiry, renewed while the driver works. */
export const sessionLeases = pgTable('session_leases', {
  sessionId: text('session_id').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: ts('expires_at').notNull(),
});
