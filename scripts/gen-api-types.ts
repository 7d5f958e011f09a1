/**
 * Regenerates web/src/api/schema.d.ts from the OpenAPI document of the real server:
 * starts it in-process on a throwaway data dir and a free port, fetches /openapi.json,
 * converts it with openapi-typescript and stops. Run with `npm run gen:api`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startServer } from '../src/server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'web', 'src', 'api', 'schema.d.ts');

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nimbus-openapi-'));
  // Always the embedded database, whatever the caller's environment points at.
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    NIMBUS_DATA_DIR: dataDir,
    NIMBUS_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'error',
  });
  const server = await startServer(config, createLogger(config.logLevel));
  try {
    const res = await fetch(`${server.url}/openapi.json`);
    if (!res.ok) throw new Error(`GET /openapi.json answered ${res.status}`);
    const doc = (await res.json()) as Parameters<typeof openapiTS>[0];
    const ast = await openapiTS(doc, { alphabetize: true });
    const header = '// Generated from the server\'s /openapi.json by `npm run gen:api` (scripts/gen-api-types.ts). Do not edit.\n\n';
    writeFileSync(OUT, header + astToString(ast));
    console.log(`wrote ${OUT}`);
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error('gen-api-types failed:', err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
