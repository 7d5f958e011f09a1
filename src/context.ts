import type { Logger } from 'pino';
import type { Config } from './config.js';
import { openDatabase, type Database, type Db } from './db/client.js';
import { IdentityRepository } from './db/repositories/identity.repository.js';
import { TeamRepository } from './db/repositories/team.repository.js';
import { CredentialRepository } from './db/repositories/credential.repository.js';
import { Keyring } from './auth/crypto.js';
import { AuthService } from './auth/auth.service.js';
import { LocalEventBus, type EventBus } from './realtime/event-bus.js';
import { RedisEventBus } from './realtime/redis-event-bus.js';
import { LocalJobQueue } from './jobs/local-queue.js';
import { BullJobQueue } from './jobs/bullmq-queue.js';
import type { JobQueue } from './jobs/queue.js';
import { MessageRepository } from './db/repositories/message.repository.js';
import { SessionAccess } from './auth/session-access.js';
import { LiveMessages } from './runtime/transcript.js';
import { UserMessages } from './runtime/user-messages.js';

/** Everything a process shares: built once at start, handed to route modules and workers. */
export interface AppContext {
  config: Config;
  log: Logger;
  database: Database;
  db: Db;
  keyring: Keyring;
  bus: EventBus;
  jobs: JobQueue;
  auth: AuthService;
  identity: IdentityRepository;
  teams: TeamRepository;
  credentials: CredentialRepository;
  messages: MessageRepository;
  /** Replies streaming in this process (the worker writes, readers overlay it on stored rows). */
  live: LiveMessages;
  userMessages: UserMessages;
  sessionAccess: SessionAccess;
  close(): Promise<void>;
}

export async function createContext(config: Config, log: Logger): Promise<AppContext> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    pool: config.pgPool,
    sharedBuffers: config.pgliteSharedBuffers,
  });
  try {
    await database.migrate();
  } catch (err) {
    await database.close();
    throw err;
  }
  const db = database.db;
  // With Redis, every process sees every event (session streams, auth-cache invalidations).
  const bus: EventBus = config.redisUrl ? await RedisEventBus.connect(config.redisUrl, `${config.redisPrefix}:`) : new LocalEventBus();
  const onJobError = (err: unknown, name: string) => log.error({ err, job: name }, 'job failed');
  // With Redis, jobs go through BullMQ so API and worker processes can be separate.
  const jobs: JobQueue = config.redisUrl ? new BullJobQueue(config.redisUrl, config.redisPrefix, onJobError) : new LocalJobQueue(onJobError);
  const identity = new IdentityRepository(db);
  const credentials = new CredentialRepository(db);
  const auth = new AuthService(identity, credentials, bus);
  const messages = new MessageRepository(db);
  const live = new LiveMessages();
  const ctx: AppContext = {
    config,
    log,
    database,
    db,
    keyring: new Keyring(config.secret),
    bus,
    jobs,
    auth,
    identity,
    teams: new TeamRepository(db),
    credentials,
    messages,
    live,
    userMessages: new UserMessages(messages, bus, jobs, live),
    sessionAccess: new SessionAccess(db, auth),
    async close() {
      await jobs.close();
      auth.close();
      await bus.close();
      await database.close();
    },
  };
  return ctx;
}
