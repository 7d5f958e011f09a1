import { and, asc, desc, eq, gt, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { queryRows } from '../raw.js';
import { messages } from '../schema.js';
import { newId } from '../../shared/ids.js';

export type MessageRow = typeof messages.$inferSelect;

/** A messages row as a hand-written statement returns it (both drivers: snake_case, loose types). */
interface RawMessage {
  id: string;
  team_id: string;
  session_id: string;
  seq: number | string;
  chunk_id: string;
  rev: number | string;
  kind: string;
  in_reply_to: string | null;
  author_id: string | null;
  author_name: string;
  incoming: boolean;
  is_feedback: boolean;
  type: string;
  display_type: string;
  text: string;
  tokens: number | string;
  completed: boolean;
  answered: boolean;
  ts: number | string;
  created_at: string | Date;
}

function fromRaw(r: RawMessage): MessageRow {
  return {
    id: r.id,
    teamId: r.team_id,
    sessionId: r.session_id,
    seq: Number(r.seq),
    chunkId: r.chunk_id,
    rev: Number(r.rev),
    kind: r.kind,
    inReplyTo: r.in_reply_to,
    authorId: r.author_id,
    authorName: r.author_name,
    incoming: r.incoming,
    isFeedback: r.is_feedback,
    type: r.type,
    displayType: r.display_type,
    text: r.text,
    tokens: Number(r.tokens),
    completed: r.completed,
    answered: r.answered,
    ts: Number(r.ts),
    createdAt: new Date(r.created_at),
  };
}
export type NewMessage = Omit<typeof messages.$inferInsert, 'id' | 'teamId' | 'sessionId' | 'seq'>;

/** A session's transcript. Team-scoped: the team id is the first argument of everything. */
export class MessageRepository {
  constructor(private readonly db: Db) {}

  /**
   * Appends a message, taking the next seq of its session atomically (the session row is the
   * counter), in one statement that also says whether an earlier message is still open.
   */
  async append(teamId: string, sessionId: string, m: NewMessage): Promise<(MessageRow & { openBefore: boolean }) | undefined> {
    const id = newId();
    const rows = await queryRows<RawMessage & { open_before: boolean }>(
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
      returning *, exists (select 1 from messages o where o.team_id = ${teamId} and o.session_id = ${sessionId}
                           and o.seq < messages.seq and not o.completed) as open_before`,
    );
    const row = rows[0];
    return row ? { ...fromRaw(row), openBefore: !!row.open_before } : undefined;
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

  /** The session's last `limit` messages, oldest first. */
  async latest(teamId: string, sessionId: string, limit: number): Promise<MessageRow[]> {
    const rows = await this.db
      .select()
      .from(messages)
      .where(and(eq(messages.teamId, teamId), eq(messages.sessionId, sessionId)))
      .orderBy(desc(messages.seq))
      .limit(limit);
    return rows.reverse();
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

  /**
   * A reply's end in one statement: its whole text stored and marked complete, and the user
   * messages queued behind it (to announce now) returned.
   */
  async completeReply(teamId: string, sessionId: string, id: string, set: { text: string; rev: number; tokens: number }): Promise<MessageRow[]> {
    const rows = await queryRows<RawMessage>(
      this.db,
      sql`
      with done as (
        update messages set text = ${set.text}, rev = ${set.rev}, tokens = ${set.tokens}, completed = true
        where team_id = ${teamId} and id = ${id}
        returning seq
      )
      select q.* from messages q, done
      where q.team_id = ${teamId} and q.session_id = ${sessionId} and q.kind = 'user' and q.seq > done.seq
      order by q.seq`,
    );
    return rows.map(fromRaw);
  }

  /** A turn's end: the user message answered and the provider's usage added to the session. */
  async finishTurn(teamId: string, sessionId: string, answeredId: string, tokens: number): Promise<void> {
    await this.db.execute(sql`
      with ans as (
        update messages set answered = true where team_id = ${teamId} and id = ${answeredId}
      )
      update sessions set tokens_used = tokens_used + ${tokens}, last_updated_date = now()
      where team_id = ${teamId} and id = ${sessionId}`);
  }
}
