/** Decides what the fake answers, before any provider-specific encoding. */

import { parseDirectives, stripDirectives } from './directives.js';
import type { FaultBook } from './faults.js';
import type { Conversation, FakeLlmDefaults, Provider, ReplyContent, ReplyPlan } from './types.js';

export function countWords(text: string): number {
  return stripDirectives(text).split(/\s+/).filter((w) => w !== '').length;
}

/** One word per delta with its leading blanks, so joining the deltas gives back the text exactly. */
export function splitDeltas(text: string): string[] {
  const parts = text.match(/\s*\S+/g) ?? [];
  const trailing = /\s+$/.exec(text)?.[0] ?? '';
  if (parts.length === 0) return text === '' ? [] : [text];
  if (trailing !== '') parts[parts.length - 1] += trailing;
  return parts;
}

/** At least two pieces (when there are two characters) so clients must reassemble arguments. */
export function splitArgs(json: string): string[] {
  const size = Math.max(1, Math.ceil(json.length / 3));
  const out: string[] = [];
  for (let i = 0; i < json.length; i += size) out.push(json.slice(i, i + size));
  return out;
}

function numberedWords(n: number): string {
  return Array.from({ length: n }, (_, i) => `word${i + 1}`).join(' ');
}

function text(t: string): ReplyContent {
  return { kind: 'text', text: t, deltas: splitDeltas(t) };
}

export function planReply(p: Provider, conv: Conversation, defaults: FakeLlmDefaults, faults: FaultBook): ReplyPlan {
  const lastUser = conv.userTexts.at(-1) ?? '';
  const firstUser = conv.userTexts[0] ?? '';
  const d = parseDirectives(lastUser);

  let content: ReplyContent;
  if (conv.trailingToolResults !== null) {
    content = text(`Tool said: ${conv.trailingToolResults.join('\n')}`);
  } else if (d.tool !== null && conv.toolNames.includes(d.tool)) {
    const args = d.args ?? {};
    const argsJson = JSON.stringify(args);
    content = { kind: 'tool', name: d.tool, args, argsJson, chunks: splitArgs(argsJson) };
  } else if (d.reply !== null) {
    content = text(d.reply);
  } else if (d.words !== null) {
    content = text(numberedWords(d.words));
  } else if (defaults.reply !== null) {
    content = text(defaults.reply);
  } else {
    content = text(`Echo: ${stripDirectives(lastUser)}`);
  }

  return {
    content,
    delayMs: d.delayMs ?? defaults.deltaDelayMs,
    fault: faults.take(p, d.faults, firstUser),
    promptTokens: conv.texts.reduce((n, t) => n + countWords(t), 0),
    completionTokens: content.kind === 'text' ? content.deltas.length : content.chunks.length,
  };
}
