import { expect } from 'vitest';
import type { Http } from './http.js';
import type { TestAccount } from './factories.js';

export interface ChatMessageJson {
  _id: string;
  seq: number;
  rev: number;
  kind: string;
  authorName: string;
  completed: boolean;
  tokens: number;
  message: { incoming: boolean; message: { text: string; chunkId: string; displayType: string } };
}

export async function messages(http: Http, who: TestAccount, sessionId: string): Promise<ChatMessageJson[]> {
  const res = await http.get<ChatMessageJson[]>(`/${who.teamId}/session/${sessionId}/messages.json`, { token: who.token });
  expect(res.status).toBe(200);
  return res.body;
}

export async function sessionStatus(http: Http, who: TestAccount, sessionId: string): Promise<{ status: string; tokensUsed: number; error?: string }> {
  const res = await http.get<{ session: { status: string; tokensUsed: number; error?: string } }>(`/${who.teamId}/session/${sessionId}.json`, { token: who.token });
  return res.body.session;
}

/** Waits until the session has `count` finished replies (assistant or error) and is not running. */
export async function waitForReplies(http: Http, who: TestAccount, sessionId: string, count: number, timeout = 20_000): Promise<ChatMessageJson[]> {
  let last: ChatMessageJson[] = [];
  await expect
    .poll(
      async () => {
        last = await messages(http, who, sessionId);
        const done = last.filter((m) => (m.kind === 'assistant' || m.kind === 'error') && m.completed).length;
        const s = await sessionStatus(http, who, sessionId);
        return done >= count && s.status !== 'running';
      },
      { timeout, interval: 50 },
    )
    .toBe(true);
  return last;
}

export async function send(http: Http, who: TestAccount, sessionId: string, text: string) {
  const res = await http.post(`/${who.teamId}/session/${sessionId}/send-message`, { messageText: text }, { token: who.token });
  expect(res.status, res.text).toBe(200);
  return res;
}
