import type { AppContext } from '../../context.js';
import { hashPassword, passwordProblem, verifyPassword } from '../../auth/passwords.js';
import { LoginThrottle, RateWindow } from '../../auth/login-throttle.js';
import { classifyAddress, clientBucket } from '../../shared/net-guard.js';
import { Conflict, Forbidden, TooManyRequests, ValidationError } from '../../shared/errors.js';
import type { Principal } from '../../http/route.js';

export const LOGIN_TTL_MS = 30 * 24 * 3600_000;

/** Accounts: sign-up, login, logout, switching team. */
export class AccountService {
  private readonly throttle = new LoginThrottle();
  // Each sign-up hashes a password and creates an account, an org and a team: cheap to ask for.
  private readonly signups = new RateWindow(SIGNUPS_PER_HOUR, 3600_000);

  constructor(private readonly ctx: AppContext) {}

  async register(input: { name: string; email: string; password: string }, ip: string): Promise<{ accountId: string; teamId: string }> {
    // Loopback is exempt: it is the machine's own user, or a proxy whose clients all look alike
    // until NIMBUS_TRUST_PROXY names them (then each client address counts on its own).
    const bucket = classifyAddress(ip) === 'loopback' ? null : clientBucket(ip);
    if (this.ctx.config.signup === 'invite' && (await this.ctx.identity.anyAccountExists())) {
      throw new Forbidden('Sign-up is closed', 'This Nimbus only takes new people by invitation: ask a team admin to invite you');
    }
    const problem = passwordProblem(input.password, input.email);
    if (problem) throw new ValidationError(problem);
    if (await this.ctx.identity.findAccountByEmail(input.email)) throw new Conflict('Account already exists with this email');
    // Only a sign-up that gets this far counts (a typo or a taken address costs nothing); the check
    // and the count happen together, so a burst cannot slip past the limit.
    if (bucket) {
      const wait = this.signups.retryAfter(bucket);
      if (wait > 0) throw new TooManyRequests(`Too many sign-ups from this address, try again in ${wait} seconds`);
      this.signups.record(bucket);
    }
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.ctx.identity.createAccountWithOrgAndTeam({ name: input.name, email: input.email, passwordHash });
    } catch (err) {
      // Two sign-ups racing for one email: the unique index decides.
      if (await this.ctx.identity.findAccountByEmail(input.email)) throw new Conflict('Account already exists with this email');
      throw err;
    }
  }

  async login(input: { email: string; password: string; goto?: string | null }, ip: string) {
    const from = clientBucket(ip);
    const wait = this.throttle.retryAfter(from, input.email);
    if (wait > 0) throw new TooManyRequests(`Too many failed logins, try again in ${wait} seconds`);
    const mark = this.throttle.begin(from, input.email);
    const account = await this.ctx.identity.findAccountByEmail(input.email);
    const ok = await verifyPassword(account?.passwordHash, input.password);
    if (!account || !ok) throw new Forbidden('Incorrect email or password');
    this.throttle.succeed(from, input.email, mark);
    const { token } = await this.ctx.auth.issue(account.id, 'login', { expiresAt: new Date(Date.now() + LOGIN_TTL_MS) });
    const redirect = safeGoto(input.goto) ?? (account.currentTeamId ? `/${account.currentTeamId}/apps` : '/welcome');
    return { token, redirect };
  }

  /** Revokes the login this request came with (an API key is revoked through its own route). */
  async logout(principal: Principal): Promise<void> {
    if (principal.credential.kind === 'login') {
      await this.ctx.auth.revoke(principal.account.id, principal.credential.id, 'login');
    }
  }

  async switchTeam(principal: Principal, orgId: string, teamId: string): Promise<void> {
    const member = principal.account.memberships.some((m) => m.teamId === teamId && m.orgId === orgId);
    if (!member) throw new ValidationError('Invalid inputs');
    await this.ctx.identity.setCurrentTeam(principal.account.id, orgId, teamId);
    this.ctx.auth.invalidateAccounts([principal.account.id]);
  }

  async setRole(principal: Principal, role: string): Promise<void> {
    await this.ctx.identity.setRole(principal.account.id, role);
    this.ctx.auth.invalidateAccounts([principal.account.id]);
  }
}

/**
 * Only same-site paths: a login link must not bounce the user to another host. Browsers drop tabs
 * and newlines from URLs and read `\` as `/`, so `/\t/evil.example` would become `//evil.example`.
 */
export function safeGoto(goto: string | null | undefined): string | null {
  if (!goto || !goto.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(goto)) return null;
  if (goto.startsWith('//')) return null;
  return goto;
}

const SIGNUPS_PER_HOUR = 20;
