import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{common,relay-server,desktop}/**/*.test.ts', 'e2e/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
