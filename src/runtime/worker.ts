import type { AppContext } from '../context.js';
import { UnscopedWorkerRepository } from '../db/repositories/unscoped-worker.repository.js';
import { SessionDriver } from './session-driver.js';
import { isKnownDead, labelOwner } from '../shared/process-identity.js';

export interface Worker {
  driver: SessionDriver;
  close(): Promise<void>;
}

/**
 * The session worker: consumes `session.run` jobs and, at start, picks up every session a crash
 * left unfinished (a user message without its reply, a turn marked running).
 */
export async function startWorker(ctx: AppContext): Promise<Worker> {
  const driver = new SessionDriver({
    db: ctx.db,
    keyring: ctx.keyring,
    bus: ctx.bus,
    jobs: ctx.jobs,
    log: ctx.log,
    config: ctx.config.runtime,
    live: ctx.live,
  });
  const unscoped = new UnscopedWorkerRepository(ctx.db);
  // Half-streamed text in the database serves readers in other processes only: a crashed reply is
  // restarted, not continued, and this process's readers see the live text. So embedded mode, one
  // process, never writes it; distributed mode writes it in one statement per tick for all replies.
  if (!ctx.config.embedded) {
    ctx.live.startFlushing(
      (batch) => unscoped.flushTexts(batch),
      (err) => ctx.log.warn({ err }, 'flushing streamed text failed'),
    );
  }
  // Embedded mode holds the data-dir lock: no other process can hold a lease, so none is live.
  if (ctx.config.embedded) await unscoped.clearAllLeases();
  ctx.jobs.process('session.run', ({ teamId, sessionId }) => driver.run(teamId, sessionId), { concurrency: ctx.config.runtime.workerConcurrency });
  const resume = async () => {
    // A process of this machine that crashed (a restart after `kill -9`) is known dead at once: its
    // sessions need not wait for their leases to expire. Each holder process is looked at once per
    // sweep, however many leases it holds.
    const verdicts = new Map<string, boolean>();
    const isDeadHolder = (holder: string) => {
      const owner = labelOwner(holder);
      if (!owner) return false;
      const key = `${owner.machine}|${owner.pid}|${owner.started}`;
      let dead = verdicts.get(key);
      if (dead === undefined) verdicts.set(key, (dead = isKnownDead(owner)));
      return dead;
    };
    const released = await unscoped.releaseDeadLeases(isDeadHolder);
    if (released > 0) ctx.log.info({ leases: released }, 'released the leases of a dead process');
    const unfinished = await unscoped.unfinishedSessions();
    // No job id: a dead worker's job may still look active to the queue; the lease keeps one driver anyway.
    for (const s of unfinished) await ctx.jobs.enqueue('session.run', s);
    if (unfinished.length > 0) ctx.log.info({ sessions: unfinished.length }, 'resuming unfinished sessions');
  };
  await resume();
  // A driver in another process may die holding a lease: once it expires, someone must take over.
  const sweep = setInterval(() => {
    resume().catch((err: unknown) => ctx.log.warn({ err }, 'resume sweep failed'));
  }, ctx.config.runtime.leaseMs);
  sweep.unref();
  return {
    driver,
    close: async () => {
      clearInterval(sweep);
      driver.close();
      await ctx.live.stopFlushing();
    },
  };
}
