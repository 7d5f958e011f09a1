/**
 * Which fault (if any) hits a request. Two sources: directives in the message
 * (counted per conversation with `times=`) and a programmatic queue for tests
 * that cannot change the message text.
 */

import { z } from 'zod';
import type { FaultDirective } from './directives.js';
import type { ActiveFault, Provider } from './types.js';

const times = z.number().int().min(1).optional();
const provider = z.enum(['openai', 'anthropic', 'gemini']).optional();

export const faultSchema = z.union([
  z.object({ kind: z.literal('error'), status: z.number().int().min(400).max(599), times, provider }),
  z.object({
    kind: z.enum(['drop', 'stall', 'malformed', 'streamerror']),
    /** Deltas sent before the fault strikes. */
    after: z.number().int().min(0).default(0),
    times,
    provider,
  }),
]);

/** A fault for the next request(s); `times` defaults to 1, `provider` limits it to one wire format. */
export type Fault = z.input<typeof faultSchema>;

interface Queued {
  fault: z.output<typeof faultSchema>;
  remaining: number;
}

function describe(f: z.output<typeof faultSchema>): string {
  return f.kind === 'error' ? `error=${f.status}` : `${f.kind}=${f.after}`;
}

export class FaultBook {
  private queue: Queued[] = [];
  private hits = new Map<string, number>();

  enqueue(f: Fault): void {
    const fault = faultSchema.parse(f);
    this.queue.push({ fault, remaining: fault.times ?? 1 });
  }

  /** Forgets queued faults and every `times=` counter. */
  clear(): void {
    this.queue = [];
    this.hits.clear();
  }

  /**
   * Queued faults win over directives. A directive without `times` strikes every
   * request; with `times=K` it strikes the first K requests of the conversation
   * (keyed by directive text + first user message), then lets the next fault in
   * the message, or a normal reply, through.
   */
  take(p: Provider, directives: readonly FaultDirective[], firstUserText: string): ActiveFault | null {
    const i = this.queue.findIndex((q) => q.fault.provider === undefined || q.fault.provider === p);
    if (i >= 0) {
      const q = this.queue[i];
      q.remaining -= 1;
      if (q.remaining <= 0) this.queue.splice(i, 1);
      const label = `queued ${describe(q.fault)}`;
      return q.fault.kind === 'error'
        ? { kind: 'error', status: q.fault.status, label }
        : { kind: q.fault.kind, after: q.fault.after, label };
    }
    for (const d of directives) {
      if (d.times !== null) {
        const key = `${d.raw}\u0000${firstUserText}`;
        const used = this.hits.get(key) ?? 0;
        if (used >= d.times) continue;
        this.hits.set(key, used + 1);
      }
      const label = d.raw;
      return d.kind === 'error' ? { kind: 'error', status: d.status, label } : { kind: d.kind, after: d.after, label };
    }
    return null;
  }
}
