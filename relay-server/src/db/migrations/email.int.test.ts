import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type WritableDB } from '@hearth/sqlite';
import { getParentByEmail } from '../../accounts/queries';
import { isEmailVerified, setEmailVerified } from '../../email/queries';
import { RELAY_MIGRATIONS } from './index';

let dir: string;
let db: WritableDB;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-email-migration-'));
  db = openDatabase(path.join(dir, 'relay.sqlite'));
});
afterEach(async () => {
  db.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the email migration', () => {
  it('leaves the accounts from before it unverified, and the query says so until one is verified', () => {
    migrate(
      db,
      RELAY_MIGRATIONS.slice(
        0,
        RELAY_MIGRATIONS.findIndex((m) => m.name === 'email'),
      ),
    );
    db.prepare(`INSERT INTO accounts (id, kind, display_name, created_at) VALUES ('P1', 'parent', 'Sam', 5)`).run();
    db.prepare(`INSERT INTO parents (account_id, email, password_hash) VALUES ('P1', 'Sam@Example.test', 'h')`).run();

    migrate(db, RELAY_MIGRATIONS);
    expect(getParentByEmail(db, 'sam@example.test')).toMatchObject({ id: 'P1', emailVerifiedAt: null, createdAt: 5 });
    expect(isEmailVerified(db, 'P1')).toBe(false);
    expect(setEmailVerified(db, 'P1', 77)).toBe(true);
    expect(setEmailVerified(db, 'P1', 99)).toBe(true);
    expect(getParentByEmail(db, 'sam@example.test')?.emailVerifiedAt).toBe(77);
    expect(isEmailVerified(db, 'P1')).toBe(true);
    expect(isEmailVerified(db, 'nobody')).toBe(false);
  });

  it('deletes an account’s codes with the account', () => {
    migrate(db, RELAY_MIGRATIONS);
    db.prepare(`INSERT INTO accounts (id, kind, display_name, created_at) VALUES ('P2', 'parent', 'Kim', 5)`).run();
    db.prepare(`INSERT INTO parents (account_id, email, password_hash) VALUES ('P2', 'kim@example.test', 'h')`).run();
    db.prepare(
      `INSERT INTO email_codes (id, purpose, email_key, account_id, code_hash, sent_by, created_at, expires_at)
       VALUES ('C1', 'verify', 'kim@example.test', 'P2', x'00', 'email', 1, 2)`,
    ).run();
    db.prepare(`DELETE FROM accounts WHERE id = 'P2'`).run();
    expect(db.prepare(`SELECT COUNT(*) AS n FROM email_codes`).get()).toEqual({ n: 0 });
  });
});
