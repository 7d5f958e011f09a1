/**
 * One interface for every kind of tool (built-in, code, HTTP, MCP, retrieval, human input): a name
 * the model sees, a description, a JSON schema of arguments, and execute().
 */
export interface ToolContext {
  teamId: string;
  sessionId: string;
  signal: AbortSignal;
}

export interface NimbusTool {
  /** Shown to people: "Calculator". */
  displayName: string;
  /** Given to the model: [a-zA-Z0-9_-]. */
  functionName: string;
  description: string;
  parameters: Record<string, unknown>;
  execute(args: Record<string, unknown>, ctx: ToolContext): Promise<string>;
}

/** Tool names the providers accept. */
export function sanitizeToolName(name: string): string {
  return name.replace(/\s+/g, '_').replace(/[^a-zA-Z0-9_-]/g, '').slice(0, 64) || 'tool';
}
