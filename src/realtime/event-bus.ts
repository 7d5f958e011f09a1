import { EventEmitter } from 'node:events';

/**
 * Publish/subscribe between the parts of Nimbus. In embedded mode it is in-process; distributed
 * mode puts Redis pub/sub behind the same interface. Messages must be JSON-serialisable.
 */
export interface EventBus {
  publish(channel: string, message: unknown): void;
  /** Returns the unsubscribe function. */
  subscribe(channel: string, handler: (message: unknown) => void): () => void;
  /** Resolves once messages published on the channel from now on will reach this process's handlers. */
  subscribed(channel: string): Promise<void>;
  /** This process's handlers on the channel (read-only; tests check closed streams leave none). */
  listenerCount(channel: string): number;
  close(): Promise<void>;
}

export class LocalEventBus implements EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Thousands of SSE and socket subscribers per channel are normal, not a leak.
    this.emitter.setMaxListeners(0);
  }

  publish(channel: string, message: unknown): void {
    this.emitter.emit(channel, message);
  }

  subscribe(channel: string, handler: (message: unknown) => void): () => void {
    this.emitter.on(channel, handler);
    return () => this.emitter.off(channel, handler);
  }

  async subscribed(): Promise<void> {}

  listenerCount(channel: string): number {
    return this.emitter.listenerCount(channel);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
