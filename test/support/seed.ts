import { agents, apps, models } from '../../src/db/schema.js';
import { newId } from '../../src/shared/ids.js';
import type { Db } from '../../src/db/client.js';
import type { Keyring } from '../../src/auth/crypto.js';
import type { TestAccount } from './factories.js';

/**
 * Rows written straight through Drizzle, for tests that need an app before caring how it was
 * made. Resource routes have their own tests; here the shape of the rows is what matters.
 */
export async function seedChatApp(
  ctx: { db: Db; keyring: Keyring },
  owner: TestAccount,
  opts: { sharingMode?: string; variableIds?: string[]; name?: string; baseUrl?: string } = {},
): Promise<{ appId: string; agentId: string; modelId: string }> {
  const { db } = ctx;
  const modelId = newId();
  const agentId = newId();
  const appId = newId();
  await db.insert(models).values({
    id: modelId,
    teamId: owner.teamId,
    orgId: owner.orgId,
    name: 'Fake model',
    model: 'fake-1',
    type: 'openai_compatible',
    modelType: 'llm',
    config: { model: 'fake-1', base_url: opts.baseUrl ?? 'http://127.0.0.1:9/v1' },
    secrets: ctx.keyring.encryptJson({ api_key: 'sk-test-key-0123456789' }),
  });
  await db.insert(agents).values({
    id: agentId,
    teamId: owner.teamId,
    orgId: owner.orgId,
    name: 'Helper',
    role: 'Assistant',
    goal: 'Help',
    backstory: 'Knows things',
    modelId,
    variableIds: opts.variableIds ?? [],
  });
  await db.insert(apps).values({
    id: appId,
    teamId: owner.teamId,
    orgId: owner.orgId,
    createdBy: owner.accountId,
    name: opts.name ?? 'Chat app',
    type: 'chat',
    sharingMode: opts.sharingMode ?? 'team',
    chatAppConfig: { agentId, conversationStarters: ['Hi'], maxMessages: 30 },
  });
  return { appId, agentId, modelId };
}
