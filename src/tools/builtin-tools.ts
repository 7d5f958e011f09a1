import { BUILTIN_TOOLS, type BuiltinToolInfo } from './builtin-catalog.js';
import { evaluateExpression } from './calculator.js';
import type { NimbusTool } from './tool.js';

type Run = (args: Record<string, unknown>) => Promise<string>;

const RUNNERS: Record<string, Run> = {
  current_time: async (args) => {
    const zone = typeof args.timezone === 'string' && args.timezone ? args.timezone : 'UTC';
    const now = new Date();
    try {
      const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'full', timeStyle: 'long' }).format(now);
      return `${local} (${zone}); ISO ${now.toISOString()}`;
    } catch {
      return `Unknown time zone "${zone}". UTC now: ${now.toISOString()}`;
    }
  },
  calculator: async (args) => {
    const expression = typeof args.expression === 'string' ? args.expression : '';
    try {
      return `${expression} = ${evaluateExpression(expression)}`;
    } catch (err) {
      return `Could not evaluate "${expression}": ${(err as Error).message}`;
    }
  },
};

function toTool(info: BuiltinToolInfo, run: Run): NimbusTool {
  return {
    displayName: info.name,
    functionName: info.functionName,
    description: info.description,
    parameters: info.parameters,
    execute: (args) => run(args),
  };
}

/** The runnable built-in tools, by their fixed catalogue id. */
export const BUILTIN_RUNNABLE: ReadonlyMap<string, NimbusTool> = new Map(
  BUILTIN_TOOLS.filter((t) => RUNNERS[t.functionName]).map((t) => [t.id, toTool(t, RUNNERS[t.functionName]!)]),
);
