import type { EnqueueOptions, JobCatalogue, JobHandler, JobName, JobQueue } from './queue.js';

interface Pending {
  name: JobName;
  payload: JobCatalogue[JobName];
  jobId?: string;
}

interface Worker {
  handler: (payload: JobCatalogue[JobName]) => Promise<void>;
  concurrency: number;
  running: number;
}

/**
 * In-process queue for embedded mode. It holds nothing durable: after a crash, the runtime's
 * recovery re-enqueues whatever the database says is unfinished.
 */
export class LocalJobQueue implements JobQueue {
  private readonly waiting: Pending[] = [];
  private readonly waitingIds = new Set<string>();
  private readonly workers = new Map<JobName, Worker>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly onError: (err: unknown, name: JobName) => void = () => undefined) {}

  async enqueue<N extends JobName>(name: N, payload: JobCatalogue[N], opts: EnqueueOptions = {}): Promise<void> {
    if (this.closed) return;
    const key = opts.jobId ? `${name}:${opts.jobId}` : undefined;
    if (key) {
      if (this.waitingIds.has(key)) return;
      this.waitingIds.add(key);
    }
    this.waiting.push({ name, payload, jobId: key });
    this.pump();
  }

  process<N extends JobName>(name: N, handler: JobHandler<N>, opts: { concurrency?: number } = {}): void {
    this.workers.set(name, {
      handler: handler as (payload: JobCatalogue[JobName]) => Promise<void>,
      concurrency: opts.concurrency ?? 64,
      running: 0,
    });
    this.pump();
  }

  /** Jobs waiting for a free slot or a worker (for tests and health). */
  get size(): number {
    return this.waiting.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.waiting.length = 0;
    this.waitingIds.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  private pump(): void {
    for (let i = 0; i < this.waiting.length; ) {
      const job = this.waiting[i]!;
      const worker = this.workers.get(job.name);
      if (!worker || worker.running >= worker.concurrency) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      if (job.jobId) this.waitingIds.delete(job.jobId);
      worker.running++;
      const run = Promise.resolve()
        .then(() => worker.handler(job.payload))
        .catch((err: unknown) => this.onError(err, job.name))
        .finally(() => {
          worker.running--;
          this.inFlight.delete(run);
          if (!this.closed) this.pump();
        });
      this.inFlight.add(run);
    }
  }
}
