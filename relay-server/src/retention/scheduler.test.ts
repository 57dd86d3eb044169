import { describe, expect, it } from 'vitest';
import { createRetentionScheduler, type NamedSweep, type SweepContext } from './scheduler';

type Line = Readonly<{ level: 'error' | 'warn' | 'info'; obj: Record<string, unknown>; msg: string }>;

/** A context with a hand-moved clock and a log that records what the scheduler says. */
function context(): { ctx: SweepContext; lines: Line[]; clock: { t: number } } {
  const lines: Line[] = [];
  const clock = { t: Date.UTC(2026, 10, 2, 9) };
  const log = {
    error: (obj: object, msg: string) => lines.push({ level: 'error', obj: obj as Record<string, unknown>, msg }),
    warn: (obj: object, msg: string) => lines.push({ level: 'warn', obj: obj as Record<string, unknown>, msg }),
    info: (obj: object, msg: string) => lines.push({ level: 'info', obj: obj as Record<string, unknown>, msg }),
  };
  return { ctx: { now: () => clock.t, log } as unknown as SweepContext, lines, clock };
}

describe('the retention scheduler', () => {
  it('runs every sweep on the relay’s clock and logs how many each deleted', async () => {
    const { ctx, lines, clock } = context();
    const seen: number[] = [];
    const sweeps: NamedSweep[] = [
      { name: 'a', sweep: async (c) => (seen.push(c.now()), 2) },
      { name: 'b', sweep: async () => 0 },
    ];
    const scheduler = createRetentionScheduler(ctx, sweeps, 60_000);
    clock.t += 5_000;
    expect(await scheduler.sweepNow()).toEqual({ deleted: { a: 2, b: 0 }, failed: [] });
    expect(seen).toEqual([Date.UTC(2026, 10, 2, 9) + 5_000]);
    expect(lines).toContainEqual({ level: 'info', obj: { deleted: { a: 2, b: 0 }, failed: [] }, msg: 'retention sweeps ran' });
    await scheduler.close();
  });

  it('runs the others when one fails, and logs the failure', async () => {
    const { ctx, lines } = context();
    const sweeps: NamedSweep[] = [
      { name: 'broken', sweep: async () => Promise.reject(new Error('disk gone')) },
      { name: 'fine', sweep: async () => 3 },
    ];
    const scheduler = createRetentionScheduler(ctx, sweeps);
    expect(await scheduler.sweepNow()).toEqual({ deleted: { fine: 3 }, failed: ['broken'] });
    expect(lines.find((l) => l.level === 'error')).toMatchObject({ obj: { sweep: 'broken' }, msg: 'a retention sweep failed' });
    await scheduler.close();
  });

  it('runs one pass at a time: a second call while one runs gets the same pass', async () => {
    const { ctx } = context();
    let runs = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const scheduler = createRetentionScheduler(ctx, [{ name: 'slow', sweep: async () => (runs++, await gate, 1) }]);
    const first = scheduler.sweepNow();
    const second = scheduler.sweepNow();
    release();
    expect(await first).toBe(await second);
    expect(runs).toBe(1);
    await scheduler.sweepNow();
    expect(runs).toBe(2);
    await scheduler.close();
  });

  it('runs a pass at start, again each interval, and none after close', async () => {
    const { ctx } = context();
    let runs = 0;
    const scheduler = createRetentionScheduler(ctx, [{ name: 'count', sweep: async () => ++runs }], 20);
    scheduler.start();
    await new Promise<void>((resolve) => {
      const check = setInterval(() => runs >= 3 && (clearInterval(check), resolve()), 5);
    });
    await scheduler.close();
    const after = runs;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(runs).toBe(after);
  });
});
