import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type WritableDB } from '@hearth/sqlite';
import { isCovered } from '../../family/queries';
import { RELAY_MIGRATIONS } from './index';

let dir: string;
let db: WritableDB;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-guardians-'));
  db = openDatabase(path.join(dir, 'relay.sqlite'));
});
afterEach(async () => {
  db.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the guardians migration', () => {
  it("makes each child's one parent its guardian, whose consent covers the child, and keeps who created it", () => {
    migrate(
      db,
      RELAY_MIGRATIONS.slice(
        0,
        RELAY_MIGRATIONS.findIndex((m) => m.name === 'guardians'),
      ),
    );
    const account = db.prepare(`INSERT INTO accounts (id, kind, display_name, created_at) VALUES (?, ?, ?, ?)`);
    account.run('01J0000000000000000000PAR1', 'parent', 'Sam', 1);
    account.run('01J0000000000000000000KID1', 'child', 'Robin', 5);
    db.prepare(`INSERT INTO parents (account_id, email, password_hash) VALUES (?, 'sam@example.test', 'x')`).run(
      '01J0000000000000000000PAR1',
    );
    db.prepare(`INSERT INTO children (account_id, parent_id, username) VALUES (?, ?, 'robin')`).run(
      '01J0000000000000000000KID1',
      '01J0000000000000000000PAR1',
    );
    db.prepare(
      `INSERT INTO consents (id, parent_id, child_id, policy_version, method, given_at) VALUES ('C1', ?, ?, 'v1', 'checkbox', 5)`,
    ).run('01J0000000000000000000PAR1', '01J0000000000000000000KID1');

    migrate(db, RELAY_MIGRATIONS);

    expect(db.prepare(`SELECT child_id AS c, parent_id AS p, added_at AS at, added_by AS by FROM guardians`).all()).toEqual([
      { c: '01J0000000000000000000KID1', p: '01J0000000000000000000PAR1', at: 5, by: null },
    ]);
    expect(db.prepare(`SELECT parent_id AS p FROM children`).all()).toEqual([{ p: '01J0000000000000000000PAR1' }]);
    expect(isCovered(db, '01J0000000000000000000KID1', 'v1')).toBe(true);
    expect(isCovered(db, '01J0000000000000000000KID1', 'v2')).toBe(false);
  });
});
