import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseFromTheFutureError, openDatabase } from '@hearth/sqlite';
import { CHILD_MIGRATIONS } from './child/migrations/index';
import { FAMILY_MIGRATIONS } from './family/migrations/index';
import { openFamilyStore } from '../stores/family-store';
import { createChildStores } from '../stores/child-stores';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-migrate-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const tables = (file: string): string[] => {
  const db = openDatabase(file);
  const names = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map(
    (r) => r.name,
  );
  db.close();
  return names;
};

describe('migrations', () => {
  it('brings a new family store and a new child store to the latest version, in WAL mode', () => {
    openFamilyStore(dir).close();
    const stores = createChildStores({ dataDir: dir });
    const child = stores.get('01J0000000000000000000000A');
    expect(child.db.pragma('user_version', { simple: true })).toBe(CHILD_MIGRATIONS.length);
    expect(child.db.pragma('journal_mode', { simple: true })).toBe('wal');
    stores.closeAll();
    expect(tables(path.join(dir, 'family.sqlite'))).toEqual(
      expect.arrayContaining(['profiles', 'parent_lock', 'settings', 'enrollment']),
    );
    expect(tables(path.join(dir, 'children', '01J0000000000000000000000A', 'child.sqlite'))).toEqual(
      expect.arrayContaining([
        'contacts',
        'messages',
        'messages_fts',
        'attachments',
        'outbox',
        'activity_log',
        'call_log',
        'game_matches',
        'game_moves',
      ]),
    );
  });

  it('opens an up-to-date store again without changing it', () => {
    openFamilyStore(dir).close();
    const db = openFamilyStore(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(FAMILY_MIGRATIONS.length);
    db.close();
  });

  it('refuses a database written by a newer Hearth and leaves it untouched', () => {
    const file = path.join(dir, 'family.sqlite');
    const db = openDatabase(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openFamilyStore(dir)).toThrow(DatabaseFromTheFutureError);
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(99);
    expect(tables(file)).toEqual([]);
    again.close();
  });

  it('refuses a child store from the future too', () => {
    const stores = createChildStores({ dataDir: dir });
    const id = '01J0000000000000000000000B';
    stores.get(id).db.pragma('user_version = 7');
    stores.closeAll();
    expect(() => createChildStores({ dataDir: dir }).get(id)).toThrow(/newer version of Hearth/);
  });

  it('refuses a child id that is not a ULID as a folder name', () => {
    expect(() => createChildStores({ dataDir: dir }).get('../../escape')).toThrow(/child id/);
  });
});
