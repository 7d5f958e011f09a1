/**
 * Built-in tools: global, visible to every team in tools.json, referencable by id from agents and
 * tasks. Their ids are fixed so references survive restarts and migrations. Only tools that
 * actually run are listed (their implementations live beside this file).
 */
export interface BuiltinToolInfo {
  id: string;
  name: string;
  /** The function name the model sees. */
  functionName: string;
  description: string;
  parameters: { type: 'object'; properties: Record<string, { type: string; description: string }>; required: string[] };
}

export const BUILTIN_TOOLS: readonly BuiltinToolInfo[] = [
  {
    id: '000000000000000000000b01',
    name: 'Current time',
    functionName: 'current_time',
    description: 'Returns the current date and time, in UTC or in a given IANA time zone.',
    parameters: {
      type: 'object',
      properties: { timezone: { type: 'string', description: 'An IANA time zone such as Europe/Paris; UTC when omitted' } },
      required: [],
    },
  },
  {
    id: '000000000000000000000b02',
    name: 'Calculator',
    functionName: 'calculator',
    description: 'Evaluates an arithmetic expression with + - * / % ^, parentheses and decimals.',
    parameters: {
      type: 'object',
      properties: { expression: { type: 'string', description: 'For example (2 + 3) * 4 / 7' } },
      required: ['expression'],
    },
  },
];

const BY_ID = new Map(BUILTIN_TOOLS.map((t) => [t.id, t]));

export function builtinTool(id: string): BuiltinToolInfo | undefined {
  return BY_ID.get(id);
}

export function isBuiltinToolId(id: string): boolean {
  return BY_ID.has(id);
}
