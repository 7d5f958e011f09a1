/** At most `limit` events per key in a sliding window (sign-ups per address, failed logins, …). */
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

  /** Counts an event; its time is the mark `takeBack` needs. */
  record(key: string, now = Date.now()): number {
    const list = this.recent(key, now);
    list.push(now);
    this.events.set(key, list);
    if (this.events.size > 100_000) {
      for (const [k, l] of this.events) if (l.every((t) => t <= now - this.windowMs)) this.events.delete(k);
    }
    return now;
  }

  /** Un-counts the event recorded at `mark`. */
  takeBack(key: string, mark: number): void {
    const list = this.events.get(key);
    const i = list?.indexOf(mark) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
  }

  forget(key: string): void {
    this.events.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.events.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }
}

/**
 * Brute-force brake for logins: counts failures per (address, email) and per address in a sliding
 * window. Successes do not count, so a user who logs in often is never locked out; a guesser is.
 * An attempt counts from the moment it starts (`begin`) and is taken back if it succeeds, so many
 * guesses sent at once cannot slip past the limit while their passwords are being checked.
 * Per process: in distributed mode each API replica brakes on its own share of the traffic.
 */
export class LoginThrottle {
  private readonly byAccount: RateWindow;
  private readonly byAddress: RateWindow;

  constructor(perAccount = 10, perAddress = 100, windowMs = 15 * 60_000) {
    this.byAccount = new RateWindow(perAccount, windowMs);
    this.byAddress = new RateWindow(perAddress, windowMs);
  }

  /** Seconds to wait before trying again, or 0 when an attempt is allowed now. */
  retryAfter(ip: string, email: string, now = Date.now()): number {
    return this.byAccount.retryAfter(`${ip}|${email}`, now) || this.byAddress.retryAfter(ip, now);
  }

  /** Counts an attempt as failed until it is known to have succeeded; returns its mark for `succeed`. */
  begin(ip: string, email: string, now = Date.now()): number {
    this.byAccount.record(`${ip}|${email}`, now);
    return this.byAddress.record(ip, now);
  }

  /** The attempt begun at `mark` succeeded: it stops counting, and so do that account's failures. */
  succeed(ip: string, email: string, mark: number): void {
    this.byAccount.forget(`${ip}|${email}`);
    this.byAddress.takeBack(ip, mark);
  }
}
