import type { Logger } from 'pino';
import { INVALIDATE as AUTH_INVALIDATE, type CredentialInfo } from '../auth/auth.service.js';
import type { EventBus } from './event-bus.js';

// setTimeout's longest delay (~24.8 days): a 30-day login's expiry is waited for in steps.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Re-checks a stream's access, ending what lost it; the credential while it still holds, else null. */
export type Recheck = () => Promise<CredentialInfo | null>;

/**
 * A stream's outgoing events, held back while its access is re-checked: events published after
 * an invalidation never reach a client before the check has decided (the sink drops what lost access).
 */
export class Gate<T> {
  private held: T[] | null = null;
  private holds = 0;

  constructor(private readonly out: (item: T) => void) {}

  readonly send = (item: T): void => {
    if (this.held) this.held.push(item);
    else this.out(item);
  };

  hold(): void {
    this.holds++;
    this.held ??= [];
  }

  release(): void {
    if (--this.holds > 0) return;
    const held = this.held ?? [];
    this.held = null;
    for (const item of held) this.out(item);
  }
}

export interface Watching {
  stop(): void;
  /** Re-checks at once if an invalidation arrived since `mark`: access read before it may be stale. */
  since(mark: number): void;
}

/** What a re-check holds back meanwhile (a Gate). */
interface Holdable {
  hold(): void;
  release(): void;
}

interface Entry {
  credentialId: string;
  accountId: string;
  gate: Holdable;
  recheck: Recheck;
  timer: NodeJS.Timeout | null;
  backstop: NodeJS.Timeout | null;
  stopped: boolean;
}

/**
 * Open sockets and SSE streams, by the credential and account they authenticated with. Access is
 * checked when a stream opens; after that only the auth invalidations on the bus (a revoked or
 * rotated credential, a changed membership or role, from any process) and the credential's expiry
 * make a stream re-check itself, so live events cost nothing extra. In case an invalidation is lost
 * (a Redis reconnect), every stream also re-checks every `backstopMs`, each at its own moment so
 * the checks do not come in one burst.
 */
export class AccessWatch {
  private readonly byCredential = new Map<string, Set<Entry>>();
  private readonly byAccount = new Map<string, Set<Entry>>();
  private lastInvalidation = -Infinity;

  constructor(
    bus: EventBus,
    private readonly log: Logger,
    private readonly backstopMs: number,
  ) {
    bus.subscribe(AUTH_INVALIDATE, (msg) => this.onInvalidate(msg));
  }

  /** Streams being watched (read by tests: it must return to its baseline when streams end). */
  get size(): number {
    let n = 0;
    for (const set of this.byCredential.values()) n += set.size;
    return n;
  }

  /** A point in time to pass to `since`, taken before access is read. */
  mark(): number {
    return performance.now();
  }

  watch(credential: CredentialInfo, gate: Holdable, recheck: Recheck): Watching {
    const entry: Entry = { credentialId: credential.id, accountId: credential.accountId, gate, recheck, timer: null, backstop: null, stopped: false };
    add(this.byCredential, entry.credentialId, entry);
    add(this.byAccount, entry.accountId, entry);
    this.arm(entry, credential.expiresAt);
    // The first check at a random point of the period, then one per period.
    entry.backstop = setTimeout(() => {
      this.run(entry);
      entry.backstop = setInterval(() => this.run(entry), this.backstopMs).unref();
    }, Math.random() * this.backstopMs).unref();
    return {
      stop: () => {
        if (entry.stopped) return;
        entry.stopped = true;
        if (entry.timer) clearTimeout(entry.timer);
        // clearTimeout also clears an interval.
        if (entry.backstop) clearTimeout(entry.backstop);
        remove(this.byCredential, entry.credentialId, entry);
        remove(this.byAccount, entry.accountId, entry);
      },
      since: (mark) => {
        if (this.lastInvalidation >= mark) this.run(entry);
      },
    };
  }

  private onInvalidate(msg: unknown): void {
    this.lastInvalidation = performance.now();
    if (!msg || typeof msg !== 'object') return;
    const m = msg as { credentialId?: unknown; accountId?: unknown };
    const hit = new Set<Entry>();
    if (typeof m.credentialId === 'string') for (const e of this.byCredential.get(m.credentialId) ?? []) hit.add(e);
    if (typeof m.accountId === 'string') for (const e of this.byAccount.get(m.accountId) ?? []) hit.add(e);
    for (const e of hit) this.run(e);
  }

  private run(entry: Entry): void {
    if (entry.stopped) return;
    entry.gate.hold();
    // After every handler of this bus message has run, so AuthService has dropped its cached entries.
    setImmediate(() => {
      const check = entry.stopped ? Promise.resolve(null) : entry.recheck();
      check
        .then(
          (cred) => {
            if (cred && !entry.stopped) this.arm(entry, cred.expiresAt);
          },
          (err: unknown) => this.log.error({ err }, 'realtime access re-check failed'),
        )
        .finally(() => entry.gate.release());
    });
  }

  private arm(entry: Entry, expiresAt: Date | null): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    if (!expiresAt) return;
    const delay = Math.max(0, Math.min(expiresAt.getTime() - Date.now(), MAX_TIMER_MS));
    entry.timer = setTimeout(() => {
      entry.timer = null;
      this.run(entry);
    }, delay);
    // An expiry far ahead must not keep a closing process alive.
    entry.timer.unref();
  }
}

const watches = new WeakMap<EventBus, AccessWatch>();

/** The process's one AccessWatch (per bus): the socket gateway and the SSE route share it. */
export function accessWatch(ctx: { bus: EventBus; log: Logger; config: { runtime: { streamRecheckMs: number } } }): AccessWatch {
  let w = watches.get(ctx.bus);
  if (!w) watches.set(ctx.bus, (w = new AccessWatch(ctx.bus, ctx.log, ctx.config.runtime.streamRecheckMs)));
  return w;
}

function add(map: Map<string, Set<Entry>>, key: string, entry: Entry): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(entry);
}

function remove(map: Map<string, Set<Entry>>, key: string, entry: Entry): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(entry);
  if (set.size === 0) map.delete(key);
}
