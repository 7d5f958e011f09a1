import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TMP_ROOT = join(ROOT, '.tmp', 'test');
/** Set by the global setup (one per test run, so parallel runs do not share it). */
export function templateDir(): string {
  const dir = process.env.NIMBUS_TEST_TEMPLATE;
  if (!dir) throw new Error('NIMBUS_TEST_TEMPLATE is not set: run tests through vitest (test/support/global-setup.ts)');
  return dir;
}
