import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { preparedRows, queryRows } from '../raw.js';
import { sessionLeases } from '../schema.js';

const ACQUIRE = `
  insert into session_leases (session_id, holder, expires_at)
  values ($1, $2, now() + $3::int * interval '1 millisecond')
  on conflict (session_id) do update set holder = excluded.holder, expires_at = excluded.expires_at
  where session_leases.expires_at < now() or session_leases.holder = excluded.holder
  returning holder`;

const RELEASE = `
  with rel as (delete from session_leases where session_id = $1 and holder = $2)
  select exists (select 1 from messages where session_id = $1 and kind = 'user' and not answered) as pending`;

/**
 * The ONLY unscoped data access in Nimbus: what a worker needs across teams (leases, recovery).
 * Never import this from a route or the realtime gateway.
 */
export class UnscopedWorkerRepository {
  constructor(private readonly db: Db) {}

  /** Takes the lease if it is free, expired, or already ours. */
  async acquireLease(sessionId: string, holder: string, ttlMs: number): Promise<boolean> {
    const rows = await preparedRows(this.db, 'nimbus_lease_acquire', ACQUIRE, [sessionId, holder, ttlMs]);
    return rows.length > 0;
  }

  async renewLease(sessionId: string, holder: string, ttlMs: number): Promise<boolean> {
    const rows = await this.db
      .update(sessionLeases)
      .set({ expiresAt: sql`now() + ${`${ttlMs} milliseconds`}::interval` })
      .where(and(eq(sessionLeases.sessionId, sessionId), eq(sessionLeases.holder, holder)))
      .returning({ id: sessionLeases.sessionId });
    return rows.length > 0;
  }

  /**
   * Lets go of the lease and, in the same statement, says whether a user message is waiting: one
   * may have come in after the driver's last look, and then someone must run again.
   */
  async releaseLease(sessionId: string, holder: string): Promise<{ pending: boolean }> {
    const rows = await preparedRows<{ pending: boolean }>(this.db, 'nimbus_lease_release', RELEASE, [sessionId, holder]);
    return { pending: !!rows[0]?.pending };
  }

  /**
   * Lets go of every unexpired lease whose holder `isDead` says is a process that has died (known
   * for sure only on its own machine), so a restart does not wait for a crashed process's leases
   * to expire. A lease renewed or taken meanwhile by someone else is left alone.
   */
  async releaseDeadLeases(isDead: (holder: string) => boolean): Promise<number> {
    const live = await this.db
      .select({ sessionId: sessionLeases.sessionId, holder: sessionLeases.holder })
      .from(sessionLeases)
      .where(sql`${sessionLeases.expiresAt} > now()`);
    let released = 0;
    for (const lease of live.filter((l) => isDead(l.holder))) {
      const gone = await this.db
        .delete(sessionLeases)
        .where(and(eq(sessionLeases.sessionId, lease.sessionId), eq(sessionLeases.holder, lease.holder)))
        .returning({ id: sessionLeases.sessionId });
      released += gone.length;
    }
    return released;
  }

  /** Embedded mode only: the data-dir lock proves no other process holds any lease. */
  async clearAllLeases(): Promise<void> {
    await this.db.delete(sessionLeases);
  }

  /**
   * Sessions with a user message still waiting for its reply, or left running by a crash, that no
   * live driver holds.
   */
  unfinishedSessions(): Promise<{ teamId: string; sessionId: string }[]> {
    return queryRows<{ teamId: string; sessionId: string }>(
      this.db,
      sql`select s.team_id as "teamId", s.id as "sessionId" from sessions s
          where s.status <> 'terminated' and not s.stop_requested
          and not exists (select 1 from session_leases l where l.session_id = s.id and l.expires_at > now())
          and (
            s.status = 'running' or exists (
              select 1 from messages m where m.team_id = s.team_id and m.session_id = s.id and m.kind = 'user' and not m.answered))`,
    );
  }

  /**
   * The in-progress texts of every reply this worker is streaming, in one statement. A row that has
   * since been restarted (a newer revision) or completed keeps what it has.
   */
  async flushTexts(batch: { teamId: string; id: string; text: string; rev: number }[]): Promise<void> {
    if (batch.length === 0) return;
    const values = sql.join(
      batch.map((b) => sql`(${b.teamId}, ${b.id}, ${b.text}, ${b.rev}::int)`),
      sql`, `,
    );
    await this.db.execute(sql`
      update messages as m set text = v.text, rev = v.rev
      from (values ${values}) as v(team_id, id, text, rev)
      where m.team_id = v.team_id and m.id = v.id and m.rev <= v.rev and not m.completed`);
  }
}
