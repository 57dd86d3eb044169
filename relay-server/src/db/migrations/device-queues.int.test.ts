import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type WritableDB } from '@hearth/sqlite';
import { claimAccountQueue } from '../../messaging/device-queues';
import { listDeliverable } from '../../messaging/queries';
import { RELAY_MIGRATIONS } from './index';

let dir: string;
let db: WritableDB;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-device-queues-'));
  db = openDatabase(path.join(dir, 'relay.sqlite'));
});
afterEach(async () => {
  db.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the device-queues migration', () => {
  it('puts what waited before it in the recipient’s account queue, which the first device takes in order', () => {
    const before = RELAY_MIGRATIONS.slice(
      0,
      RELAY_MIGRATIONS.findIndex((m) => m.name === 'device-queues'),
    );
    migrate(db, before);
    const account = db.prepare(`INSERT INTO accounts (id, kind, display_name, created_at) VALUES (?, 'child', ?, 1)`);
    account.run('01J00000000000000000000SND', 'Sender');
    account.run('01J00000000000000000000RCP', 'Recipient');
    const message = db.prepare(
      `INSERT INTO messages (id, sender_id, recipient_id, kind, content_json, withheld, created_at, expires_at)
       VALUES (?, '01J00000000000000000000SND', '01J00000000000000000000RCP', 'text', '{"kind":"text","text":"x"}', ?, 1, 100)`,
    );
    message.run('01J000000000000000000MSG01', 0);
    message.run('01J000000000000000000MSG02', 1);
    message.run('01J000000000000000000MSG03', 0);

    migrate(db, RELAY_MIGRATIONS);

    const rows = db.prepare(`SELECT account_id AS a, device_id AS d, own FROM message_queue ORDER BY message_seq`).all();
    expect(rows).toEqual(Array.from({ length: 3 }, () => ({ a: '01J00000000000000000000RCP', d: '', own: 0 })));
    expect(claimAccountQueue(db, '01J00000000000000000000RCP', '01J0000000000000000000DEV1')).toBe(3);
    expect(claimAccountQueue(db, '01J00000000000000000000RCP', '01J0000000000000000000DEV2')).toBe(0);
    // The withheld one waits for its sender's sake but is never pushed.
    const pushed = listDeliverable(db, '01J00000000000000000000RCP', '01J0000000000000000000DEV1', 0, 2, 10).map((m) => m.id);
    expect(pushed).toEqual(['01J000000000000000000MSG01', '01J000000000000000000MSG03']);
  });
});
