import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type WritableDB } from '@hearth/sqlite';
import { RELAY_MIGRATIONS } from '../db/migrations/index';
import { insertChild, insertParent } from '../accounts/queries';
import { insertDevice, insertDeviceCredential, revokeDeviceChild } from '../devices/queries';
import { createSqliteStore, type SqliteStore } from '../store/sqlite-store';
import { ACCOUNT_QUEUE, insertParentDevice, unbindParentDevice } from './device-queues';
import type { Store } from '../store/port';
import type { QueuedFor } from './queries';

/**
 * The send path remembers each account's delivery devices (`pair-devices.ts`). Whatever changes
 * them, through this connection or another, in a transaction that commits or one that rolls
 * back, the next message is queued for exactly the devices the database holds then.
 */
const T0 = Date.UTC(2026, 11, 7);
let dir: string;
let db: WritableDB;
let store: SqliteStore;
let n = 0;

function child(id: string): void {
  insertChild(db, {
    id,
    parentId: 'P',
    displayName: id,
    username: id.toLowerCase(),
    birthday: null,
    gender: null,
    avatar: null,
    createdAt: T0,
  });
}

function pc(id: string): void {
  insertDevice(db, { id, parentId: 'P', name: id, infoJson: '{}', enrolledAt: T0 });
}

function credential(deviceId: string, childId: string, on: WritableDB = db): void {
  insertDeviceCredential(on, { tokenHash: Buffer.from(`${deviceId}:${childId}:${n++}`), deviceId, childId, createdAt: T0 });
}

/** Stores one message from `from` to `to` in the transaction `tx`; the queues it went into. */
async function accept(tx: Store, from: string, to: string, at = T0): Promise<readonly QueuedFor[]> {
  const id = `01KBXZ${String(n++).padStart(20, '0')}`;
  const accepted = await tx.messages.acceptMessage({
    id,
    senderId: from,
    recipientId: to,
    kind: 'text',
    contentJson: '{"kind":"text","text":"hi"}',
    attachmentHash: null,
    withheld: false,
    createdAt: at,
    expiresAt: at + 60_000,
    sendingDevice: 'PC1',
    parentSessionAfter: at - 60_000,
  });
  if (accepted.kind !== 'stored') throw new Error('not stored');
  return accepted.queues;
}

/** One message in a transaction of its own, as the group commit sends it. */
const send = (from: string, to: string, at = T0): Promise<readonly QueuedFor[]> =>
  store.transaction((tx) => accept(tx, from, to, at));

const recipientDevices = (queues: readonly QueuedFor[], to: string): string[] =>
  queues
    .filter((q) => q.accountId === to)
    .map((q) => q.deviceId)
    .sort();

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-pair-devices-'));
  db = openDatabase(path.join(dir, 'relay.sqlite'));
  migrate(db, RELAY_MIGRATIONS);
  insertParent(db, { id: 'P', email: 'p@example.test', displayName: 'P', passwordHash: 'x', createdAt: T0 });
  child('A');
  child('B');
  pc('PC1');
  pc('PC2');
  credential('PC1', 'A');
  credential('PC1', 'B');
  store = createSqliteStore(db);
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('remembered delivery devices', () => {
  it('queues for a device enrolled since the last message', async () => {
    expect(recipientDevices(await send('A', 'B'), 'B')).toEqual(['PC1']);
    credential('PC2', 'B');
    expect(recipientDevices(await send('A', 'B'), 'B')).toEqual(['PC1', 'PC2']);
  });

  it('stops queuing for a credential revoked, or a PC deleted (a cascade)', async () => {
    credential('PC2', 'B');
    expect(recipientDevices(await send('A', 'B'), 'B')).toEqual(['PC1', 'PC2']);
    revokeDeviceChild(db, 'PC2', 'B', T0);
    expect(recipientDevices(await send('A', 'B'), 'B')).toEqual(['PC1']);
    credential('PC2', 'B');
    expect(recipientDevices(await send('A', 'B'), 'B')).toEqual(['PC1', 'PC2']);
    db.prepare('DELETE FROM devices WHERE id = ?').run('PC2');
    expect(recipientDevices(await send('A', 'B'), 'B')).toEqual(['PC1']);
  });

  it('sees what another connection to the file committed', async () => {
    expect(recipientDevices(await send('A', 'B'), 'B')).toEqual(['PC1']);
    const other = new Database(path.join(dir, 'relay.sqlite')) as unknown as WritableDB;
    try {
      credential('PC2', 'B', other);
    } finally {
      other.close();
    }
    expect(recipientDevices(await send('A', 'B'), 'B')).toEqual(['PC1', 'PC2']);
  });

  it('forgets a device enrolled in a transaction that rolled back', async () => {
    expect(recipientDevices(await send('A', 'B'), 'B')).toEqual(['PC1']);
    const failed = store.transaction(async (tx) => {
      credential('PC2', 'B');
      // Within that transaction the new device counts ...
      expect(recipientDevices(await accept(tx, 'A', 'B'), 'B')).toEqual(['PC1', 'PC2']);
      throw new Error('the enrolment failed');
    });
    await expect(failed).rejects.toThrow('the enrolment failed');
    // ... and after its rollback it is gone.
    expect(recipientDevices(await send('A', 'B'), 'B')).toEqual(['PC1']);
  });

  it("follows a grown-up's sessions: signed out, or ended longer ago than a message's lifetime", async () => {
    insertParentDevice(db, { id: 'PD', parentId: 'P', sessionId: 'S', sessionExpiresAt: T0 + 10_000, createdAt: T0 });
    expect(recipientDevices(await send('A', 'P'), 'P')).toEqual(['PD']);
    // Remembered, but the session's end is still checked against each message's time.
    // No device left: the account queue.
    expect(recipientDevices(await send('A', 'P', T0 + 70_001), 'P')).toEqual([ACCOUNT_QUEUE]);
    expect(recipientDevices(await send('A', 'P'), 'P')).toEqual(['PD']);
    unbindParentDevice(db, 'PD');
    expect(recipientDevices(await send('A', 'P'), 'P')).toEqual([ACCOUNT_QUEUE]);
  });

  it('stops remembering once the schema changed (a table rebuilt by a migration takes its triggers with it)', async () => {
    expect(recipientDevices(await send('A', 'B'), 'B')).toEqual(['PC1']);
    const table = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'device_credentials'`).pluck().get() as string;
    db.pragma('foreign_keys = OFF');
    db.exec(`${table.replace('device_credentials', 'device_credentials_new')};
             INSERT INTO device_credentials_new SELECT * FROM device_credentials;
             DROP TABLE device_credentials;
             ALTER TABLE device_credentials_new RENAME TO device_credentials;`);
    db.pragma('foreign_keys = ON');
    credential('PC2', 'B');
    expect(recipientDevices(await send('A', 'B'), 'B')).toEqual(['PC1', 'PC2']);
  });

  it('works on a database without the relay schema (nothing to remember there)', () => {
    const bare = openDatabase(path.join(dir, 'bare.sqlite'));
    try {
      expect(() => createSqliteStore(bare)).not.toThrow();
    } finally {
      bare.close();
    }
  });
});
