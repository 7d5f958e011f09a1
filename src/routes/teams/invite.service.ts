import type { AppContext } from '../../context.js';
import type { TeamAccess } from '../../auth/auth.service.js';
import type { TeamRole } from '../../auth/permissions.js';
import { hashPassword, passwordProblem } from '../../auth/passwords.js';
import type { AccountRow } from '../../db/repositories/identity.repository.js';
import { Conflict, ValidationError } from '../../shared/errors.js';

export interface InviteInput {
  name: string;
  email: string;
  template: TeamRole;
}

const ALREADY_MEMBER = 'User is already on your team';

/**
 * Invitations. Nimbus sends no e-mail, so an account created by an invite gets a one-time link
 * (`/verify?token=…`, valid 7 days) that the inviting admin hands over; the invitee sets a
 * password through it and can then log in.
 */
export class InviteService {
  constructor(private readonly ctx: AppContext) {}

  async invite(access: TeamAccess, input: InviteInput): Promise<{ inviteUrl?: string }> {
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
    return this.inviteExisting(access, account as AccountRow, input.template);
  }

  private async inviteExisting(access: TeamAccess, account: AccountRow, role: TeamRole): Promise<{ inviteUrl?: string }> {
    const memberships = await this.ctx.identity.memberships(account.id);
    if (memberships.some((m) => m.teamId === access.teamId)) throw new Conflict(ALREADY_MEMBER);
    if (!(await this.ctx.teams.addMember(access.teamId, access.orgId, account.id, role))) throw new Conflict(ALREADY_MEMBER);
    this.ctx.auth.invalidateAccounts([account.id]);
    // An account that never set a password and belongs to no other team is as good as new (e.g.
    // its first link expired and it was removed and invited again): it gets a fresh link, and
    // the old ones die. One that is in other teams gets none: the link would open those teams too.
    if (!account.passwordHash && memberships.length === 0) {
      return { inviteUrl: verifyUrl(await this.ctx.auth.issueInvite(account.id)) };
    }
    return {};
  }

  /** The invitee's first password; the link is consumed only when the password is accepted. */
  async verify(token: string, password: string | null | undefined): Promise<void> {
    const invite = await this.ctx.auth.findInvite(token);
    if (!invite) throw new ValidationError('Invalid token');
    if (!password) throw new ValidationError('Invalid inputs');
    const account = await this.ctx.identity.findAccountById(invite.accountId);
    if (!account) throw new ValidationError('Invalid token');
    const problem = passwordProblem(password, account.email);
    if (problem) throw new ValidationError(problem);
    if (!(await this.ctx.auth.redeemInvite(invite, await hashPassword(password)))) throw new ValidationError('Invalid token');
  }
}

function verifyUrl(token: string): string {
  return `/verify?token=${encodeURIComponent(token)}`;
}
