import { defineConfig } from 'vitest/config';

/** The distributed-mode tier: needs DATABASE_URL and REDIS_URL (CI's services). */
export default defineConfig({
  test: {
    include: ['test/distributed/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
