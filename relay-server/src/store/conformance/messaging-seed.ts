import type { NewMessage } from '../../messaging/queries';
import type { PgStore } from '../pg-store';
import type { Store } from '../port';
import type { SqliteStore } from '../sqlite-store';
import type { StoreUnderTest } from './harness';

/**
 * Rows the messaging ports stand on (accounts, a PC, children's device credentials), written with
 * plain SQL that both databases read alike: the accounts and devices ports have their own suites,
 * and these cases must not depend on them.
 */
export async function sql(store: Store, text: string, values: unknown[] = []): Promise<void> {
  if (store.kind === 'sqlite') {
    (store as SqliteStore).db.prepare(text).run(...values);
    return;
  }
  let n = 0;
  await (store as PgStore).pool.query(
    text.replace(/\?/g, () => `$${++n}`),
    values,
  );
}

export const PARENT = 'P1';
export const PC = 'D1';

/** One parent with a PC, and `kids` children each signed in on that PC (`K1`…); their ids. */
export async function seedFamily(t: StoreUnderTest, kids: number): Promise<string[]> {
  const store = t.store();
  await sql(store, `INSERT INTO accounts (id, kind, display_name, created_at) VALUES (?, 'parent', 'Sam', 1)`, [PARENT]);
  await sql(store, `INSERT INTO parents (account_id, email, password_hash) VALUES (?, 'sam@example.test', 'h')`, [PARENT]);
  await sql(store, `INSERT INTO devices (id, parent_id, name, info_json, enrolled_at) VALUES (?, ?, 'pc', '{}', 1)`, [
    PC,
    PARENT,
  ]);
  const ids: string[] = [];
  for (let i = 1; i <= kids; i++) {
    const id = `K${i}`;
    await sql(store, `INSERT INTO accounts (id, kind, display_name, created_at) VALUES (?, 'child', 'Kid', 1)`, [id]);
    await sql(store, `INSERT INTO children (account_id, parent_id, username) VALUES (?, ?, ?)`, [id, PARENT, `kid${i}`]);
    await addCredential(store, id, PC, i);
    ids.push(id);
  }
  return ids;
}

/** Another PC of the parent, `id`. */
export async function addPc(store: Store, id: string): Promise<void> {
  await sql(store, `INSERT INTO devices (id, parent_id, name, info_json, enrolled_at) VALUES (?, ?, 'pc', '{}', 1)`, [
    id,
    PARENT,
  ]);
}

/** A live device credential of `childId` on `deviceId` (`n` makes its token hash unique). */
export async function addCredential(store: Store, childId: string, deviceId: string, n: number): Promise<void> {
  await sql(store, `INSERT INTO device_credentials (token_hash, device_id, child_id, created_at) VALUES (?, ?, ?, 1)`, [
    Buffer.from(`${deviceId}:${childId}:${n}`),
    deviceId,
    childId,
  ]);
}

/** A text message from `senderId` to `recipientId`, stored at `createdAt`, living `ttl`. */
export function message(id: string, senderId: string, recipientId: string, over: Partial<NewMessage> = {}): NewMessage {
  return {
    id,
    senderId,
    recipientId,
    kind: 'text',
    contentJson: `{"kind":"text","text":"${id}"}`,
    attachmentHash: null,
    withheld: false,
    createdAt: 1_000,
    expiresAt: 100_000,
    ...over,
  };
}

/** Stores a message and queues it for each `[accountId, deviceId, own]`; its seq. */
export async function storeQueued(
  store: Store,
  m: NewMessage,
  queues: readonly (readonly [string, string, boolean])[],
): Promise<number> {
  const seq = await store.messages.insertMessage(m);
  if (seq === undefined) throw new Error(`message ${m.id} was not stored`);
  for (const [accountId, deviceId, own] of queues) await store.deviceQueues.enqueueForDevice(seq, accountId, deviceId, own);
  return seq;
}
