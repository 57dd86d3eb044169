import type { WritableDB } from '@hearth/sqlite';
import type * as accounts from '../accounts/queries';
import type * as sessions from '../accounts/session-queries';
import type * as attachments from '../attachments/queries';
import type * as devices from '../devices/queries';
import type * as deviceTombstones from '../devices/tombstone-queries';
import type * as email from '../email/queries';
import type * as family from '../family/queries';
import type * as grownUpInvites from '../family/invite-queries';
import type * as friendships from '../friendships/queries';
import type * as friendInvites from '../friendships/invite-queries';
import type * as deviceQueues from '../messaging/device-queues';
import type * as messages from '../messaging/queries';
import type * as signaling from '../signaling/queries';
import type * as quiet from '../quiet/queries';
import type * as summaries from '../summaries/queries';
import type * as policies from '../policy/queries';
import type * as keys from '../keys/queries';
import type * as reports from '../reports/queries';
import type * as franking from '../franking/queries';
import type * as moderation from '../moderation/queries';
import type * as games from '../games/queries';

/**
 * The relay's storage (issue 13). Each port is the asynchronous shape of one SQLite query module:
 * the module's functions without their first `db` argument, each returning a promise. The SQLite
 * adapter binds the module itself to the relay's one connection; the PostgreSQL adapter is a
 * module of the same functions taking a `pg` queryable instead (`store/pg/*.ts`, checked by
 * {@link PgModule}). The conformance suite (`store/conformance/`) runs the same cases on both.
 *
 * Row types stay in the query modules; a port function returns exactly what its SQLite function
 * returns (booleans as the SQLite module gives them, `0 | 1` where it says so).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFn = (...args: any[]) => unknown;

/** The names of a module's functions whose first argument is a database handle. */
export type QueryNames<M> = {
  [K in keyof M]: M[K] extends (db: infer D, ...args: never[]) => unknown ? (WritableDB extends D ? K : never) : never;
}[keyof M];

/** One query module as a port: same functions, no `db`, asynchronous. */
export type AsyncPort<M> = {
  readonly [K in QueryNames<M>]: M[K] extends (db: never, ...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

/** The query modules behind each port. The SQLite adapter binds exactly these. */
export type StoreModules = {
  accounts: typeof accounts;
  sessions: typeof sessions;
  attachments: typeof attachments;
  devices: typeof devices;
  deviceTombstones: typeof deviceTombstones;
  email: typeof email;
  family: typeof family;
  grownUpInvites: typeof grownUpInvites;
  friendships: typeof friendships;
  friendInvites: typeof friendInvites;
  deviceQueues: typeof deviceQueues;
  messages: typeof messages;
  signaling: typeof signaling;
  quiet: typeof quiet;
  summaries: typeof summaries;
  policies: typeof policies;
  keys: typeof keys;
  reports: typeof reports;
  franking: typeof franking;
  moderation: typeof moderation;
  games: typeof games;
};

export type StorePorts = { readonly [P in keyof StoreModules]: AsyncPort<StoreModules[P]> };

export type StoreKind = 'sqlite' | 'postgres';

/**
 * Everything the relay keeps, behind one object. Inside {@link Store.transaction} the callback gets
 * a store bound to that transaction: use it (not the outer one) for every query of the
 * transaction. A transaction inside a transaction is a savepoint.
 *
 * SQLite rule: a transaction's callback awaits only the store's own calls (they complete at once,
 * so nothing else runs in between); never a password hash, a mail or a timer inside one.
 */
export type Store = StorePorts &
  Readonly<{
    kind: StoreKind;
    transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
    /** Resolves when the database answers a trivial query. */
    ping(): Promise<void>;
    /**
     * After a deletion that must leave nothing (a child's account, F12), outside any transaction:
     * SQLite truncates its WAL (secure_delete already zeroed the rows in the file). PostgreSQL does
     * nothing: its deleted rows live on in its WAL and backups until they are recycled (README).
     */
    eraseDeleted(): Promise<void>;
    /** Closes the connection (SQLite) or pool (PostgreSQL). */
    close(): Promise<void>;
  }>;

/** Anything `pg` can query through: the pool or one checked-out client (inside a transaction). */
export type PgQueryable = Readonly<{
  query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[]; rowCount: number | null }>;
}>;

/**
 * The PostgreSQL twin of a SQLite query module: the same functions, taking a {@link PgQueryable}
 * first and returning a promise of what the SQLite function returns. `satisfies PgModule<typeof m>`
 * in each adapter module makes a missing or different function a type error.
 */
export type PgModule<M> = {
  readonly [K in QueryNames<M>]: M[K] extends (db: never, ...args: infer A) => infer R
    ? (q: PgQueryable, ...args: A) => Promise<Awaited<R>>
    : never;
};

export type { AnyFn };
