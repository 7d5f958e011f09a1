import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireDataDirLock } from '../../src/db/data-dir-lock.js';
import { isKnownDead, isZombie, labelOwner, processLabel, processStartTime, thisProcess } from '../../src/shared/process-identity.js';

describe('process identity', () => {
  it('labels this process so the label names it and is unique per call', () => {
    const a = processLabel();
    const b = processLabel();
    expect(a).not.toBe(b);
    expect(labelOwner(a)).toEqual(thisProcess());
    expect(isKnownDead(labelOwner(a)!)).toBe(false);
  });

  it('knows a process of this machine that has exited is dead', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    await once(child, 'spawn');
    // Its identity as it would label itself, while it runs.
    const owner = { ...thisProcess(), pid: child.pid!, started: processStartTime(child.pid!) };
    expect(owner.started).not.toBeNull();
    expect(isKnownDead(owner)).toBe(false);
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(isKnownDead(owner)).toBe(true);
  });

  it('knows an earlier process that had our pid is dead (a container restarted in place)', () => {
    expect(isKnownDead({ ...thisProcess(), started: '1' })).toBe(true);
  });

  it('never calls a process of another machine, another pid namespace, or an unknown label dead', () => {
    const me = thisProcess();
    expect(isKnownDead({ ...me, machine: 'another-boot/pid:[1]', pid: 999_999, started: '1' })).toBe(false);
    expect(isKnownDead({ ...me, started: null })).toBe(false);
    expect(labelOwner('old-host:1234:abcd')).toBeNull();
    expect(labelOwner('a|b|notapid|c|d')).toBeNull();
  });

  it('counts a killed process that its parent has not reaped yet (a zombie) as gone, for leases and the data-dir lock', async () => {
    // sh starts a child that exits at once, then becomes `sleep`, which never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const [chunk] = (await once(parent.stdout!, 'data')) as [Buffer];
    const pid = Number(chunk.toString().trim());
    try {
      await expect.poll(() => isZombie(pid), { timeout: 5000 }).toBe(true);
      const started = processStartTime(pid);
      expect(isKnownDead({ ...thisProcess(), pid, started })).toBe(true);
      const dir = mkdtempSync(join(tmpdir(), 'zombie-lock-'));
      writeFileSync(join(dir, 'nimbus.lock'), JSON.stringify({ pid, host: hostname(), started }));
      acquireDataDirLock(dir).release();
      rmSync(dir, { recursive: true, force: true });
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
