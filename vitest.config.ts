import { defineConfig } from 'vitest/config';

const shared = {
  exclude: ['**/node_modules/**', '**/dist/**'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  pool: 'forks',
} as const;

/**
 * Two projects. `unit`: every test of common, relay-server, desktop and scripts (the test kit
 * and the lint rules), two files at a time.
 * `e2e`: the Chromium end-to-end files, one at a time and after `unit`, because each starts one to
 * three Chromiums (with camera and segmentation on two cores) and the app's adaptive effects
 * rightly turn themselves off when another e2e file starves them.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['{common,relay-server,desktop,scripts}/**/*.test.{ts,js}'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...shared,
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
