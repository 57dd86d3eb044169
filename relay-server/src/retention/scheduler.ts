import type { RelayContext } from '../context';
import type { Logger } from '../realtime/logger';

/** What a sweep gets: the relay's context (its store and injected clock) and the relay's log. */
export type SweepContext = RelayContext & Readonly<{ log: Logger }>;

/**
 * One retention rule enforced: deletes what is past its time, as of `ctx.now()`, and returns how
 * many things it deleted. Every instance of a cluster runs the sweeps, so each must be idempotent
 * and safe to run at the same time as itself on another instance (a plain `DELETE … WHERE` is).
 */
export type Sweep = (ctx: SweepContext) => Promise<number>;

export type NamedSweep = Readonly<{ name: string; sweep: Sweep }>;

/** One pass: how many each sweep deleted, and which failed (logged; the others still ran). */
export type SweepPass = Readonly<{ deleted: Readonly<Record<string, number>>; failed: readonly string[] }>;

export type RetentionScheduler = Readonly<{
  /** Runs a pass now (test and at start); a pass already running is awaited instead of starting another. */
  sweepNow(): Promise<SweepPass>;
  /** A pass at once, then one every `intervalMs`. */
  start(): void;
  /** No more passes; waits for one under way. */
  close(): Promise<void>;
}>;

/** Hourly: nothing kept here is counted in hours, so an hour late is within every published rule's day. */
export const RETENTION_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export function createRetentionScheduler(
  ctx: SweepContext,
  sweeps: readonly NamedSweep[],
  intervalMs: number = RETENTION_SWEEP_INTERVAL_MS,
): RetentionScheduler {
  let running: Promise<SweepPass> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  async function pass(): Promise<SweepPass> {
    const deleted: Record<string, number> = {};
    const failed: string[] = [];
    for (const { name, sweep } of sweeps) {
      if (closed) break;
      try {
        deleted[name] = await sweep(ctx);
      } catch (err) {
        failed.push(name);
        ctx.log.error({ err, sweep: name }, 'a retention sweep failed');
      }
    }
    ctx.log.info({ deleted, failed }, 'retention sweeps ran');
    return { deleted, failed };
  }

  function sweepNow(): Promise<SweepPass> {
    running ??= pass().finally(() => (running = undefined));
    return running;
  }

  function background(): void {
    sweepNow().catch((err: unknown) => ctx.log.error({ err }, 'the retention sweeps failed'));
  }

  return {
    sweepNow,
    start() {
      if (closed || timer) return;
      background();
      timer = setInterval(background, intervalMs);
      timer.unref();
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
