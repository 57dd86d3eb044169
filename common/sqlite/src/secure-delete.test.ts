import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eraseWal, openDatabase } from './index';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-secure-delete-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The files of the folder (the database, its WAL and SHM) that hold `needle`'s UTF-8 bytes. */
function filesHolding(needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  return fs.readdirSync(dir).filter((name) => fs.readFileSync(path.join(dir, name)).includes(bytes));
}

describe('deleting leaves nothing in the files (F12)', () => {
  it('opens every database with secure_delete on', () => {
    const db = openDatabase(path.join(dir, 'a.sqlite'));
    try {
      expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('after a deletion and eraseWal, neither the file nor its WAL holds the deleted text', () => {
    const db = openDatabase(path.join(dir, 'a.sqlite'));
    try {
      db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
      db.exec('CREATE INDEX notes_body ON notes (body)');
      const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
      // Enough rows to fill several pages (and an overflowing one), so page splits happen too.
      for (let i = 0; i < 300; i += 1) insert.run(`keep-${i}-${'x'.repeat(40)}`);
      insert.run(`Zanzibar-secret-note ${'y'.repeat(5000)}`);
      for (let i = 0; i < 20; i += 1) insert.run(`Zanzibar-secret-note ${i}`);
      db.pragma('wal_checkpoint(PASSIVE)');
      expect(filesHolding('Zanzibar-secret-note')).not.toEqual([]);

      db.prepare(`DELETE FROM notes WHERE body LIKE 'Zanzibar%'`).run();
      expect(eraseWal(db)).toBe(true);
      expect(fs.statSync(path.join(dir, 'a.sqlite-wal')).size).toBe(0);
      expect(filesHolding('Zanzibar-secret-note')).toEqual([]);
      expect(db.prepare('SELECT COUNT(*) AS n FROM notes').get()).toEqual({ n: 300 });
    } finally {
      db.close();
    }
  });
});
