import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Two cores on CI: keep the pool small so database and CLI tests do not starve.
    maxWorkers: 2,
  },
});
