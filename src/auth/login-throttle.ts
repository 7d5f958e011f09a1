/**
 * Brute-force brake for logins: counts failures per (address, email) and per address in a sliding
 * window. Successes do not count, so a user who logs in often is never locked out; a guesser is.
 * An attempt counts from the moment it starts (`begin`) and is taken back if it succeeds, so many
 * guesses sent at once cannot slip past the limit while their passwords are being checked.
 * Per process: in distributed mode each API replica brakes on its own share of the traffic.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly perAccount = 10,
    private readonly perAddress = 100,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Seconds to wait before trying again, or 0 when an attempt is allowed now. */
  retryAfter(ip: string, email: string, now = Date.now()): number {
    const a = this.recent(`${ip}|${email}`, now);
    const b = this.recent(ip, now);
    const blocking = a.length >= this.perAccount ? a : b.length >= this.perAddress ? b : null;
    if (!blocking) return 0;
    return Math.max(1, Math.ceil((blocking[0]! + this.windowMs - now) / 1000));
  }

  /** Counts an attempt as failed until it is known to have succeeded; returns its mark for `succeed`. */
  begin(ip: string, email: string, now = Date.now()): number {
    for (const key of [`${ip}|${email}`, ip]) {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.set(key, list);
    }
    if (this.failures.size > 100_000) this.sweep(now);
    return now;
  }

  /** The attempt begun at `mark` succeeded: it stops counting, and so do that account's failures. */
  succeed(ip: string, email: string, mark: number): void {
    this.failures.delete(`${ip}|${email}`);
    const list = this.failures.get(ip);
    const i = list?.indexOf(mark) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
  }

  private recent(key: string, now: number): number[] {
    const list = this.failures.get(key) ?? [];
    while (list.length > 0 && list[0]! <= now - this.windowMs) list.shift();
    return list;
  }

  private sweep(now: number): void {
    for (const [key, list] of this.failures) {
      if (list.length === 0 || list[list.length - 1]! <= now - this.windowMs) this.failures.delete(key);
    }
  }
}

/** At most `limit` events per key in a sliding window (e.g. sign-ups per address). */
export class RateWindow {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** 0, or the seconds to wait while the key is at its limit. */
  retryAfter(key: string, now = Date.now()): number {
    const list = this.recent(key, now);
    return list.length >= this.limit ? Math.max(1, Math.ceil((list[0]! + this.windowMs - now) / 1000)) : 0;
  }

  record(key: string, now = Date.now()): void {
    const list = this.recent(key, now);
    list.push(now);
    this.events.set(key, list);
    if (this.events.size > 100_000) {
      for (const [k, l] of this.events) if (l.every((t) => t <= now - this.windowMs)) this.events.delete(k);
    }
  }

  private recent(key: string, now: number): number[] {
    return (this.events.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }
}
