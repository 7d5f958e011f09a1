/**
 * `[[fake:NAME=VALUE]]` / `[[fake:NAME]]` directives embedded in a user message.
 * They let a test steer the fake from the message text alone, which is all that
 * survives the trip through Nimbus into the provider request.
 */

import type { StreamFaultKind } from './types.js';

export interface Directive {
  name: string;
  /** Everything between `=` and the first following `]]`; undefined for the `[[fake:NAME]]` form. */
  value: string | undefined;
  /** The directive exactly as written, used to key `times=` counters. */
  raw: string;
}

export type FaultDirective =
  | { kind: 'error'; status: number; times: number | null; raw: string }
  | { kind: StreamFaultKind; after: number; times: number | null; raw: string };

export interface Directives {
  reply: string | null;
  words: number | null;
  delayMs: number | null;
  tool: string | null;
  args: Record<string, unknown> | null;
  /** In the order written: the first one still armed wins, so faults can be chained. */
  faults: FaultDirective[];
}

// Lazy value up to the first `]]`, so JSON like {"a":[1]} survives; {"a":[[1]]} would not.
const DIRECTIVE_RE = /\[\[fake:([A-Za-z_][\w-]*)(?:=([\s\S]*?))?\]\]/g;
// Eat the blanks around a run of directives so "hi [[fake:x]] there" reads "hi there".
const DIRECTIVE_RUN_RE = /(?:[ \t]*\[\[fake:[A-Za-z_][\w-]*(?:=[\s\S]*?)?\]\][ \t]*)+/g;

const STREAM_FAULTS: readonly StreamFaultKind[] = ['drop', 'stall', 'malformed', 'streamerror'];

export function findDirectives(text: string): Directive[] {
  return [...text.matchAll(DIRECTIVE_RE)].map((m) => ({ name: m[1], value: m[2], raw: m[0] }));
}

export function stripDirectives(text: string): string {
  return text.replace(DIRECTIVE_RUN_RE, ' ').trim();
}

function nonNegativeInt(s: string | undefined): number | null {
  if (s === undefined || !/^\s*\d+\s*$/.test(s)) return null;
  return Number.parseInt(s, 10);
}

/** `429,times=2` → main value `429` and options `{times: '2'}`. */
function splitOptions(value: string | undefined): { main: string; options: Map<string, string> } {
  const [main = '', ...rest] = (value ?? '').split(',');
  const options = new Map<string, string>();
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq > 0) options.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return { main: main.trim(), options };
}

function parseFault(d: Directive): FaultDirective | null {
  const { main, options } = splitOptions(d.value);
  const times = nonNegativeInt(options.get('times'));
  if (d.name === 'error') {
    const status = main === '' ? 500 : nonNegativeInt(main);
    if (status === null || status < 400 || status > 599) return null;
    return { kind: 'error', status, times, raw: d.raw };
  }
  const kind = STREAM_FAULTS.find((k) => k === d.name);
  if (kind === undefined) return null;
  const after = main === '' ? 0 : nonNegativeInt(main);
  if (after === null) return null;
  return { kind, after, times, raw: d.raw };
}

function parseArgs(value: string | undefined): Record<string, unknown> | null {
  if (value === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // Unparseable args fall back to {} so the tool call itself still happens.
  }
  return {};
}

/** The first occurrence of each setting wins; unknown names and bad values are ignored. */
export function parseDirectives(text: string): Directives {
  const out: Directives = { reply: null, words: null, delayMs: null, tool: null, args: null, faults: [] };
  for (const d of findDirectives(text)) {
    switch (d.name) {
      case 'reply':
        out.reply ??= d.value ?? '';
        break;
      case 'words':
        out.words ??= nonNegativeInt(d.value);
        break;
      case 'delay':
        out.delayMs ??= nonNegativeInt(d.value);
        break;
      case 'tool':
        out.tool ??= d.value?.trim() || null;
        break;
      case 'args':
        out.args ??= parseArgs(d.value);
        break;
      default: {
        const fault = parseFault(d);
        if (fault) out.faults.push(fault);
      }
    }
  }
  return out;
}
