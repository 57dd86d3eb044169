import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '@hearth/common';
import { DatabaseError, DatabaseFromTheFutureError, migrate, openDatabase, type Migration, type WritableDB } from './index';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-sqlite-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const userVersion = (db: WritableDB): number => db.pragma('user_version', { simple: true }) as number;
const tables = (db: WritableDB): string[] =>
  (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map(
    (t) => t.name,
  );
const table = (version: number, ran: number[] = []): Migration => ({
  version,
  name: `t${version}`,
  up: (db) => {
    ran.push(version);
    db.exec(`CREATE TABLE t${version} (x INTEGER) STRICT`);
  },
});

describe('openDatabase', () => {
  it('opens a new file (and its folder) in WAL mode, synchronous FULL, foreign keys on', () => {
    const db = openDatabase(path.join(dir, 'a', 'b', 'x.sqlite'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('names the file in a typed error when it cannot be opened', () => {
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    const attempt = (): unknown => openDatabase(path.join(blocker, 'x.sqlite'));
    expect(attempt).toThrow(DatabaseError);
    expect(attempt).toThrow(`Cannot open the database ${path.join(blocker, 'x.sqlite')}`);
    try {
      attempt();
    } catch (err) {
      expect(err).toMatchObject({ reason: 'cannot-open', code: ErrorCode.Unavailable });
    }
  });
});

describe('migrate', () => {
  it('runs pending migrations in version order, each only once', () => {
    const ran: number[] = [];
    const db = openDatabase(path.join(dir, 'order.sqlite'));
    try {
      expect(migrate(db, [table(2, ran), table(1, ran)])).toBe(2);
      expect(migrate(db, [table(2, ran), table(1, ran)])).toBe(2);
      expect(migrate(db, [table(3, ran), table(2, ran), table(1, ran)])).toBe(3);
      expect(ran).toEqual([1, 2, 3]);
      expect(userVersion(db)).toBe(3);
    } finally {
      db.close();
    }
  });

  it('runs every pending migration in one transaction: a failing one leaves the old schema and version', () => {
    const db = openDatabase(path.join(dir, 'fail.sqlite'));
    try {
      const broken: Migration = {
        version: 2,
        name: 'broken',
        up: (d) => {
          d.exec('CREATE TABLE half_done (x INTEGER)');
          throw new Error('disk on fire');
        },
      };
      expect(() => migrate(db, [table(1), broken])).toThrow('disk on fire');
      expect(userVersion(db)).toBe(0);
      expect(tables(db)).toEqual([]);
      expect(migrate(db, [table(1)])).toBe(1);
      expect(tables(db)).toEqual(['t1']);
    } finally {
      db.close();
    }
  });

  it('refuses a database from the future with a sentence and leaves it untouched', () => {
    const file = path.join(dir, 'future.sqlite');
    const db = openDatabase(file);
    try {
      db.pragma('user_version = 9');
      const attempt = (): number => migrate(db, [table(1), table(2)]);
      expect(attempt).toThrow(DatabaseFromTheFutureError);
      expect(attempt).toThrow('This data was written by a newer version of Hearth (schema 9, this version knows 2)');
      try {
        attempt();
      } catch (err) {
        expect(err).toMatchObject({ reason: 'from-the-future', code: ErrorCode.Conflict, details: { current: 9, latest: 2 } });
      }
      expect(userVersion(db)).toBe(9);
      expect(tables(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it.each([
    ['a gap', [1, 3]],
    ['a repeat', [1, 2, 2]],
    ['no first', [2, 3]],
  ])('refuses migrations with %s in their numbering, before touching the database', (_what, versions) => {
    const db = openDatabase(path.join(dir, 'gap.sqlite'));
    try {
      const attempt = (): number =>
        migrate(
          db,
          versions.map((v) => table(v)),
        );
      expect(attempt).toThrow(/numbered 1, 2, 3/);
      try {
        attempt();
      } catch (err) {
        expect(err).toBeInstanceOf(DatabaseError);
        expect(err).toMatchObject({ reason: 'migrations-not-contiguous', code: ErrorCode.Internal });
      }
      expect(tables(db)).toEqual([]);
      expect(userVersion(db)).toBe(0);
    } finally {
      db.close();
    }
  });
});
