import { isIP } from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalUrl = (protocols: string[], what: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(p)), {
      message: `must be a ${what} URL starting with ${protocols.join(' or ')}`,
    });

const envSchema = z.object({
  PORT: int(0, 65535, 3000),
  HOST: z.string().trim().min(1, 'must not be empty').default('127.0.0.1'),
  NIMBUS_DATA_DIR: z.string().trim().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: optionalUrl(['postgres://', 'postgresql://'], 'PostgreSQL'),
  REDIS_URL: optionalUrl(['redis://', 'rediss://'], 'Redis'),
  NIMBUS_SECRET: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || v.length >= 32, { message: 'must be at least 32 characters long' }),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  NIMBUS_LLM_RETRIES: int(0, 10, 3),
  NIMBUS_LLM_RETRY_BASE_MS: int(0, 60_000, 500),
  NIMBUS_LLM_TIMEOUT_MS: int(100, 600_000, 60_000),
  NIMBUS_LLM_STALL_MS: int(100, 600_000, 30_000),
  NIMBUS_MAX_TOOL_STEPS: int(1, 50, 6),
  NIMBUS_CONTEXT_TOKENS: int(256, 2_000_000, 24_000),
  NIMBUS_LEASE_MS: int(1000, 600_000, 30_000),
  NIMBUS_STREAM_RECHECK_MS: int(1000, 86_400_000, 300_000),
  NIMBUS_WORKER_CONCURRENCY: int(1, 100_000, 2048),
  NIMBUS_PG_POOL: int(1, 1000, 20),
  NIMBUS_PGLITE_SHARED_BUFFERS: z.string().trim().regex(/^\d+(kB|MB|GB)$/, 'must be a size such as 32MB').default('32MB'),
  NIMBUS_SIGNUP: z.enum(['open', 'invite'], { error: 'must be open or invite' }).default('open'),
  // `true` believes the left-most X-Forwarded-For, which the client writes itself; a hop count or
  // the proxies' addresses take the address the trusted proxy saw.
  NIMBUS_TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .transform((v, c): boolean | number | string[] => {
      if (['', 'false', '0'].includes(v)) return false;
      if (v === 'true') return true;
      if (/^\d{1,2}$/.test(v)) return Number(v);
      const list = v.split(',').map((x) => x.trim()).filter(Boolean);
      if (list.length > 0 && list.every((x) => isIP(x.split('/')[0] ?? '') !== 0 || ['loopback', 'linklocal', 'uniquelocal'].includes(x))) return list;
      c.addIssue({ code: 'custom', message: 'must be false, true, a number of proxy hops, or proxy addresses/CIDRs separated by commas' });
      return z.NEVER;
    }),
  NIMBUS_REDIS_PREFIX: z.string().trim().regex(/^[\w.-]{1,64}$/, 'must be 1–64 letters, digits, dots, dashes or underscores').default('nimbus'),
  NIMBUS_FAKE_LLM_URL: z.url({ error: 'must be a URL' }).default('http://127.0.0.1:4010'),
});

/** A whole number in range. Each check has its own message: unset, they all fall back to the number's. */
function int(min: number, max: number, dflt: number) {
  const range = `must be a whole number between ${min} and ${max}`;
  return z.coerce.number({ error: 'must be a number' }).int(range).min(min, range).max(max, range).default(dflt);
}

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  secret: string;
  logLevel: LogLevel;
  /** Embedded mode: PGlite in the data dir, in-process queue and bus. */
  embedded: boolean;
  runtime: RuntimeConfig;
  /** PostgreSQL connections per process. */
  pgPool: number;
  /** Embedded PostgreSQL's buffer cache (PGlite's own default, 128MB, is most of an idle process's memory). */
  pgliteSharedBuffers: string;
  /** `open`: anyone may register; `invite`: only the first account, then people an admin invites. */
  signup: 'open' | 'invite';
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (else a client could forge it). */
  trustProxy: boolean | number | string[];
  /** Namespace of this installation's keys, queues and channels in a shared Redis. */
  redisPrefix: string;
  /** Where `nimbus fake-llm` listens by default: the web app offers it as a labelled test model. */
  fakeLlmUrl: string;
}

export interface RuntimeConfig {
  /** Attempts after the first for a failed model call (429, 5xx, timeout, broken stream). */
  llmRetries: number;
  llmRetryBaseMs: number;
  /** How long a model may take to start answering. */
  llmTimeoutMs: number;
  /** How long a started stream may go quiet. */
  llmStallMs: number;
  maxToolSteps: number;
  /** History budget in (estimated) tokens; the oldest turns go first. */
  contextTokens: number;
  /** A session driver's lease: renewed every third of it; a dead driver's session is taken over after it. */
  leaseMs: number;
  /** Sessions one worker process drives at once (each mostly waits on its model's stream). */
  workerConcurrency: number;
  /** How often an open socket or SSE stream re-checks its access anyway, in case an invalidation was lost. */
  streamRecheckMs: number;
}

export class ConfigError extends Error {}

/** Reads the environment once; the first bad variable stops start-up with one line naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`invalid configuration: ${name} ${issue?.message ?? 'is invalid'}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.NIMBUS_DATA_DIR);
  const embedded = e.DATABASE_URL === undefined;
  let secret = e.NIMBUS_SECRET;
  if (secret === undefined) {
    if (!embedded) {
      throw new ConfigError('invalid configuration: NIMBUS_SECRET must be set when DATABASE_URL is used (every process needs the same key)');
    }
    secret = loadOrCreateSecret(dataDir);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    secret,
    logLevel: e.LOG_LEVEL,
    embedded,
    redisPrefix: e.NIMBUS_REDIS_PREFIX,
    trustProxy: e.NIMBUS_TRUST_PROXY,
    signup: e.NIMBUS_SIGNUP,
    pgPool: e.NIMBUS_PG_POOL,
    pgliteSharedBuffers: e.NIMBUS_PGLITE_SHARED_BUFFERS,
    fakeLlmUrl: e.NIMBUS_FAKE_LLM_URL.replace(/\/+$/, ''),
    runtime: {
      llmRetries: e.NIMBUS_LLM_RETRIES,
      llmRetryBaseMs: e.NIMBUS_LLM_RETRY_BASE_MS,
      llmTimeoutMs: e.NIMBUS_LLM_TIMEOUT_MS,
      llmStallMs: e.NIMBUS_LLM_STALL_MS,
      maxToolSteps: e.NIMBUS_MAX_TOOL_STEPS,
      contextTokens: e.NIMBUS_CONTEXT_TOKENS,
      leaseMs: e.NIMBUS_LEASE_MS,
      workerConcurrency: e.NIMBUS_WORKER_CONCURRENCY,
      streamRecheckMs: e.NIMBUS_STREAM_RECHECK_MS,
    },
  };
}

/** Embedded mode keeps its generated key beside the data it protects, readable by the owner only. */
function loadOrCreateSecret(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secret');
  if (existsSync(file)) {
    const value = readFileSync(file, 'utf8').trim();
    if (value.length < 32) throw new ConfigError(`invalid configuration: NIMBUS_SECRET file ${file} is too short`);
    return value;
  }
  const value = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, value + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSecret(dataDir);
    throw err;
  }
  chmodSync(file, 0o600);
  return value;
}
