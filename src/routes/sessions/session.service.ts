import { newId } from '../../shared/ids.js';
import { NotFound, ValidationError } from '../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { TeamAccess } from '../../auth/auth.service.js';
import { canSeeSession, isTeamAdmin } from '../../auth/app-access.js';
import { SessionRepository } from '../../db/repositories/session.repository.js';
import { AppRepository } from '../../db/repositories/app.repository.js';
import { presentApp } from '../apps/app.presenter.js';
import { presentSession } from './session.presenter.js';
import { SESSION_CONTROL, sessionChannel } from '../../runtime/events.js';
import { stopSession } from '../../runtime/session-control.js';

const NOT_FOUND = 'Session not found';

/** Sessions: creating one from an app (the seed route), reading, cancelling, deleting, starting. */
export class SessionService {
  readonly repo: SessionRepository;
  private readonly apps: AppRepository;

  constructor(private readonly ctx: AppContext) {
    this.repo = new SessionRepository(ctx.db);
    this.apps = new AppRepository(ctx.db);
  }

  /** The seed route: one statement, then the run job unless told to wait. */
  async add(team: TeamAccess, accountId: string, appId: string, skipRun: boolean): Promise<string> {
    const sessionId = newId();
    const result = await this.repo.createFromApp(team.teamId, appId, sessionId, accountId, isTeamAdmin(team));
    // An app not shared with the caller answers like an unknown one: its existence does not leak.
    if (result.denied || !result.created) throw new ValidationError('Invalid inputs');
    if (!skipRun && !result.needsVariables) {
      await this.ctx.jobs.enqueue('session.run', { teamId: team.teamId, sessionId }, { jobId: sessionId });
    }
    return sessionId;
  }

  /** A session the caller may use: in the team, and its app shared with the caller. */
  accessible(team: TeamAccess, accountId: string, id: string) {
    return this.ctx.sessionAccess.inTeam(team, accountId, id);
  }

  async list(team: TeamAccess, accountId: string, before: string | null) {
    // Filtered in the query, so a page holds 10 sessions the caller may see when there are 10.
    const rows = await this.repo.listWithApps(team.teamId, before, isTeamAdmin(team) ? null : accountId);
    return rows
      .filter((r) => canSeeSession(r.session, r.app ?? undefined, accountId, team))
      .map((r) => ({ ...presentSession(r.session), app: r.app ? presentApp(r.app, r.crew) : undefined }));
  }

  /** session.json: the session, its app (with the variables it asks for) and the agents' avatars. */
  async detail(team: TeamAccess, accountId: string, id: string) {
    const { session, app } = await this.accessible(team, accountId, id);
    if (!app) return { session: presentSession(session), app: null, avatarMap: {} };
    const crew = await this.apps.crew(team.teamId, app.crewId);
    const [agents, tasks] = await Promise.all([this.apps.agentsOf(team.teamId, app, crew), this.apps.tasksOf(team.teamId, crew)]);
    const variableIds = [...new Set([...agents.flatMap((a) => a.variableIds), ...tasks.flatMap((t) => t.variableIds)])];
    const vars = await this.apps.variablesByIds(team.teamId, variableIds);
    const avatarMap: Record<string, string | null> = {};
    for (const a of agents) avatarMap[a.name.toLowerCase()] = typeof a.icon?.filename === 'string' ? a.icon.filename : null;
    return {
      session: presentSession(session),
      app: { ...presentApp(app, crew), variables: vars.map((v) => ({ name: v.name, defaultValue: v.defaultValue, id: v.id })) },
      avatarMap,
    };
  }

  /** Cancel: terminated, and the stop flag the runtime checks between chunks. */
  async cancel(team: TeamAccess, accountId: string, id: string): Promise<void> {
    await this.accessible(team, accountId, id);
    await stopSession({ sessions: this.repo, messages: this.ctx.messages, bus: this.ctx.bus }, team.teamId, id);
  }

  async delete(team: TeamAccess, accountId: string, id: string): Promise<void> {
    await this.accessible(team, accountId, id);
    if (!(await this.repo.delete(team.teamId, id))) throw new NotFound(NOT_FOUND);
    // After the rows are gone: a driver stopping now finds nothing to write, and streams end.
    this.ctx.bus.publish(SESSION_CONTROL, { sessionId: id, action: 'stop' });
    this.ctx.bus.publish(sessionChannel(id), { type: 'terminate', deleted: true });
  }

  async setVariables(team: TeamAccess, accountId: string, id: string, variables: Record<string, string>) {
    await this.accessible(team, accountId, id);
    await this.repo.update(team.teamId, id, { variables });
    return { acknowledged: true, matchedCount: 1, modifiedCount: 1, upsertedCount: 0, upsertedId: null };
  }

  /** An explicit start: clears a stop, leaves terminated, and asks a worker to drive the session. */
  async start(team: TeamAccess, accountId: string, id: string): Promise<void> {
    const { session } = await this.accessible(team, accountId, id);
    const status = session.status === 'terminated' || session.status === 'error' ? 'started' : session.status;
    await this.repo.update(team.teamId, id, { stopRequested: false, status, errorMessage: null });
    this.ctx.bus.publish(sessionChannel(id), { type: 'status', status });
    await this.ctx.jobs.enqueue('session.run', { teamId: team.teamId, sessionId: id }, { jobId: id });
  }
}
