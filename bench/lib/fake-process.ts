/**
 * The fake LLM server in a process of its own, so its CPU is neither the server's nor the
 * clients'. Its control API (/_fake/*) hands back what it recorded, including when each delta was
 * written to the socket.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { nodeEntry } from './nimbus-process.js';
import { ROOT } from './paths.js';

export interface FakeRequest {
  id: number;
  body: { messages?: { role: string; content: unknown }[] } | null;
  time: number;
  status: number;
  outcome: string;
  deltaTimes: number[];
}

export class FakeProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {}

  get pid(): number {
    return this.child.pid!;
  }

  static async start(fromSource: boolean, deltaDelayMs = 0): Promise<FakeProcess> {
    const child = spawn(process.execPath, [...nodeEntry(fromSource), 'fake-llm', '--port', '0', '--delay', String(deltaDelayMs)], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake LLM did not start: ${out}`)), 30_000);
      const onData = (d: Buffer): void => {
        out += d.toString();
        const m = /listening on (http:\/\/[^\s]+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`fake LLM exited (${code}): ${out}`));
      });
    });
    // Keep the pipes drained; nothing more is expected on them.
    child.stdout!.resume();
    child.stderr!.resume();
    return new FakeProcess(child, url);
  }

  async requests(): Promise<FakeRequest[]> {
    const res = await fetch(`${this.url}/_fake/requests`);
    return (await res.json()) as FakeRequest[];
  }

  /** The fake keeps every request it served; clear it between phases so its memory stays flat. */
  async clear(): Promise<void> {
    await fetch(`${this.url}/_fake/requests`, { method: 'DELETE' });
  }

  async setDelay(deltaDelayMs: number): Promise<void> {
    await fetch(`${this.url}/_fake/defaults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deltaDelayMs }) });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    const t = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  }
}
