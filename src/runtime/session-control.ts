import type { EventBus } from '../realtime/event-bus.js';
import type { SessionRepository } from '../db/repositories/session.repository.js';
import { SESSION_CONTROL, sessionChannel } from './events.js';

/**
 * Stopping a session, from any channel (REST cancel, socket stop_generating): it is terminated
 * and stays so until started again; the driver's stream is aborted within one chunk.
 */
export async function stopSession(sessions: SessionRepository, bus: EventBus, teamId: string, sessionId: string): Promise<void> {
  await sessions.update(teamId, sessionId, { status: 'terminated', stopRequested: true });
  bus.publish(SESSION_CONTROL, { sessionId, action: 'stop' });
  bus.publish(sessionChannel(sessionId), { type: 'status', status: 'terminated' });
  bus.publish(sessionChannel(sessionId), { type: 'terminate' });
}
