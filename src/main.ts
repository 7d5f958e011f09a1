import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { createLogger } from './logger.js';
import { migrateOnly, startServer, startWorkerOnly } from './server.js';

const USAGE = `Usage: nimbus <command>

Commands:
  start              API, realtime and workers in one process (default)
  api                API and realtime only (distributed mode: needs DATABASE_URL and REDIS_URL)
  worker             session workers only (distributed mode: needs DATABASE_URL and REDIS_URL)
  migrate            apply database migrations and exit
  fake-llm [--port N] [--delay MS]
                     a fake LLM server speaking the OpenAI, Anthropic and Gemini wire formats (a test model)

Configuration is read from the environment: PORT, HOST, NIMBUS_DATA_DIR, DATABASE_URL, REDIS_URL,
NIMBUS_SECRET, LOG_LEVEL (see README.md).`;

async function main(argv: string[]): Promise<void> {
  const [command = 'start', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return;
  }
  if (command === 'fake-llm') {
    const { runFakeLlmCli } = await import('./fake-llm/cli.js');
    await runFakeLlmCli(rest);
    return;
  }
  if (!['start', 'api', 'worker', 'migrate'].includes(command)) {
    console.error(`nimbus: unknown command "${command}"\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  // Node 20 exits on an unhandled rejection: one stray promise must not drop every open session. Logged, not fatal.
  process.on('unhandledRejection', (err: unknown) => log.error({ err }, 'unhandled promise rejection'));
  if (command === 'migrate') {
    await migrateOnly(config, log);
    console.log('nimbus: migrations applied');
    return;
  }
  if ((command === 'api' || command === 'worker') && (config.embedded || !config.redisUrl)) {
    console.error(`nimbus: "${command}" is for distributed mode: set DATABASE_URL and REDIS_URL (or use "start")`);
    process.exitCode = 2;
    return;
  }
  if (command === 'worker') {
    const worker = await startWorkerOnly(config, log);
    log.info({ mode: 'worker' }, 'nimbus worker ready');
    onSignals(log, () => worker.close());
    return;
  }
  const server = await startServer(config, log, { worker: command !== 'api' });
  log.info({ url: server.url, mode: config.embedded ? 'embedded' : 'postgres', dataDir: config.embedded ? config.dataDir : undefined }, 'nimbus ready');
  if (process.stdout.isTTY) console.log(`Nimbus is ready on ${server.url}`);
  onSignals(log, () => server.close());
}

function onSignals(log: ReturnType<typeof createLogger>, close: () => Promise<void>): void {
  const stop = (signal: string) => {
    log.info({ signal }, 'shutting down');
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(`nimbus: ${err.message}`);
  } else {
    console.error('nimbus: failed to start:', err instanceof Error ? (err.stack ?? err.message) : err);
  }
  process.exit(1);
});
