import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';

// Not a store port (the store binds the query modules' exports): a helper of `acceptMessage` and `listDeliveryDevices`.

/** One device messages to an account may go to: `until` ends a grown-up's session; null (a child's PC) never. */
type DeliveryDevice = Readonly<{ id: string; until: number | null }>;

/** The delivery devices of the accounts looked up since the last change, for one connection. */
type Remembered = {
  byAccount: Map<string, readonly DeliveryDevice[]>;
  /** `PRAGMA data_version` when `byAccount` was last checked: another connection's commit changes it. */
  version: unknown;
  /** This connection wrote a table the devices come from in the transaction under way: nothing is remembered until it ends. */
  writing: boolean;
  /** `PRAGMA schema_version` when the triggers were made: a table rebuilt since would have taken them with it. */
  schema: unknown;
};

/** Accounts remembered at most; past it, everything is forgotten and looked up again. */
const MAX_REMEMBERED = 20_000;

const remembered = new WeakMap<ReadableDB, Remembered>();

/** Every write to a table the delivery devices come from, on this connection, calls it. */
const CHANGED = 'hearth_delivery_devices_changed';

/**
 * Remembers the delivery devices of the accounts messages go to and come from, for this
 * connection (the send path's hot spot: one query per message otherwise). Forgotten on every
 * write to `device_credentials`, `devices` or `parent_devices` through this connection (temporary
 * triggers, cascades included) and whenever another connection committed (`PRAGMA data_version`).
 * Call it once, outside any transaction (a rolled-back transaction would take the triggers with it).
 */
export function rememberDeliveryDevices(db: WritableDB): void {
  if (remembered.has(db)) return;
  if (db.inTransaction) throw new Error('rememberDeliveryDevices: call it outside a transaction');
  const tables = db
    .prepare(
      `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('device_credentials', 'devices', 'parent_devices')`,
    )
    .pluck()
    .get();
  // A database without the relay's schema (not migrated): its lookups are never remembered.
  if (tables !== 3) return;
  const state: Remembered = { byAccount: new Map(), version: undefined, writing: false, schema: undefined };
  db.function(CHANGED, { deterministic: false }, () => {
    state.byAccount.clear();
    state.writing = true;
    return null;
  });
  const watched = {
    device_credentials: 'device_id, child_id, revoked_at',
    devices: 'id, revoked_at',
    parent_devices: 'id, parent_id, session_id, session_expires_at',
  };
  for (const [table, columns] of Object.entries(watched)) {
    for (const [event, on] of [
      ['insert', 'INSERT'],
      ['delete', 'DELETE'],
      ['update', `UPDATE OF ${columns}`],
    ]) {
      db.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS hearth_${table}_${event}_devices AFTER ${on} ON main.${table}
         BEGIN SELECT ${CHANGED}(); END`,
      );
    }
  }
  state.schema = db.pragma('schema_version', { simple: true });
  remembered.set(db, state);
}

/**
 * A new transaction begins on this connection (the store's `transaction`): one that wrote the
 * devices' tables has ended (committed or rolled back), and what it wrote was forgotten then.
 */
export function deliveryDevicesTransactionBegins(db: ReadableDB): void {
  const state = remembered.get(db);
  if (state) state.writing = false;
}

function lookUp(db: ReadableDB, accountId: string): DeliveryDevice[] {
  return prepared(
    db,
    `SELECT dc.device_id AS id, NULL AS until FROM device_credentials dc JOIN devices d ON d.id = dc.device_id
       WHERE dc.child_id = ? AND dc.revoked_at IS NULL AND d.revoked_at IS NULL
     UNION ALL
     SELECT id, session_expires_at FROM parent_devices WHERE parent_id = ? AND session_id IS NOT NULL`,
  ).all(accountId, accountId) as DeliveryDevice[];
}

/** The account's delivery devices, remembered where that is safe (inside a transaction that wrote none of their tables). */
function devicesOf(db: ReadableDB, state: Remembered | undefined, accountId: string): readonly DeliveryDevice[] {
  // Outside a transaction another connection could commit between the version check and the read.
  if (!state || state.writing || !db.inTransaction) return lookUp(db, accountId);
  const known = state.byAccount.get(accountId);
  if (known) return known;
  const devices = lookUp(db, accountId);
  if (state.byAccount.size >= MAX_REMEMBERED) state.byAccount.clear();
  state.byAccount.set(accountId, devices);
  return devices;
}

const live = (devices: readonly DeliveryDevice[], parentSessionAfter: number): string[] => {
  const ids: string[] = [];
  for (const d of devices) if (d.until === null || d.until > parentSessionAfter) ids.push(d.id);
  return ids;
};

/** One account's delivery devices, looked up now: `listDeliveryDevices` (`device-queues.ts`) is this. */
export function lookUpDeliveryDevices(db: ReadableDB, accountId: string, parentSessionAfter: number): string[] {
  return live(lookUp(db, accountId), parentSessionAfter);
}

/**
 * `listDeliveryDevices` of a message's recipient and sender (the send path's hot spot): remembered
 * per account once {@link rememberDeliveryDevices} was called for this connection, else looked up.
 */
export function deliveryDevicesOfPair(
  db: ReadableDB,
  recipientId: string,
  senderId: string,
  parentSessionAfter: number,
): Readonly<{ recipientDevices: string[]; senderDevices: string[] }> {
  let state = remembered.get(db);
  if (state && db.inTransaction) {
    // Within a transaction: no other connection commits before it ends.
    const version = prepared(db, 'PRAGMA data_version').pluck().get();
    if (version !== state.version) {
      state.byAccount.clear();
      state.version = version;
    }
    // The schema changed (a migration, here or on another connection): the triggers may be gone, so nothing more is remembered.
    if (prepared(db, 'PRAGMA schema_version').pluck().get() !== state.schema) {
      remembered.delete(db);
      state = undefined;
    }
  }
  return {
    recipientDevices: live(devicesOf(db, state, recipientId), parentSessionAfter),
    senderDevices: live(devicesOf(db, state, senderId), parentSessionAfter),
  };
}
