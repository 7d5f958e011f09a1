import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS_DIR = join(ROOT, 'bench', 'results');
/** Data dirs, server logs and CPU profiles of a run (ignored by git). */
export const WORK_DIR = join(ROOT, 'bench', '.work');
