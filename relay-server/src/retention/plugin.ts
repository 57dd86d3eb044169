import fp from 'fastify-plugin';
import { createRetentionScheduler, type RetentionScheduler } from './scheduler';
import { SWEEPS } from './sweeps';

declare module 'fastify' {
  interface FastifyInstance {
    /** The retention sweeps (F16): started with the app, stopped on close. */
    retention: Pick<RetentionScheduler, 'sweepNow'>;
  }
}

/** Runs every sweep of `sweeps.ts` at start and then hourly, on the relay's clock, until the app closes. */
export const retentionPlugin = fp<{ intervalMs?: number }>(
  async (app, opts) => {
    const scheduler = createRetentionScheduler(
      { ...app.relay, log: app.log.child({ component: 'retention' }) },
      SWEEPS,
      opts.intervalMs,
    );
    app.decorate('retention', { sweepNow: () => scheduler.sweepNow() });
    app.addHook('onReady', async () => scheduler.start());
    app.addHook('preClose', async () => scheduler.close());
  },
  { name: 'retention' },
);
