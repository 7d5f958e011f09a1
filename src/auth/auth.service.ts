import { newId } from '../shared/ids.js';
import type { IdentityRepository, TeamMembership } from '../db/repositories/identity.repository.js';
import type { CredentialKind, CredentialRepository } from '../db/repositories/credential.repository.js';
import type { EventBus } from '../realtime/event-bus.js';
import { effectivePermissions, type Permission } from './permissions.js';
import { newSecret, parseToken, secretMatches, tokenFor } from './tokens.js';

export interface AccountSnapshot {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  role: string | null;
  currentOrgId: string | null;
  currentTeamId: string | null;
  memberships: TeamMembership[];
}

export interface CredentialInfo {
  id: string;
  accountId: string;
  kind: CredentialKind;
  expiresAt: Date | null;
}

export interface TeamAccess {
  teamId: string;
  orgId: string;
  membership: TeamMembership;
  permissions: ReadonlySet<Permission>;
}

interface CachedCredential extends CredentialInfo {
  secretHash: string;
  lastTouched: number;
}

// Exported for the realtime layer, which re-checks open sockets and SSE streams on it.
export const INVALIDATE = 'auth.invalidate';
// Bounds how stale a cache entry can be if an invalidation message is ever missed.
const CACHE_TTL_MS = 60_000;
const TOUCH_EVERY_MS = 60_000;
export const INVITE_TTL_MS = 7 * 24 * 3600_000;

/**
 * Credentials and the accounts behind them. Token checks are the hot path of every request, so
 * credentials and account snapshots are cached in memory; every change that could make a cached
 * entry wrong (revocation, membership, rename) invalidates it here and, through the bus, in every
 * other process.
 */
export class AuthService {
  private readonly credentialCache = new Map<string, { value: CachedCredential; at: number }>();
  private readonly accountCache = new Map<string, { value: Promise<AccountSnapshot | null>; at: number }>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly identity: IdentityRepository,
    private readonly credentials: CredentialRepository,
    private readonly bus: EventBus,
  ) {
    this.unsubscribe = bus.subscribe(INVALIDATE, (msg) => this.dropLocal(msg));
  }

  close(): void {
    this.unsubscribe();
  }

  async issue(
    accountId: string,
    kind: CredentialKind,
    opts: { name?: string; description?: string | null; expiresAt?: Date | null } = {},
  ): Promise<{ id: string; token: string }> {
    const id = newId();
    const { secret, secretHash } = newSecret();
    await this.credentials.insert({
      id,
      accountId,
      kind,
      secretHash,
      name: opts.name ?? null,
      description: opts.description ?? null,
      expiresAt: opts.expiresAt ?? null,
    });
    return { id, token: tokenFor(id, secret) };
  }

  /** The credential a bearer token or session cookie stands for, or null if it is not valid now. */
  async verify(token: string): Promise<CredentialInfo | null> {
    const parsed = parseToken(token);
    if (!parsed) return null;
    const { id, secret } = parsed;
    const now = Date.now();
    let entry = this.credentialCache.get(id);
    if (!entry || now - entry.at > CACHE_TTL_MS) {
      const row = await this.credentials.findForToken(id);
      if (!row) {
        this.credentialCache.delete(id);
        return null;
      }
      entry = {
        value: {
          id: row.id,
          accountId: row.accountId,
          kind: row.kind as CredentialKind,
          expiresAt: row.expiresAt,
          secretHash: row.secretHash,
          lastTouched: row.lastUsedAt?.getTime() ?? 0,
        },
        at: now,
      };
      this.credentialCache.set(id, entry);
    }
    const cred = entry.value;
    // An invite link only sets a first password; it must never open the API.
    if (cred.kind === 'invite') return null;
    if (!secretMatches(cred.secretHash, secret)) return null;
    if (cred.expiresAt && cred.expiresAt.getTime() <= now) return null;
    if (cred.kind === 'api_key' && now - cred.lastTouched > TOUCH_EVERY_MS) {
      cred.lastTouched = now;
      // Off the request path: a lost update only makes lastUsedDate a minute older.
      this.credentials.touch(cred.accountId, cred.id, new Date(now)).catch(() => undefined);
    }
    return { id: cred.id, accountId: cred.accountId, kind: cred.kind, expiresAt: cred.expiresAt };
  }

  /** A one-time link secret for an invited account; any older invite link of the account dies. */
  async issueInvite(accountId: string): Promise<string> {
    for (const id of await this.credentials.deleteKind(accountId, 'invite')) this.invalidate({ credentialId: id });
    const { token } = await this.issue(accountId, 'invite', { expiresAt: new Date(Date.now() + INVITE_TTL_MS) });
    return token;
  }

  /** The invite a token stands for, if it is one and still valid; it is not consumed here. */
  async findInvite(token: string): Promise<{ id: string; accountId: string } | null> {
    const parsed = parseToken(token);
    if (!parsed) return null;
    const { id, secret } = parsed;
    // Straight from the database: invites are rare and must see a redemption at once.
    const row = await this.credentials.findForToken(id);
    if (!row || row.kind !== 'invite') return null;
    if (!secretMatches(row.secretHash, secret)) return null;
    if (!row.expiresAt || row.expiresAt.getTime() <= Date.now()) return null;
    return { id: row.id, accountId: row.accountId };
  }

  /** Consumes an invite and sets the account's first password; false if it was used meanwhile. */
  async redeemInvite(invite: { id: string; accountId: string }, passwordHash: string): Promise<boolean> {
    const done = await this.credentials.redeemInvite(invite.accountId, invite.id, passwordHash);
    this.invalidate({ credentialId: invite.id });
    if (done) this.invalidateAccounts([invite.accountId]);
    return done;
  }

  /** A new secret for an existing credential; the old token stops working at once. */
  async rotate(accountId: string, credentialId: string, kind: CredentialKind): Promise<string | null> {
    const { secret, secretHash } = newSecret();
    const done = await this.credentials.setSecret(accountId, credentialId, kind, secretHash);
    this.invalidate({ credentialId });
    return done ? tokenFor(credentialId, secret) : null;
  }

  async revoke(accountId: string, credentialId: string, kind: CredentialKind): Promise<boolean> {
    const done = await this.credentials.delete(accountId, credentialId, kind);
    this.invalidate({ credentialId });
    return done;
  }

  account(accountId: string): Promise<AccountSnapshot | null> {
    const now = Date.now();
    const hit = this.accountCache.get(accountId);
    if (hit && now - hit.at <= CACHE_TTL_MS) return hit.value;
    const value = this.loadAccount(accountId);
    this.accountCache.set(accountId, { value, at: now });
    value.catch(() => this.accountCache.delete(accountId));
    return value;
  }

  /** Call after any change to an account, its memberships, or the teams and orgs it sees. */
  invalidateAccounts(accountIds: Iterable<string>): void {
    for (const accountId of accountIds) this.invalidate({ accountId });
  }

  teamAccess(account: AccountSnapshot, teamId: string): TeamAccess | null {
    const membership = account.memberships.find((m) => m.teamId === teamId);
    if (!membership) return null;
    return {
      teamId,
      orgId: membership.orgId,
      membership,
      permissions: effectivePermissions({
        isOrgOwner: membership.orgOwnerId === account.id,
        orgRole: membership.orgRole,
        isTeamOwner: membership.teamOwnerId === account.id,
        teamRole: membership.teamRole,
      }),
    };
  }

  private async loadAccount(accountId: string): Promise<AccountSnapshot | null> {
    const row = await this.identity.findAccountById(accountId);
    if (!row) return null;
    const memberships = await this.identity.memberships(accountId);
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      emailVerified: row.emailVerified,
      role: row.role,
      currentOrgId: row.currentOrgId,
      currentTeamId: row.currentTeamId,
      memberships,
    };
  }

  private invalidate(msg: { credentialId?: string; accountId?: string }): void {
    this.dropLocal(msg);
    this.bus.publish(INVALIDATE, msg);
  }

  private dropLocal(msg: unknown): void {
    if (!msg || typeof msg !== 'object') return;
    const m = msg as { credentialId?: unknown; accountId?: unknown };
    if (typeof m.credentialId === 'string') this.credentialCache.delete(m.credentialId);
    if (typeof m.accountId === 'string') this.accountCache.delete(m.accountId);
  }
}
