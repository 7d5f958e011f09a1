import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFakeLlmArgs } from '../../src/fake-llm/cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('fake-llm CLI', () => {
  it('parses flags with defaults', () => {
    expect(parseFakeLlmArgs([])).toEqual({ port: 4010, host: '127.0.0.1', deltaDelayMs: 0, log: false });
    expect(parseFakeLlmArgs(['--port', '5000', '--host=0.0.0.0', '--delay', '15', '--log'])).toEqual({
      port: 5000,
      host: '0.0.0.0',
      deltaDelayMs: 15,
      log: true,
    });
    expect(() => parseFakeLlmArgs(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseFakeLlmArgs(['--bogus'])).toThrow(/Unknown argument/);
  });

  it('prints its banner, serves, and exits cleanly on SIGTERM', async () => {
    const script = "import('./src/fake-llm/cli.ts').then((m) => m.runFakeLlmCli(['--port', '0']))";
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    const banner = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: string) => {
        out += d;
        if (out.includes('\n')) resolve(out.split('\n')[0]);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    const m = /^Fake LLM \(test model, not a real model\) listening on (http:\/\/127\.0\.0\.1:(\d+)) — OpenAI base_url \1\/v1, Anthropic \1\/v1, Gemini \1\/v1beta$/.exec(banner);
    expect(m, banner).not.toBeNull();
    const health = await fetch(`${m![1]}/_fake/health`);
    expect(health.status).toBe(200);
    child.kill('SIGTERM');
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  });
});
