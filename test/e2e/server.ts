/** The real server for browser runs: a fresh embedded data dir, a free port, the built web app. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';
import { WEB_DIST_DIR } from '../../src/http/web-static.js';

export interface E2eServer {
  url: string;
  close(): Promise<void>;
}

/**
 * NIMBUS_E2E_URL points at a server already running; otherwise one is started here, with `env`
 * on top of its configuration (NIMBUS_FAKE_LLM_URL for the offline test model).
 */
export async function startE2eServer(env: Record<string, string> = {}): Promise<E2eServer> {
  const external = process.env.NIMBUS_E2E_URL;
  if (external) return { url: external.replace(/\/$/, ''), close: async () => undefined };
  if (!existsSync(join(WEB_DIST_DIR, 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build` first');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'nimbus-e2e-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    NIMBUS_DATA_DIR: dataDir,
    NIMBUS_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...env,
  });
  const server = await startServer(config, createLogger(config.logLevel));
  const close = async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  if (!server.app.nimbusWeb) {
    await close();
    throw new Error('the server does not serve the web app: src/http/app.ts must call registerWeb (see src/http/web-static.ts)');
  }
  return { url: server.url, close };
}
