import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnNimbus, waitReady, type Spawned } from '../support/spawn.js';
import { templateDir, TMP_ROOT } from '../support/paths.js';
import { Http } from '../support/http.js';
import { createAccount } from '../support/factories.js';

const started: Spawned[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const p of started) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function freshDataDir(): string {
  const dir = mkdtempSync(join(TMP_ROOT, 'proc-'));
  dirs.push(dir);
  if (!process.env.DATABASE_URL) cpSync(join(templateDir(), 'pg'), join(dir, 'pg'), { recursive: true });
  return dir;
}

function run(args: string[], env: Record<string, string | undefined>): Spawned {
  const p = spawnNimbus(args, { DATABASE_URL: process.env.DATABASE_URL, NIMBUS_SECRET: process.env.DATABASE_URL ? 'x'.repeat(40) : undefined, ...env });
  started.push(p);
  return p;
}

describe('configuration', () => {
  it.each([
    ['PORT', 'abc', /PORT must be a number/],
    ['PORT', '70000', /PORT/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must be a PostgreSQL URL/],
    ['REDIS_URL', 'http://x', /REDIS_URL must be a Redis URL/],
    ['NIMBUS_SECRET', 'short', /NIMBUS_SECRET must be at least 32 characters/],
  ])('a bad %s (%s) stops start-up with one line naming it', async (name, value, pattern) => {
    const p = run(['start'], { NIMBUS_DATA_DIR: freshDataDir(), PORT: '0', [name]: value });
    expect(await p.exited).not.toBe(0);
    const lines = p.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
  });
});

describe.skipIf(!!process.env.DATABASE_URL)('the embedded data dir', () => {
  it('generates NIMBUS_SECRET on first start, keeps it with mode 0600, reuses it', async () => {
    const dir = freshDataDir();
    const p = run(['start'], { NIMBUS_DATA_DIR: dir, PORT: '0' });
    await waitReady(p);
    const file = join(dir, 'secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const secret = readFileSync(file, 'utf8');
    expect(secret.trim().length).toBeGreaterThanOrEqual(32);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    const again = run(['start'], { NIMBUS_DATA_DIR: dir, PORT: '0' });
    await waitReady(again);
    expect(readFileSync(file, 'utf8')).toBe(secret);
    again.child.kill('SIGTERM');
    await again.exited;
  });

  it('is locked: a second process refuses at once and changes nothing; the first keeps working', async () => {
    const dir = freshDataDir();
    const first = run(['start'], { NIMBUS_DATA_DIR: dir, PORT: '0' });
    const url = await waitReady(first);
    const http = new Http(url);
    const before = snapshot(join(dir, 'pg'));
    const second = run(['start'], { NIMBUS_DATA_DIR: dir, PORT: '0' });
    const t0 = Date.now();
    expect(await second.exited).not.toBe(0);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(second.stderr()).toMatch(/data directory .* is in use by another Nimbus process \(pid \d+\)/);
    expect(snapshot(join(dir, 'pg'))).toEqual(before);
    const migrate = run(['migrate'], { NIMBUS_DATA_DIR: dir });
    expect(await migrate.exited).not.toBe(0);
    expect(migrate.stderr()).toMatch(/in use by another Nimbus process/);
    await createAccount(http);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });

  it('takes over a lock left by a process killed with kill -9, keeping its data', async () => {
    const dir = freshDataDir();
    const first = run(['start'], { NIMBUS_DATA_DIR: dir, PORT: '0' });
    const http1 = new Http(await waitReady(first));
    const account = await createAccount(http1);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(readdirSync(dir)).toContain('nimbus.lock');
    const second = run(['start'], { NIMBUS_DATA_DIR: dir, PORT: '0' });
    const http2 = new Http(await waitReady(second));
    const login = await http2.post('/forms/account/login', { email: account.email, password: account.password });
    expect(login.status).toBe(200);
    second.child.kill('SIGTERM');
    await second.exited;
  });
});

/** Names and sizes of every file, to prove a refused process wrote nothing. */
function snapshot(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else out[p] = s.mtimeMs;
    }
  };
  walk(dir);
  return out;
}
