import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TMP_ROOT } from './paths.js';
import { openDatabase } from '../../src/db/client.js';

/**
 * A freshly created PGlite data dir costs seconds (initdb); a copy of a migrated one costs a
 * tenth of that. Build the template once per run; each test server copies it.
 */
export default async function setup(): Promise<() => void> {
  mkdirSync(TMP_ROOT, { recursive: true });
  const template = mkdtempSync(join(TMP_ROOT, 'template-'));
  process.env.NIMBUS_TEST_TEMPLATE = template;
  const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: template });
  await db.migrate();
  await db.close();
  return () => rmSync(template, { recursive: true, force: true });
}
