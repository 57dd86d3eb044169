import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Child } from '@hearth/common';
import { buildApp } from '../app';
import { DEFAULT_CONFIG } from '../config';
import { DatabaseFromTheFutureError, migrate, openDatabase, type WritableDB } from '@hearth/sqlite';
import { RELAY_MIGRATIONS } from './migrations/index';
import { PASSWORD, api, buildTestApp, createChild, expectStatus, registerParent, signIn } from '../../test/helpers';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-migrate-test-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const LATEST = Math.max(...RELAY_MIGRATIONS.map((m) => m.version));
const userVersion = (db: WritableDB): number => db.pragma('user_version', { simple: true }) as number;
const tables = (db: WritableDB): string[] =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map(
    (t) => t.name,
  );

describe('migrations', () => {
  it('numbers the relay migrations 1, 2, 3… with no gap or repeat', () => {
    expect(RELAY_MIGRATIONS.map((m) => m.version)).toEqual(RELAY_MIGRATIONS.map((_, i) => i + 1));
  });

  it('brings a new database to the latest version, in WAL mode with foreign keys on', () => {
    const db = openDatabase(path.join(dir, 'relay.sqlite'));
    try {
      expect(migrate(db, RELAY_MIGRATIONS)).toBe(LATEST);
      expect(userVersion(db)).toBe(LATEST);
      expect(tables(db)).toEqual(
        expect.arrayContaining(['accounts', 'parents', 'children', 'consents', 'friendships', 'invites']),
      );
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    } finally {
      db.close();
    }
  });

  it('refuses a database written by a newer relay, and leaves it untouched', () => {
    const file = path.join(dir, 'future.sqlite');
    const db = openDatabase(file);
    try {
      db.pragma(`user_version = ${LATEST + 1}`);
      expect(() => migrate(db, RELAY_MIGRATIONS)).toThrow(DatabaseFromTheFutureError);
      expect(() => migrate(db, RELAY_MIGRATIONS)).toThrow(/written by a newer version of Hearth/);
      expect(userVersion(db)).toBe(LATEST + 1);
      expect(tables(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('refuses to start the relay on a database from the future', async () => {
    const db = openDatabase(path.join(dir, 'relay.sqlite'));
    db.pragma(`user_version = ${LATEST + 5}`);
    db.close();
    await expect(buildApp({ ...DEFAULT_CONFIG, dataDir: dir }, { logger: false })).rejects.toBeInstanceOf(
      DatabaseFromTheFutureError,
    );
  });
});

describe('reopening the relay', () => {
  it('keeps parents, sessions, children and consents across a restart', async () => {
    const first = await buildTestApp({ dataDir: dir });
    const parent = await registerParent(first.app);
    const child = await createChild(first.app, parent.token);
    await first.app.close();

    const second = await buildTestApp({ dataDir: dir });
    try {
      const { children } = expectStatus(
        await api<{ children: Child[] }>(second.app, 'GET', '/v1/children', { token: parent.token }),
        200,
      );
      expect(children).toEqual([child]);
      const consents = expectStatus(
        await api<{ consents: unknown[] }>(second.app, 'GET', '/v1/consents', { token: parent.token }),
        200,
      );
      expect(consents.consents).toHaveLength(1);
      expect((await signIn(second.app, parent.email, PASSWORD)).parentId).toBe(parent.parentId);
    } finally {
      await second.close();
    }
  });
});
