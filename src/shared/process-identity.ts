import { randomUUID } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Who a process is, precisely enough that another process on the same machine can tell for sure
 * that it has died: the kernel's boot id and pid namespace (so containers sharing a hostname, or
 * a machine after a reboot, are never confused), the pid, and the pid's start time (so a recycled
 * pid is not mistaken for the old process).
 */
export interface ProcessIdentity {
  host: string;
  /** `<boot id>/<pid namespace>`, or null where /proc does not tell (not Linux). */
  machine: string | null;
  pid: number;
  started: string | null;
}

const SEP = '|';

let self: ProcessIdentity | undefined;

export function thisProcess(): ProcessIdentity {
  self ??= { host: hostname(), machine: machineKey(), pid: process.pid, started: processStartTime(process.pid) };
  return self;
}

/** A label naming this process plus a random part, e.g. for a lease holder; parsed by `labelOwner`. */
export function processLabel(): string {
  const me = thisProcess();
  return [me.host, me.machine ?? '', me.pid, me.started ?? '', randomUUID().slice(0, 8)].join(SEP);
}

export function labelOwner(label: string): ProcessIdentity | null {
  const parts = label.split(SEP);
  if (parts.length < 5) return null;
  const [host, machine, pid, started] = parts;
  const n = Number(pid);
  if (!Number.isInteger(n) || n <= 0) return null;
  return { host: host ?? '', machine: machine || null, pid: n, started: started || null };
}

/**
 * True only when `owner` certainly is a process of this machine and pid namespace that is gone.
 * Anything else (another machine, another container, no /proc) is "not known dead".
 */
export function isKnownDead(owner: ProcessIdentity): boolean {
  const me = thisProcess();
  if (me.machine === null || owner.machine !== me.machine || owner.started === null) return false;
  if (owner.pid === me.pid) return owner.started !== me.started; // an earlier process with our pid
  return !stillRuns(owner.pid, owner.started);
}

/**
 * Whether the process `pid` of this machine that started at `started` (null: not known) still
 * runs. False when no process has the pid, when the pid now belongs to a later process, or when it
 * is a zombie: a killed process stays one until its parent reaps it, answering `kill(pid, 0)` but
 * never running again, so a restart right after `kill -9` must count it as gone. True when it
 * cannot be told (a process of another user, no /proc).
 */
export function stillRuns(pid: number, started: string | null): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  const status = processStatus(pid);
  if (status?.state === 'Z') return false;
  return started === null || !status?.started || status.started === started;
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot), or null. */
export function processStartTime(pid: number): string | null {
  return processStatus(pid)?.started ?? null;
}

export function isZombie(pid: number): boolean {
  return processStatus(pid)?.state === 'Z';
}

/** A process's state letter and start time from /proc/<pid>/stat, read once; null where it cannot be read. */
function processStatus(pid: number): { state: string | undefined; started: string | undefined } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the parenthesised command name, which may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], started: fields[19] };
  } catch {
    return null;
  }
}

function machineKey(): string | null {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const pidns = readlinkSync('/proc/self/ns/pid');
    return boot && pidns ? `${boot}/${pidns}` : null;
  } catch {
    return null;
  }
}
