/**
 * The typed job catalogue and the queue interface. Embedded mode runs jobs in-process; distributed
 * mode puts BullMQ behind the same interface. Jobs must be idempotent: the durable state lives in
 * the database, a job only says "look at this".
 */
export interface JobCatalogue {
  /** Drive a session: run its next turn(s) until it waits for the user or stops. */
  'session.run': { teamId: string; sessionId: string };
}

export type JobName = keyof JobCatalogue;
export type JobHandler<N extends JobName> = (payload: JobCatalogue[N]) => Promise<void>;

export interface EnqueueOptions {
  /** Jobs with the same id that are still waiting are enqueued once. */
  jobId?: string;
}

export interface JobQueue {
  enqueue<N extends JobName>(name: N, payload: JobCatalogue[N], opts?: EnqueueOptions): Promise<void>;
  process<N extends JobName>(name: N, handler: JobHandler<N>, opts?: { concurrency?: number }): void;
  close(): Promise<void>;
}
