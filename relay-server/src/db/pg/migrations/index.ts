import type { PgMigration } from '../migrate';
import { initialSchema } from './0001-initial';
import { attachmentBlobs } from './0002-attachment-blobs';
import { reservedPgVersion } from './0003-0004-reserved';
import { dailySummary } from './0005-daily-summary';

/**
 * Every PostgreSQL migration of the relay, in order; numbered apart from the SQLite ones. A new
 * SQLite migration gets its PostgreSQL twin here (schema-parity.int.test.ts fails until it has).
 */
export const RELAY_PG_MIGRATIONS: readonly PgMigration[] = [
  { version: 1, name: 'initial', up: initialSchema },
  { version: 2, name: 'attachment-blobs', up: attachmentBlobs },
  // MERGE NOTE: 3 and 4 are placeholders for the other issue-14 branches (see 0003-0004-reserved.ts).
  { version: 3, name: 'reserved', up: reservedPgVersion },
  { version: 4, name: 'reserved', up: reservedPgVersion },
  { version: 5, name: 'daily-summary', up: dailySummary },
];
