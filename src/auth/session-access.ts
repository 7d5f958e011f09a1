import { NotFound } from '../shared/errors.js';
import type { Db } from '../db/client.js';
import { SessionRepository, type SessionRow } from '../db/repositories/session.repository.js';
import { AppRepository, type AppRow } from '../db/repositories/app.repository.js';
import type { AccountSnapshot, AuthService, TeamAccess } from './auth.service.js';
import { canSeeSession } from './app-access.js';

export interface AccessibleSession {
  session: SessionRow;
  app: AppRow | undefined;
  team: TeamAccess;
}

export const SESSION_NOT_FOUND = 'Session not found';

/**
 * Who may see or drive a session: its creator while its app is shared with them, and the team's
 * admins (`canSeeSession`). REST routes, socket.io and SSE all ask here, so the rule is the same
 * on every channel.
 */
export class SessionAccess {
  private readonly sessions: SessionRepository;
  private readonly apps: AppRepository;

  constructor(
    db: Db,
    private readonly auth: AuthService,
  ) {
    this.sessions = new SessionRepository(db);
    this.apps = new AppRepository(db);
  }

  async inTeam(team: TeamAccess, accountId: string, sessionId: string): Promise<AccessibleSession> {
    const row = await this.sessions.getWithApp(team.teamId, sessionId);
    if (!row) throw new NotFound(SESSION_NOT_FOUND);
    const app = row.app ?? undefined;
    if (!canSeeSession(row.session, app, accountId, team)) throw new NotFound(SESSION_NOT_FOUND);
    return { session: row.session, app, team };
  }

  /** For channels that name only the session (socket rooms): look among the caller's teams. */
  async anyTeam(account: AccountSnapshot, sessionId: string): Promise<AccessibleSession | null> {
    const session = await this.sessions.getInTeams(
      account.memberships.map((m) => m.teamId),
      sessionId,
    );
    const team = session && this.auth.teamAccess(account, session.teamId);
    if (!session || !team) return null;
    const app = await this.apps.get(team.teamId, session.appId);
    return canSeeSession(session, app, account.id, team) ? { session, app, team } : null;
  }
}
