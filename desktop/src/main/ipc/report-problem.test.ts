import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger';
import { createRendererProblemsService } from '../services/renderer-problems';
import { createHandlers, type Handlers } from './handlers';
import type { Services } from './services';

/** Main's real logger writing into an array, the real problems service, and a clock the test moves. */
function world(): { handlers: Handlers; lines: () => Record<string, unknown>[]; advance: (ms: number) => void } {
  const out: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done): void {
      out.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger('hearth-test', { destination });
  let now = 1_000_000;
  const problems = createRendererProblemsService({ logger, now: () => now, maxPerWindow: 3, windowMs: 60_000 });
  // The guard reads the lock and the profile; the channel is open, so a locked pane with nobody at the PC.
  const services = {
    lock: { state: () => 'locked', session: () => null },
    profiles: { activeChildId: () => null },
    problems,
  } as unknown as Services;
  return {
    handlers: createHandlers(services, logger),
    lines: () => out.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.component === 'renderer'),
    advance: (ms) => {
      now += ms;
    },
  };
}

describe('reportProblem', () => {
  it('logs a reported problem as codes under the renderer component, even while locked', async () => {
    const w = world();
    const result = await w.handlers.reportProblem({
      area: 'calls',
      code: 'calls.could-not-answer',
      error: 'UNAVAILABLE',
      count: 2,
    });
    expect(result).toEqual({ ok: true, value: { done: true } });
    expect(w.lines()).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'renderer problem',
        area: 'calls',
        code: 'calls.could-not-answer',
        error: 'UNAVAILABLE',
        count: 2,
      }),
    ]);
  });

  it('logs at most the cap per window, then one line with how many it dropped', async () => {
    const w = world();
    for (let i = 0; i < 10; i++) await w.handlers.reportProblem({ area: 'chat', code: `chat.list-messages` });
    expect(w.lines().filter((l) => l.msg === 'renderer problem')).toHaveLength(3);
    w.advance(59_999);
    await w.handlers.reportProblem({ area: 'chat', code: 'chat.still-capped' });
    expect(w.lines().filter((l) => l.msg === 'renderer problem')).toHaveLength(3);
    w.advance(1);
    await w.handlers.reportProblem({ area: 'chat', code: 'chat.next-window' });
    const lines = w.lines();
    expect(lines.filter((l) => l.msg === 'renderer problem')).toHaveLength(4);
    expect(lines).toContainEqual(expect.objectContaining({ dropped: 8, msg: 'renderer problems over the cap were not logged' }));
    expect(lines.at(-1)).toMatchObject({ code: 'chat.next-window' });
  });

  it('refuses text, names and anything but codes before logging a word', async () => {
    const w = world();
    const bad: unknown[] = [
      { area: 'chat', code: 'chat.failed', message: 'hi grandma, this is Lucía' },
      { area: 'chat', code: 'Lucía sent a message' },
      { area: 'chat', code: 'has space' },
      { area: 'chat', code: 'UPPER' },
      { area: 'chat', code: `a${'b'.repeat(64)}` },
      { area: 'chat', code: '' },
      { area: 'the kitchen', code: 'x' },
      { area: 'chat', code: 'x', error: 'SOMETHING_ELSE' },
      { area: 'chat', code: 'x', count: 0 },
      { area: 'chat', code: 'x', count: 1.5 },
      { area: 'chat', code: 'x', details: { name: 'Lucía' } },
      { code: 'x' },
    ];
    for (const args of bad) {
      expect(await w.handlers.reportProblem(args), JSON.stringify(args)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
    }
    expect(w.lines()).toEqual([]);
  });
});
