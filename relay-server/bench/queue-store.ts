/**
 * `npm run bench:queue-store`: the durable queue's SQLite work alone, without sockets: rounds of
 * B messages (ROUNDS, B from the environment), each round one transaction that accepts this
 * round's messages (acceptMessage + the franking record, one device per recipient) and
 * acknowledges the last round's (acknowledgeMessages per recipient), as the group commit does.
 * WAL, synchronous=FULL, secure_delete=ON (openDatabase). PER=1 adds the time per statement; WAL=1
 * the WAL pages per commit (without automatic checkpoints).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHmac } from 'node:crypto';
import { openDatabase, migrate } from '@hearth/sqlite';
import { monotonicFactory } from 'ulid';
import { RELAY_MIGRATIONS } from '../src/db/migrations/index';
import * as q from '../src/messaging/queries';
import { insertFrank } from '../src/franking/queries';
import { insertChild, insertParent } from '../src/accounts/queries';
import { insertDevice, insertDeviceCredential } from '../src/devices/queries';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qstore-'));
const db = openDatabase(path.join(dir, 'r.db'));
migrate(db, RELAY_MIGRATIONS);
// 100 pairs of children on one PC: one device per recipient, as in the queue bench.
const ulid = monotonicFactory();
const now0 = Date.now();
insertParent(db, { id: 'P', email: 'p@example.test', displayName: 'P', passwordHash: 'x', createdAt: now0 });
insertDevice(db, { id: 'D', parentId: 'P', name: 'pc', infoJson: '{}', enrolledAt: now0 });
const kids: string[] = [];
for (let i = 0; i < 200; i++) {
  const id = `K${i}`;
  insertChild(db, {
    id,
    parentId: 'P',
    displayName: id,
    username: `k${i}`,
    birthday: null,
    gender: null,
    avatar: null,
    createdAt: now0,
  });
  insertDeviceCredential(db, { tokenHash: Buffer.from(`h${i}`), deviceId: 'D', childId: id, createdAt: now0 });
  kids.push(id);
}
const per = new Map<string, number>();
if (process.env.PER) {
  // Time per statement (PER=1): which SQL the per-message cost goes to.
  const prep = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const st = prep(sql);
    const methods = st as unknown as Record<'run' | 'get' | 'all', (...a: unknown[]) => unknown>;
    for (const m of ['run', 'get', 'all'] as const) {
      const f = methods[m].bind(st);
      methods[m] = (...a: unknown[]) => {
        const t = performance.now();
        try {
          return f(...a);
        } finally {
          per.set(sql, (per.get(sql) ?? 0) + performance.now() - t);
        }
      };
    }
    return st;
  }) as typeof db.prepare;
}
// WAL=1: no automatic checkpoint, and the WAL pages each commit wrote (what the fsync and the checkpoints carry).
if (process.env.WAL) db.pragma('wal_autocheckpoint = 0');
const B = Number(process.env.B ?? 300);
const ROUNDS = Number(process.env.ROUNDS ?? 60);
const key = Buffer.alloc(32, 7);
let prev: { to: string; id: string }[] = [];
let work = 0;
let commitMs = 0;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
for (let r = 0; r < ROUNDS; r++) {
  const start = performance.now();
  db.exec('BEGIN IMMEDIATE');
  const at = Date.now();
  const sent: { to: string; id: string }[] = [];
  for (let i = 0; i < B; i++) {
    const from = kids[(2 * i) % 200] as string;
    const to = kids[(2 * i + 1) % 200] as string;
    const id = ulid();
    const contentJson = `{"kind":"text","text":"hello from the bench ${id}"}`;
    const a = q.acceptMessage(db, {
      id,
      senderId: from,
      recipientId: to,
      kind: 'text',
      contentJson,
      attachmentHash: null,
      withheld: false,
      createdAt: at,
      expiresAt: at + 1e9,
      sendingDevice: 'D',
      parentSessionAfter: at - 1e9,
    });
    if (a.kind !== 'stored') throw new Error('not stored');
    insertFrank(db, id, createHmac('sha256', key).update(id).digest(), at);
    sent.push({ to, id });
  }
  const byTo = new Map<string, string[]>();
  for (const m of prev) byTo.set(m.to, [...(byTo.get(m.to) ?? []), m.id]);
  for (const [to, ids] of byTo) {
    const done = q.acknowledgeMessages(db, to, 'D', ids, at, at + 1e9);
    if (done.length !== ids.length) throw new Error('ack lost');
  }
  prev = sent;
  const c = performance.now();
  db.exec('COMMIT');
  commitMs += performance.now() - c;
  work += c - start;
}
const total = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(
  `store cpu per message: ${((cpu.user + cpu.system) / (B * ROUNDS)).toFixed(1)} us (user ${(cpu.user / (B * ROUNDS)).toFixed(1)})`,
);
console.log(`store work per message: ${((work / (B * ROUNDS)) * 1000).toFixed(1)} us (send+ack)`);
console.log(`store commit per batch: ${(commitMs / ROUNDS).toFixed(1)} ms`);
console.log(`store msgs per s: ${Math.round((B * ROUNDS) / (total / 1000))}`);
for (const [k, v] of [...per].sort((a, b) => b[1] - a[1]))
  console.log(((v / (B * ROUNDS)) * 1000).toFixed(1).padStart(6), 'us', k.replace(/\s+/g, ' ').slice(0, 110));
if (process.env.WAL) {
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  const pages = fs.statSync(path.join(dir, 'r.db-wal')).size / (pageSize + 24) / ROUNDS;
  console.log(`store wal pages per commit: ${Math.round(pages)} (${B} sends + ${B} acks)`);
}
db.close();
fs.rmSync(dir, { recursive: true, force: true });
