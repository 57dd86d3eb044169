import fp from 'fastify-plugin';
import { ErrorCode } from '@hearth/common';

/** One part of the relay's health: returns when the part works, throws when it does not. */
export type HealthCheck = () => void | Promise<void>;

export type HealthOptions = Readonly<{
  /** What `/health` reports on, by name: `database` and `bus` (issue 13). */
  checks: Readonly<Record<string, HealthCheck>>;
  /** Whether this instance is draining (stopping): `/health` then answers 503, so the load balancer moves on. */
  draining?: () => boolean;
  /** How often the checks run in the background. Default 5 s. */
  intervalMs?: number;
}>;

/** Default interval of the background health check, in milliseconds. */
export const HEALTH_CHECK_INTERVAL_MS = 5_000;

/** What `/health` says of each part. */
export type PartHealth = 'ok' | 'failing';

/**
 * `GET /health`: answers at once from the status the background checks last found (never runs
 * a check per request), and is exempt from the per-address rate limit, so a load balancer or
 * monitor polling it costs nothing and is never refused. The body names each part and whether
 * the instance drains: `{ ok, database: 'ok', bus: 'ok', draining: false }`; 200 while every
 * check passes and the instance is not draining, 503 (with an UNAVAILABLE error) otherwise.
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
      const draining = opts.draining?.() ?? false;
      const parts: Record<string, PartHealth> = {};
      for (const name of names) parts[name] = failing.includes(name) ? 'failing' : 'ok';
      if (failing.length === 0 && !draining) return { ok: true, ...parts, draining };
      const message =
        failing.length > 0 ? `The relay is not healthy: ${failing.join(', ')}.` : 'This relay instance is stopping.';
      return reply.status(503).send({ ok: false, ...parts, draining, error: { code: ErrorCode.Unavailable, message } });
    });
  },
  { name: 'hearth-health' },
);
