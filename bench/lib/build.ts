/**
 * The bench measures the server users run: `node bin/nimbus.js start` from the compiled dist/.
 * When a source file is newer than its compiled output (or has none), the server is rebuilt first
 * with the same compiler settings as `npm run build` (the web app is not needed for the API).
 */

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './paths.js';

function staleSources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) staleSources(path, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      const compiled = join(ROOT, 'dist', relative(join(ROOT, 'src'), path)).replace(/\.ts$/, '.js');
      if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(path).mtimeMs) out.push(relative(ROOT, path));
    }
  }
  return out;
}

export function ensureBuilt(log: (line: string) => void): void {
  const stale = staleSources(join(ROOT, 'src'));
  if (stale.length === 0) return;
  log(`dist/ is older than ${stale.length} source file(s) (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', …' : ''}): compiling the server (tsc -p tsconfig.build.json)`);
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  } catch {
    throw new Error('compiling the server failed: fix the type errors above (or run the bench with --source to run src/ through tsx)');
  }
}
