import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { EnqueueOptions, JobCatalogue, JobHandler, JobName, JobQueue } from './queue.js';

/**
 * Jobs over Redis (BullMQ) for distributed mode: API processes enqueue, worker processes run. One
 * BullMQ queue per job name.
 */
export class BullJobQueue implements JobQueue {
  private readonly queues = new Map<JobName, Queue>();
  private readonly workers: Worker[] = [];

  constructor(
    private readonly url: string,
    private readonly prefix: string,
    private readonly onError: (err: unknown, name: JobName) => void,
  ) {}

  /**
   * `jobId` is not passed on: BullMQ refuses a new job while one with the same id is *active*, which
   * would drop "run this session again" asked for during a run. Every job is idempotent (the session
   * lease keeps one driver), so an extra job costs one quick look at the session.
   */
  async enqueue<N extends JobName>(name: N, payload: JobCatalogue[N], _opts: EnqueueOptions = {}): Promise<void> {
    await this.queue(name).add(name, payload, {
      removeOnComplete: true,
      removeOnFail: 1000,
      attempts: 3,
      backoff: { type: 'exponential', delay: 1000 },
    });
  }

  process<N extends JobName>(name: N, handler: JobHandler<N>, opts: { concurrency?: number } = {}): void {
    const worker = new Worker(queueName(name), async (job) => handler(job.data as JobCatalogue[N]), {
      prefix: this.prefix,
      // Workers block on Redis: they need their own connection, with no per-request retry limit.
      connection: connection(this.url, { maxRetriesPerRequest: null }),
      concurrency: opts.concurrency ?? 64,
    });
    worker.on('failed', (_job, err) => this.onError(err, name));
    worker.on('error', () => undefined);
    this.workers.push(worker);
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.close()));
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }

  private queue(name: JobName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(queueName(name), { connection: connection(this.url), prefix: this.prefix });
      q.on('error', () => undefined);
      this.queues.set(name, q);
    }
    return q;
  }
}

const queueName = (name: JobName) => name.replace(/\W/g, '-');

function connection(url: string, extra: { maxRetriesPerRequest?: null } = {}): Redis {
  const r = new Redis(url, { ...extra });
  r.on('error', () => undefined);
  return r;
}
