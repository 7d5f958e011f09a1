import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { isKnownDead, labelOwner, processLabel, processStartTime, thisProcess } from '../../src/shared/process-identity.js';

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
});
