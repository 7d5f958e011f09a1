/**
 * Brute-force brake for logins: counts failures per (address, email) and per address in a sliding
 * window. Successes do not count, so a user who logs in often is never locked out; a guesser is.
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

  fail(ip: string, email: string, now = Date.now()): void {
    for (const key of [`${ip}|${email}`, ip]) {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.set(key, list);
    }
    if (this.failures.size > 100_000) this.sweep(now);
  }

  succeed(ip: string, email: string): void {
    this.failures.delete(`${ip}|${email}`);
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
