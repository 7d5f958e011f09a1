import type { EventBus } from '../realtime/event-bus.js';
import type { SessionRepository } from '../db/repositories/session.repository.js';
import type { MessageRepository } from '../db/repositories/message.repository.js';
import { SESSION_CONTROL, sessionChannel } from './events.js';
import { snapshotOf } from './transcript.js';

/**
 * Stopping a session, from any channel (REST cancel, socket stop_generating): it is terminated
 * and stays so until started again; the driver's stream is aborted within one chunk. A message
 * left open (by a driver that died) is closed as it stands, and the messages queued behind it are
 * announced.
 */
export async function stopSession(
  deps: { sessions: SessionRepository; messages: MessageRepository; bus: EventBus },
  teamId: string,
  sessionId: string,
): Promise<void> {
  const { sessions, messages, bus } = deps;
  await sessions.update(teamId, sessionId, { status: 'terminated', stopRequested: true });
  bus.publish(SESSION_CONTROL, { sessionId, action: 'stop' });
  const closed = await messages.closeOpen(teamId, sessionId);
  if (closed !== null) {
    for (const row of await messages.userMessagesAfter(teamId, sessionId, closed)) {
      bus.publish(sessionChannel(sessionId), { type: 'message', message: snapshotOf(row) });
    }
  }
  bus.publish(sessionChannel(sessionId), { type: 'status', status: 'terminated' });
  bus.publish(sessionChannel(sessionId), { type: 'terminate' });
}
