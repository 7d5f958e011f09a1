import type { ModelMessage } from 'ai';
import type { MessageRow } from '../db/repositories/message.repository.js';

export interface AgentPrompt {
  role: string;
  goal: string;
  backstory: string;
}

/**
 * The agent's system prompt (role, goal, backstory — Agent Cloud's order), with the session's
 * variables put in for `{name}` placeholders. Only known names are replaced, so other braces in
 * a prompt (JSON examples, code) survive — the reference's str.format broke on them.
 */
export function systemPrompt(agent: AgentPrompt, variables: Record<string, string> | null | undefined): string {
  const text = [agent.role, agent.goal, agent.backstory].map((s) => s.trim()).filter(Boolean).join('\n');
  if (!variables) return text;
  return text.replace(/\{([A-Za-z_][\w-]*)\}/g, (whole, name: string) => (Object.hasOwn(variables, name) ? variables[name]! : whole));
}

/** A rough token count (4 characters a token) for trimming: provider tokenizers differ anyway. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4) + 4;
}

/**
 * The conversation for the next model call, rebuilt from the stored transcript: every user message
 * and every finished assistant reply up to the message being answered, each once and in full, in
 * order. Tool lines, errors and notes are for people, not the model. The oldest turns go first when
 * `maxMessages` or the token budget says so; the system prompt and the newest message always stay.
 */
export function buildHistory(
  transcript: MessageRow[],
  answering: MessageRow,
  limits: { maxMessages: number; tokenBudget: number; systemTokens: number },
): ModelMessage[] {
  const kept: ModelMessage[] = [];
  for (const m of transcript) {
    if (m.seq > answering.seq) break;
    if (m.kind === 'user') kept.push({ role: 'user', content: m.text });
    else if (m.kind === 'assistant' && m.completed && m.text.trim() !== '' && m.inReplyTo !== answering.id) {
      kept.push({ role: 'assistant', content: m.text });
    }
  }
  let start = Math.max(0, kept.length - Math.max(1, limits.maxMessages));
  let budget = limits.tokenBudget - limits.systemTokens;
  for (let i = kept.length - 1; i >= start; i--) {
    budget -= estimateTokens(String(kept[i]!.content));
    if (budget < 0 && i < kept.length - 1) {
      start = i + 1;
      break;
    }
  }
  const window = kept.slice(start);
  // A window must not open on an assistant reply whose question was trimmed away.
  while (window.length > 1 && window[0]!.role === 'assistant') window.shift();
  return window;
}
