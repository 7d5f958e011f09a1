/** `nimbus fake-llm`: runs the fake LLM server in the foreground for manual use and the benchmark. */

import { startFakeLlm, type FakeLlm } from './server.js';

export const FAKE_LLM_DEFAULT_PORT = 4010;

const USAGE = 'Usage: nimbus fake-llm [--port N] [--host HOST] [--delay MS] [--log]';

interface CliOptions {
  port: number;
  host: string;
  deltaDelayMs: number;
  log: boolean;
}

function intFlag(name: string, raw: string | undefined, max: number): number {
  if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) > max) throw new Error(`${name} needs an integer 0..${max}. ${USAGE}`);
  return Number(raw);
}

export function parseFakeLlmArgs(argv: readonly string[]): CliOptions {
  const out: CliOptions = { port: FAKE_LLM_DEFAULT_PORT, host: '127.0.0.1', deltaDelayMs: 0, log: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--port':
        out.port = intFlag('--port', value(), 65535);
        break;
      case '--host': {
        const h = value();
        if (!h) throw new Error(`--host needs a value. ${USAGE}`);
        out.host = h;
        break;
      }
      case '--delay':
        out.deltaDelayMs = intFlag('--delay', value(), 600_000);
        break;
      case '--log':
        out.log = true;
        break;
      default:
        throw new Error(`Unknown argument ${argv[i]}. ${USAGE}`);
    }
  }
  return out;
}

/** Starts the server and stops it on SIGINT/SIGTERM; resolves once it is listening. */
export async function runFakeLlmCli(argv: string[]): Promise<FakeLlm> {
  const o = parseFakeLlmArgs(argv);
  const fake = await startFakeLlm({ port: o.port, host: o.host, deltaDelayMs: o.deltaDelayMs, log: o.log });
  const u = fake.url;
  console.log(
    `Fake LLM (test model, not a real model) listening on ${u} — OpenAI base_url ${u}/v1, Anthropic ${u}/v1, Gemini ${u}/v1beta`,
  );
  const stop = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    fake.close().catch((err: unknown) => {
      console.error(`fake-llm: error while stopping: ${String(err)}`);
      process.exitCode = 1;
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return fake;
}
