/**
 * The families story (families.e2e.test.ts) once more, unchanged, with the relay as two processes on
 * PostgreSQL and Redis behind nginx: every PC talks to nginx, which spreads its requests and
 * sockets over both instances without stickiness.
 */
import { describe, it } from 'vitest';
import { withoutCluster } from '@hearth/test-kit/cluster';

if (await withoutCluster()) {
  describe.skip('the families story against a cluster (needs nginx, PostgreSQL and Redis)', () => {
    it('runs', () => undefined);
  });
} else {
  // Read by the story's world when it starts (this file runs in its own process).
  process.env.HEARTH_E2E_RELAY = 'cluster';
  await import('./families.e2e.test');
}
