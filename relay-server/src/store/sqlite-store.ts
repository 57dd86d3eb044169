import { eraseWal, prepared, type WritableDB } from '@hearth/sqlite';
import * as accounts from '../accounts/queries';
import * as sessions from '../accounts/session-queries';
import * as attachments from '../attachments/queries';
import * as devices from '../devices/queries';
import * as deviceTombstones from '../devices/tombstone-queries';
import * as email from '../email/queries';
import * as family from '../family/queries';
import * as grownUpInvites from '../family/invite-queries';
import * as friendships from '../friendships/queries';
import * as friendInvites from '../friendships/invite-queries';
import * as deviceQueues from '../messaging/device-queues';
import * as messages from '../messaging/queries';
import * as signaling from '../signaling/queries';
import * as quiet from '../quiet/queries';
import * as summaries from '../summaries/queries';
import * as keys from '../keys/queries';
import * as moderation from '../moderation/queries';
import * as policies from '../policy/queries';
import * as reports from '../reports/queries';
import * as franking from '../franking/queries';
import * as games from '../games/queries';
import type { AnyFn, Store, StoreModules, StorePorts } from './port';
import { deliveryDevicesTransactionBegins, rememberDeliveryDevices } from '../messaging/pair-devices';

export const SQLITE_MODULES: StoreModules = {
  accounts,
  sessions,
  attachments,
  devices,
  deviceTombstones,
  email,
  family,
  grownUpInvites,
  friendships,
  friendInvites,
  deviceQueues,
  messages,
  signaling,
  quiet,
  summaries,
  keys,
  moderation,
  policies,
  reports,
  franking,
  games,
};

/** A SQLite store: also gives its connection, for the SQLite-only tools (backups, the admin CLI's tests). */
export type SqliteStore = Store & Readonly<{ kind: 'sqlite'; db: WritableDB }>;

/** Binds every function of a module whose first parameter is the database to `db`, as async. */
function bindModule(mod: object, db: WritableDB): Record<string, AnyFn> {
  const port: Record<string, AnyFn> = {};
  for (const [name, fn] of Object.entries(mod)) {
    if (typeof fn !== 'function') continue;
    // Synchronous underneath: a thrown error becomes a rejection, a result a resolved promise.
    port[name] = (...args: unknown[]) => {
      try {
        return Promise.resolve((fn as AnyFn)(db, ...args));
      } catch (err) {
        return Promise.reject(err);
      }
    };
  }
  return port;
}

/**
 * The embedded store: the relay's one SQLite connection (WAL, synchronous=FULL), its query modules
 * bound to it. Transactions are serialised: a second waits for the first to end, so a callback
 * that (against the rule on {@link Store}) awaits something slow cannot interleave two.
 */
export function createSqliteStore(db: WritableDB): SqliteStore {
  const ports = {} as Record<string, Record<string, AnyFn>>;
  for (const [name, mod] of Object.entries(SQLITE_MODULES)) ports[name] = bindModule(mod, db);

  // The send path's device lookups, remembered between changes (`messaging/pair-devices.ts`).
  rememberDeliveryDevices(db);
  let tail: Promise<void> = Promise.resolve();
  // One savepoint name, nested as SQLite allows (RELEASE and ROLLBACK TO take the innermost of that
  // name), as prepared statements: group commit opens one per message, so this is on the hot path.
  const savepoint = db.prepare('SAVEPOINT hearth_sp');
  const release = db.prepare('RELEASE hearth_sp');
  const rollbackTo = db.prepare('ROLLBACK TO hearth_sp');

  const tx: SqliteStore = Object.freeze({
    ...(ports as unknown as StorePorts),
    kind: 'sqlite' as const,
    db,
    async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
      savepoint.run();
      try {
        const result = await fn(tx);
        release.run();
        return result;
      } catch (err) {
        rollbackTo.run();
        release.run();
        throw err;
      }
    },
    ping: () => store.ping(),
    eraseDeleted: () => store.eraseDeleted(),
    close: () => store.close(),
  });

  const store: SqliteStore = Object.freeze({
    ...(ports as unknown as StorePorts),
    kind: 'sqlite' as const,
    db,
    async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
      const previous = tail;
      let done!: () => void;
      tail = new Promise<void>((resolve) => (done = resolve));
      await previous;
      try {
        db.exec('BEGIN IMMEDIATE');
        deliveryDevicesTransactionBegins(db);
        try {
          const result = await fn(tx);
          db.exec('COMMIT');
          return result;
        } catch (err) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw err;
        }
      } finally {
        done();
      }
    },
    async ping() {
      prepared(db, 'SELECT 1').get();
    },
    async eraseDeleted() {
      // Inside a transaction the checkpoint could not take the WAL: the caller's transaction ends first.
      if (!db.inTransaction) eraseWal(db);
    },
    async close() {
      if (db.open) db.close();
    },
  });
  return store;
}

/**
 * The SQLite connection behind a relay's store, for the SQLite-only tools (benches, tests that
 * look inside the file); throws on PostgreSQL, which has no such file.
 */
export function sqliteOf(owner: Readonly<{ store: Store }>): WritableDB {
  if (owner.store.kind !== 'sqlite') throw new Error('this relay runs on PostgreSQL: there is no SQLite file');
  return (owner.store as SqliteStore).db;
}
