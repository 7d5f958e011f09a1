import type { AppContext } from '../../context.js';
import { INVITE_TTL_MS } from '../../auth/auth.service.js';
import { newSecret, parseToken, secretMatches, tokenFor } from '../../auth/tokens.js';
import { newId } from '../../shared/ids.js';
import type { TeamAccess } from '../../auth/auth.service.js';
import type { TeamRole } from '../../auth/permissions.js';
import { hashPassword, passwordProblem } from '../../auth/passwords.js';
import type { AccountRow } from '../../db/repositories/identity.repository.js';
import { Conflict, Forbidden, ValidationError } from '../../shared/errors.js';

export interface InviteInput {
  name: string;
  email: string;
  template: TeamRole;
}

const ALREADY_MEMBER = 'User is already on your team';
export const INVALID_TOKEN = 'Invalid token';

/** What an invite link stands for, so its page can ask for the right thing. */
export type InviteInfo =
  | { kind: 'password'; email: string; name: string }
  | { kind: 'join'; email: string; name: string; teamName: string; role: TeamRole };

/**
 * Invitations. Nimbus sends no e-mail, so every invite answers a one-time link (`/verify?token=…`,
 * valid 7 days) that the inviting admin hands over. An account created by the invite sets its
 * first password through it. An existing account joins only when, logged in, it accepts the
 * link: an address proves nothing here (anyone can sign up with any address), so an invite never
 * adds an existing account on its own.
 */
export class InviteService {
  constructor(private readonly ctx: AppContext) {}

  async invite(access: TeamAccess, invitedBy: string, input: InviteInput): Promise<{ inviteUrl?: string }> {
    let account = await this.ctx.identity.findAccountByEmail(input.email);
    if (!account) {
      let accountId: string | null = null;
      try {
        accountId = await this.ctx.teams.inviteNewAccount(access.teamId, access.orgId, input, input.template);
      } catch (err) {
        // Two invites (or an invite and a sign-up) racing for one email: the unique index decides.
        account = await this.ctx.identity.findAccountByEmail(input.email);
        if (!account) throw err;
      }
      if (accountId) {
        this.ctx.auth.invalidateAccounts([accountId]);
        return { inviteUrl: verifyUrl(await this.ctx.auth.issueInvite(accountId)) };
      }
    }
    return this.inviteExisting(access, invitedBy, account as AccountRow, input.template);
  }

  private async inviteExisting(access: TeamAccess, invitedBy: string, account: AccountRow, role: TeamRole): Promise<{ inviteUrl?: string }> {
    const memberships = await this.ctx.identity.memberships(account.id);
    if (memberships.some((m) => m.teamId === access.teamId)) throw new Conflict(ALREADY_MEMBER);
    // An account that never set a password and belongs to no team is as good as new (e.g. its
    // first link expired and it was removed and invited again): it joins now and gets a fresh
    // password link, and the old ones die.
    if (!account.passwordHash && memberships.length === 0) {
      if (!(await this.ctx.teams.addMember(access.teamId, access.orgId, account.id, role))) throw new Conflict(ALREADY_MEMBER);
      this.ctx.auth.invalidateAccounts([account.id]);
      return { inviteUrl: verifyUrl(await this.ctx.auth.issueInvite(account.id)) };
    }
    const id = newId();
    const { secret, secretHash } = newSecret();
    await this.ctx.teams.replaceInvite(access.teamId, {
      id,
      orgId: access.orgId,
      accountId: account.id,
      role,
      secretHash,
      invitedBy,
      expiresAt: new Date(Date.now() + INVITE_TTL_MS),
    });
    return { inviteUrl: verifyUrl(tokenFor(id, secret)) };
  }

  /** What a link is for: a first password, or joining a team (public: the token is the secret). */
  async describe(token: string): Promise<InviteInfo> {
    const invite = await this.ctx.auth.findInvite(token);
    if (invite) {
      const account = await this.ctx.identity.findAccountById(invite.accountId);
      if (account) return { kind: 'password', email: account.email, name: account.name };
    }
    const join = await this.findTeamInvite(token);
    const account = join && (await this.ctx.identity.findAccountById(join.accountId));
    const team = join && (await this.ctx.teams.get(join.teamId));
    if (!join || !account || !team) throw new ValidationError(INVALID_TOKEN);
    return { kind: 'join', email: account.email, name: account.name, teamName: team.name, role: join.role as TeamRole };
  }

  /** The invited account, logged in, joins the team; anyone else holding the link is refused. */
  async accept(accountId: string, token: string): Promise<{ teamId: string; orgId: string }> {
    const invite = await this.findTeamInvite(token);
    if (!invite) throw new ValidationError(INVALID_TOKEN);
    if (invite.accountId !== accountId) throw new Forbidden('This invitation is for another account: log in as the invited person to accept it');
    const joined = await this.ctx.teams.acceptInvite(invite.id, accountId);
    if (!joined) throw new ValidationError(INVALID_TOKEN);
    this.ctx.auth.invalidateAccounts([accountId]);
    return joined;
  }

  private async findTeamInvite(token: string) {
    const parsed = parseToken(token);
    if (!parsed) return null;
    const row = await this.ctx.teams.inviteById(parsed.id);
    if (!row || !secretMatches(row.secretHash, parsed.secret) || row.expiresAt.getTime() <= Date.now()) return null;
    return row;
  }

  /** The invitee's first password; the link is consumed only when the password is accepted. */
  async verify(token: string, password: string | null | undefined): Promise<void> {
    const invite = await this.ctx.auth.findInvite(token);
    if (!invite) throw new ValidationError(INVALID_TOKEN);
    if (!password) throw new ValidationError('Invalid inputs');
    const account = await this.ctx.identity.findAccountById(invite.accountId);
    if (!account) throw new ValidationError(INVALID_TOKEN);
    const problem = passwordProblem(password, account.email);
    if (problem) throw new ValidationError(problem);
    if (!(await this.ctx.auth.redeemInvite(invite, await hashPassword(password)))) throw new ValidationError('Invalid token');
  }
}

function verifyUrl(token: string): string {
  return `/verify?token=${encodeURIComponent(token)}`;
}
