import type { EventBus } from '../realtime/event-bus.js';
import type { JobQueue } from '../jobs/queue.js';
import type { MessageRepository } from '../db/repositories/message.repository.js';
import type { SessionRow } from '../db/repositories/session.repository.js';
import { ValidationError } from '../shared/errors.js';
import type { MessageSnapshot } from './events.js';
import { Transcript, type LiveMessages } from './transcript.js';

export const MAX_MESSAGE_CHARS = 100_000;

/**
 * A user's message into a session, whatever the channel (REST send-message, socket.io, SSE POST):
 * stored first, then a run is asked for. Messages sent while a turn runs wait in the transcript,
 * in order, and the driver answers them one after another.
 */
export class UserMessages {
  constructor(
    private readonly messages: MessageRepository,
    private readonly bus: EventBus,
    private readonly jobs: JobQueue,
    private readonly live: LiveMessages,
  ) {}

  async post(session: SessionRow, author: { id: string | null; name: string }, text: string): Promise<MessageSnapshot> {
    if (session.status === 'terminated' || session.stopRequested) {
      throw new ValidationError('This session was stopped: start it again to continue');
    }
    if (text.trim() === '') throw new ValidationError('Message Text is empty');
    if (text.length > MAX_MESSAGE_CHARS) throw new ValidationError('Message Text is too long');
    // Every channel comes through here (sockets skip the HTTP checks): PostgreSQL text has no U+0000.
    if (text.includes('\u0000')) throw new ValidationError('Text must not contain NUL characters (\\u0000)');
    const transcript = new Transcript(this.messages, this.bus, this.live, session.teamId, session.id);
    const message = await transcript.add({ kind: 'user', authorId: author.id, authorName: author.name, incoming: true, text, completed: true });
    await this.jobs.enqueue('session.run', { teamId: session.teamId, sessionId: session.id }, { jobId: session.id });
    return message;
  }
}
