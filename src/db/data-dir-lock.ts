import { closeSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { processStartTime, stillRuns } from '../shared/process-identity.js';

/**
 * PGlite has no lock of its own, and a second process on the same data dir silently loses its
 * writes. This lock file makes the data dir single-process: a live holder makes start-up refuse;
 * a holder that died (even by `kill -9`) is recognised as stale and the lock is taken over.
 */
export class DataDirLockedError extends Error {}

interface LockInfo {
  pid: number;
  host: string;
  /** Process start time from /proc, so a recycled pid is not mistaken for the holder. */
  started: string | null;
}

export interface DataDirLock {
  release(): void;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'nimbus.lock');
  const me: LockInfo = { pid: process.pid, host: hostname(), started: processStartTime(process.pid) };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return { release: () => releaseIfOurs(file) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readLock(file);
    if (holder && isAlive(holder)) {
      throw new DataDirLockedError(
        `data directory ${dataDir} is in use by another Nimbus process (pid ${holder.pid}); stop it first or use another NIMBUS_DATA_DIR`,
      );
    }
    // Stale: move it aside atomically so two starters racing for it cannot both win.
    try {
      renameSync(file, `${file}.stale-${process.pid}`);
      unlinkSync(`${file}.stale-${process.pid}`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  throw new DataDirLockedError(`could not lock data directory ${dataDir}`);
}

function releaseIfOurs(file: string): void {
  const holder = readLock(file);
  if (holder && holder.pid === process.pid && holder.host === hostname()) {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (raw && typeof raw === 'object' && 'pid' in raw && typeof raw.pid === 'number') {
      const r = raw as Partial<LockInfo>;
      return { pid: r.pid as number, host: String(r.host ?? ''), started: r.started ?? null };
    }
  } catch {
    // unreadable or half-written: treat as stale
  }
  return null;
}

function isAlive(holder: LockInfo): boolean {
  if (holder.host !== hostname()) return true; // cannot check another host's process: refuse safely
  if (holder.pid === process.pid) return false;
  return stillRuns(holder.pid, holder.started);
}
