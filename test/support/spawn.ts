import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './paths.js';

export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Runs `nimbus <args>` from the sources, as its own process (for lock, crash and config tests). */
export function spawnNimbus(args: string[], env: Record<string, string | undefined>): Spawned {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits for the "nimbus ready" log line and returns the URL it announces. */
export async function waitReady(p: Spawned, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const m = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"nimbus ready"/.exec(p.stdout());
    if (m) return m[1]!;
    if (p.child.exitCode !== null) throw new Error(`nimbus exited with ${p.child.exitCode}: ${p.stderr()}${p.stdout()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nimbus not ready in ${timeoutMs} ms: ${p.stderr()}`);
}
