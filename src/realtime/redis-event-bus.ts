import { Redis } from 'ioredis';
import type { EventBus } from './event-bus.js';

/**
 * The event bus over Redis pub/sub, for several Nimbus processes on one database: session events
 * reach every process's SSE and socket clients, and auth-cache invalidations reach every cache.
 * A channel is subscribed in Redis while at least one local handler listens to it.
 */
export class RedisEventBus implements EventBus {
  private readonly handlers = new Map<string, Set<(message: unknown) => void>>();
  private readonly ready = new Map<string, Promise<void>>();

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly prefix: string,
  ) {
    sub.on('message', (channel: string, raw: string) => {
      const set = this.handlers.get(channel.slice(this.prefix.length));
      if (!set) return;
      let message: unknown;
      try {
        message = JSON.parse(raw);
      } catch {
        return;
      }
      for (const h of set) h(message);
    });
  }

  static async connect(url: string, prefix = 'nimbus:'): Promise<RedisEventBus> {
    const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
    const sub = new Redis(url, { lazyConnect: true });
    // Errors surface through commands; the client reconnects by itself.
    pub.on('error', () => undefined);
    sub.on('error', () => undefined);
    await Promise.all([pub.connect(), sub.connect()]);
    return new RedisEventBus(pub, sub, prefix);
  }

  publish(channel: string, message: unknown): void {
    this.pub.publish(this.prefix + channel, JSON.stringify(message)).catch(() => undefined);
  }

  subscribe(channel: string, handler: (message: unknown) => void): () => void {
    let set = this.handlers.get(channel);
    if (!set) {
      this.handlers.set(channel, (set = new Set()));
      this.ready.set(
        channel,
        this.sub.subscribe(this.prefix + channel).then(
          () => undefined,
          () => undefined,
        ),
      );
    }
    set.add(handler);
    return () => {
      const s = this.handlers.get(channel);
      if (!s) return;
      s.delete(handler);
      if (s.size === 0) {
        this.handlers.delete(channel);
        this.ready.delete(channel);
        this.sub.unsubscribe(this.prefix + channel).catch(() => undefined);
      }
    };
  }

  async subscribed(channel: string): Promise<void> {
    await this.ready.get(channel);
  }

  listenerCount(channel: string): number {
    return this.handlers.get(channel)?.size ?? 0;
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.sub.disconnect();
    this.pub.disconnect();
  }
}
