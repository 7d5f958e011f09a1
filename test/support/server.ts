import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { templateDir, TMP_ROOT } from './paths.js';
import { freshDatabase } from './databases.js';

export const TEST_SECRET = 'test-secret-0123456789abcdef-0123456789abcdef';

export interface TestServer extends RunningServer {
  dataDir: string;
  config: Config;
}

/**
 * The real server on a free port: a fresh PGlite data dir copied from the migrated template, or
 * the PostgreSQL database of DATABASE_URL when it is set (CI's second tier).
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(TMP_ROOT, 'srv-'));
  const database = process.env.DATABASE_URL ? await freshDatabase(process.env.DATABASE_URL) : null;
  if (!database) cpSync(join(templateDir(), 'pg'), join(dataDir, 'pg'), { recursive: true });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    NIMBUS_DATA_DIR: dataDir,
    NIMBUS_SECRET: TEST_SECRET,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...(database ? { DATABASE_URL: database.url } : {}),
    // Each test server has its own database, so its own jobs and channels in the shared Redis too.
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, NIMBUS_REDIS_PREFIX: `t${randomBytes(6).toString('hex')}` } : {}),
    ...env,
  });
  const server = await startServer(config, createLogger(config.logLevel));
  return {
    ...server,
    dataDir,
    config,
    close: async () => {
      await server.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
