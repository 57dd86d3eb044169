import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { openDatabase, prepared, type ReadableDB, type WritableDB } from './index';

/** A pino logger whose lines land in an array. */
function recordingLogger(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

// Counts to a few million: tens of milliseconds or more on any machine.
const SLOW_SQL = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT COUNT(*) AS c FROM n`;

describe('the slow-query log', () => {
  it("logs a statement slower than the threshold through the caller's pino logger, with its SQL and not its parameters", async () => {
    const { logger, lines } = recordingLogger();
    const db = openDatabase(':memory:', { logger: logger.child({ component: 'sqlite' }), slowQueryMs: 5 });
    try {
      expect(prepared(db, SLOW_SQL).get()).toEqual({ c: 3000000 });
      db.prepare(`SELECT ? AS secret`).get('hunter2');
      await new Promise((r) => setImmediate(r));
      // Under a loaded machine the quick statement may pass 5 ms too; the slow one must be there.
      const slow = lines.filter((l) => l.msg === 'slow query' && l.sql === SLOW_SQL.slice(0, 200));
      expect(slow).toHaveLength(1);
      expect(slow[0]).toMatchObject({ level: 40, component: 'sqlite' });
      expect(slow[0]?.ms).toBeGreaterThan(5);
      expect(JSON.stringify(lines)).not.toContain('hunter2');
    } finally {
      db.close();
    }
  });

  it('logs nothing under the threshold', async () => {
    const { logger, lines } = recordingLogger();
    const db = openDatabase(':memory:', { logger, slowQueryMs: 60_000 });
    try {
      prepared(db, SLOW_SQL).get();
      await new Promise((r) => setImmediate(r));
      expect(lines).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('keeps ReadableDB and WritableDB apart from a plain handle (compile-time brands)', () => {
    const db = openDatabase(':memory:');
    const reader: ReadableDB = db; // a WritableDB is readable
    // @ts-expect-error a handle that may only read is not one that may write
    const writer: WritableDB = reader;
    expect(writer).toBe(db);
    db.close();
  });
});
