import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/distributed/**', 'node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Servers under test log only problems; a failing test prints what the server said.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
  },
});
