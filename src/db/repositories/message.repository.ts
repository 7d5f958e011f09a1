import { and, asc, desc, eq, gt, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { queryRows } from '../raw.js';
import { messages } from '../schema.js';
import { newId } from '../../shared/ids.js';

export type MessageRow = typeof messages.$inferSelect;
export type NewMessage = Omit<typeof messages.$inferInsert, 'id' | 'teamId' | 'sessionId' | 'seq'>;

/** A session's transcript. Team-scoped: the team id is the first argument of everything. */
export class MessageRepository {
  constructor(private readonly db: Db) {}

  /** Appends a message, taking the next seq of its session atomically (the session row is the counter). */
  async append(teamId: string, sessionId: string, m: NewMessage): Promise<MessageRow | undefined> {
    const id = newId();
    const rows = await queryRows<{ seq: number }>(
      this.db,
      sql`
      with s as (
        update sessions set message_count = message_count + 1, last_updated_date = now()
        where team_id = ${teamId} and id = ${sessionId}
        returning message_count
      )
      insert into messages (id, team_id, session_id, seq, chunk_id, rev, kind, in_reply_to, author_id, author_name,
                            incoming, is_feedback, type, display_type, text, tokens, completed, answered, ts)
      select ${id}, ${teamId}, ${sessionId}, s.message_count, ${m.chunkId}, ${m.rev ?? 0}, ${m.kind}, ${m.inReplyTo ?? null},
             ${m.authorId ?? null}, ${m.authorName}, ${m.incoming}, ${m.isFeedback ?? false}, ${m.type ?? 'text'},
             ${m.displayType ?? 'bubble'}, ${m.text ?? ''}, ${m.tokens ?? 0}, ${m.completed ?? false}, ${m.answered ?? false}, ${m.ts}
      from s
      returning seq`,
    );
    const seq = rows[0]?.seq;
    if (seq === undefined) return undefined;
    return this.get(teamId, id);
  }

  async get(teamId: string, id: string): Promise<MessageRow | undefined> {
    const [row] = await this.db.select().from(messages).where(and(eq(messages.teamId, teamId), eq(messages.id, id))).limit(1);
    return row;
  }

  list(teamId: string, sessionId: string, afterId?: string): Promise<MessageRow[]> {
    const where = afterId
      ? and(eq(messages.teamId, teamId), eq(messages.sessionId, sessionId), gt(messages.id, afterId))
      : and(eq(messages.teamId, teamId), eq(messages.sessionId, sessionId));
    return this.db.select().from(messages).where(where).orderBy(asc(messages.seq));
  }

  /** The oldest user message no reply has finished for: the next turn to run. */
  async nextUnanswered(teamId: string, sessionId: string): Promise<MessageRow | undefined> {
    const [row] = await this.db
      .select()
      .from(messages)
      .where(and(eq(messages.teamId, teamId), eq(messages.sessionId, sessionId), eq(messages.kind, 'user'), eq(messages.answered, false)))
      .orderBy(asc(messages.seq))
      .limit(1);
    return row;
  }

  /** Replies already started for a user message (by a turn that crashed or was retried). */
  repliesTo(teamId: string, sessionId: string, userMessageId: string): Promise<MessageRow[]> {
    return this.db
      .select()
      .from(messages)
      .where(and(eq(messages.teamId, teamId), eq(messages.sessionId, sessionId), eq(messages.inReplyTo, userMessageId)))
      .orderBy(asc(messages.seq));
  }

  async update(teamId: string, id: string, set: Partial<Pick<MessageRow, 'text' | 'rev' | 'completed' | 'tokens' | 'answered' | 'type'>>): Promise<void> {
    await this.db.update(messages).set(set).where(and(eq(messages.teamId, teamId), eq(messages.id, id)));
  }

  /** The last `limit` messages up to a seq, oldest first: enough history for the next model call. */
  async tail(teamId: string, sessionId: string, uptoSeq: number, limit: number): Promise<MessageRow[]> {
    const rows = await this.db
      .select()
      .from(messages)
      .where(and(eq(messages.teamId, teamId), eq(messages.sessionId, sessionId), lte(messages.seq, uptoSeq)))
      .orderBy(desc(messages.seq))
      .limit(limit);
    return rows.reverse();
  }

  /** Whether a message before `seq` is still being written (a reply streaming, a tool running). */
  async hasOpenBefore(teamId: string, sessionId: string, seq: number): Promise<boolean> {
    const [row] = await this.db
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.teamId, teamId), eq(messages.sessionId, sessionId), lt(messages.seq, seq), eq(messages.completed, false)))
      .limit(1);
    return row !== undefined;
  }

  /** User messages after `seq`, oldest first (those queued while a reply streamed). */
  userMessagesAfter(teamId: string, sessionId: string, seq: number): Promise<MessageRow[]> {
    return this.db
      .select()
      .from(messages)
      .where(and(eq(messages.teamId, teamId), eq(messages.sessionId, sessionId), gt(messages.seq, seq), eq(messages.kind, 'user')))
      .orderBy(asc(messages.seq));
  }

  /**
   * Marks every open message finished, as it stands (a stopped session keeps what was said), and
   * returns the lowest seq it closed.
   */
  async closeOpen(teamId: string, sessionId: string): Promise<number | null> {
    const rows = await this.db
      .update(messages)
      .set({ completed: true })
      .where(and(eq(messages.teamId, teamId), eq(messages.sessionId, sessionId), eq(messages.completed, false)))
      .returning({ seq: messages.seq });
    return rows.length > 0 ? Math.min(...rows.map((r) => r.seq)) : null;
  }
}
