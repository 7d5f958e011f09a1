import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../client.js';
import { preparedRows } from '../raw.js';
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

// The statements of every message and every turn, as fixed text (see preparedRows).
const APPEND = `
  with s as (
    update sessions set message_count = message_count + 1, last_updated_date = now()
    where team_id = $2 and id = $3
    returning message_count
  )
  insert into messages (id, team_id, session_id, seq, chunk_id, rev, kind, in_reply_to, author_id, author_name,
                        incoming, is_feedback, type, display_type, text, tokens, completed, answered, ts)
  select $1, $2, $3, s.message_count, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18
  from s
  returning *, exists (select 1 from messages o where o.team_id = $2 and o.session_id = $3
                       and o.seq < messages.seq and not o.completed) as open_before`;

const NEXT_UNANSWERED = `
  select * from messages
  where team_id = $1 and session_id = $2 and kind = 'user' and not answered
  order by seq limit 1`;

const COMPLETE_REPLY = `
  with done as (
    update messages set text = $4, rev = $5, tokens = $6, completed = true
    where team_id = $1 and id = $3
    returning seq
  )
  select q.* from messages q, done
  where q.team_id = $1 and q.session_id = $2 and q.kind = 'user' and q.seq > done.seq
  order by q.seq`;

/**
 * A finished turn, in one statement: the user message answered, the usage added, the next message
 * to answer found, and — when there is none — the session set waiting (unless stopped or showing an
 * error). $1 team, $2 session, $3 the answered message, $4 tokens.
 */
const END_TURN = `
  with nxt as (
    select * from messages
    where team_id = $1 and session_id = $2 and kind = 'user' and not answered and id <> $3
    order by seq limit 1
  ), ans as (
    update messages set answered = true where team_id = $1 and id = $3
  ), ses as (
    update sessions s set tokens_used = s.tokens_used + $4, last_updated_date = now(),
      status = case when not exists (select 1 from nxt) and not s.stop_requested
                     and s.status not in ('terminated', 'waiting', 'error') then 'waiting' else s.status end,
      error_message = case when not exists (select 1 from nxt) and not s.stop_requested
                     and s.status not in ('terminated', 'waiting', 'error') then null else s.error_message end
    where s.team_id = $1 and s.id = $2
    returning s.status as new_status, (select o.status from sessions o where o.team_id = $1 and o.id = $2) as old_status
  )
  select nxt.*, ses.new_status, ses.old_status from ses left join nxt on true`;

const LATEST = `
  select * from messages where team_id = $1 and session_id = $2 order by seq desc limit $3`;

const FINISH_TURN = `
  with ans as (update messages set answered = true where team_id = $1 and id = $3)
  update sessions set tokens_used = tokens_used + $4, last_updated_date = now()
  where team_id = $1 and id = $2`;

/** A session's transcript. Team-scoped: the team id is the first argument of everything. */
export class MessageRepository {
  constructor(private readonly db: Db) {}

  /**
   * Appends a message, taking the next seq of its session atomically (the session row is the
   * counter), in one statement that also says whether an earlier message is still open.
   */
  async append(teamId: string, sessionId: string, m: NewMessage): Promise<(MessageRow & { openBefore: boolean }) | undefined> {
    const rows = await preparedRows<RawMessage & { open_before: boolean }>(this.db, 'nimbus_message_append', APPEND, [
      newId(),
      teamId,
      sessionId,
      m.chunkId,
      m.rev ?? 0,
      m.kind,
      m.inReplyTo ?? null,
      m.authorId ?? null,
      m.authorName,
      m.incoming,
      m.isFeedback ?? false,
      m.type ?? 'text',
      m.displayType ?? 'bubble',
      m.text ?? '',
      m.tokens ?? 0,
      m.completed ?? false,
      m.answered ?? false,
      m.ts,
    ]);
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
    const rows = await preparedRows<RawMessage>(this.db, 'nimbus_next_unanswered', NEXT_UNANSWERED, [teamId, sessionId]);
    return rows[0] ? fromRaw(rows[0]) : undefined;
  }



  async update(teamId: string, id: string, set: Partial<Pick<MessageRow, 'text' | 'rev' | 'completed' | 'tokens' | 'answered' | 'type'>>): Promise<void> {
    await this.db.update(messages).set(set).where(and(eq(messages.teamId, teamId), eq(messages.id, id)));
  }

  /** The session's last `limit` messages, oldest first. */
  async latest(teamId: string, sessionId: string, limit: number): Promise<MessageRow[]> {
    const rows = await preparedRows<RawMessage>(this.db, 'nimbus_messages_latest', LATEST, [teamId, sessionId, limit]);
    return rows.map(fromRaw).reverse();
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
    const rows = await preparedRows<RawMessage>(this.db, 'nimbus_reply_complete', COMPLETE_REPLY, [teamId, sessionId, id, set.text, set.rev, set.tokens]);
    return rows.map(fromRaw);
  }

  /** A turn's end: the user message answered and the provider's usage added to the session. */
  async finishTurn(teamId: string, sessionId: string, answeredId: string, tokens: number): Promise<void> {
    await preparedRows(this.db, 'nimbus_turn_finish', FINISH_TURN, [teamId, sessionId, answeredId, tokens]);
  }


  /** See END_TURN: returns the next message to answer, and whether the session just became waiting. */
  async endTurn(teamId: string, sessionId: string, answeredId: string, tokens: number): Promise<{ next: MessageRow | undefined; nowWaiting: boolean }> {
    const rows = await preparedRows<Partial<RawMessage> & { new_status: string; old_status: string }>(this.db, 'nimbus_turn_end', END_TURN, [
      teamId,
      sessionId,
      answeredId,
      tokens,
    ]);
    const row = rows[0];
    if (!row) return { next: undefined, nowWaiting: false };
    return {
      next: row.id ? fromRaw(row as RawMessage) : undefined,
      nowWaiting: row.new_status === 'waiting' && row.old_status !== 'waiting',
    };
  }
}
