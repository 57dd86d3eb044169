import fp from 'fastify-plugin';
import { ErrorCode } from '@hearth/common';
import { prepared, type ReadableDB } from '@hearth/sqlite';

/** One part of the relay's health: returns when the part works, throws when it does not. */
export type HealthCheck = () => void | Promise<void>;

export type HealthOptions = Readonly<{
  /** What `/health` reports on, by name (the database today; the cluster's bus later). */
  checks: Readonly<Record<string, HealthCheck>>;
  /** How often the checks run in the background. Default 5 s. */
  intervalMs?: number;
}>;

/** Default interval of the background health check, in milliseconds. */
export const HEALTH_CHECK_INTERVAL_MS = 5_000;

/** The database answers a trivial query. */
export function databaseCheck(db: ReadableDB): HealthCheck {
  return () => {
    prepared(db, 'SELECT 1').get();
  };
}

/**
 * `GET /health`: answers at once from the status the background checks last found (never runs
 * a check per request), and is exempt from the per-address rate limit, so a load balancer or
 * monitor polling it costs nothing and is never refused. 200 `{ ok: true }` while every check
 * passes; 503 UNAVAILABLE, naming the failing parts, otherwise.
 */
export const healthPlugin = fp<HealthOptions>(
  async (app, opts) => {
    const names = Object.keys(opts.checks);
    let failing: string[] = [];
    let running = false;
    const refresh = async (): Promise<void> => {
      if (running) return; // a slow check is not stacked up behind itself
      running = true;
      const found: string[] = [];
      for (const name of names) {
        try {
          await opts.checks[name]?.();
        } catch (err) {
          found.push(name);
          app.log.warn({ check: name, err: (err as Error).message }, 'health check failed');
        }
      }
      failing = found;
      running = false;
    };
    await refresh();
    const timer = setInterval(() => void refresh(), opts.intervalMs ?? HEALTH_CHECK_INTERVAL_MS);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));

    app.get('/health', { schema: { hide: true }, config: { rateLimit: false } }, async (_request, reply) => {
      if (failing.length === 0) return { ok: true };
      return reply
        .status(503)
        .send({ error: { code: ErrorCode.Unavailable, message: `The relay is not healthy: ${failing.join(', ')}.` } });
    });
  },
  { name: 'hearth-health' },
);
