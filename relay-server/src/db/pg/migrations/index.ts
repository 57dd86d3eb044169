import type { PgMigration } from '../migrate';
import { initialSchema } from './0001-initial';
import { attachmentBlobs } from './0002-attachment-blobs';
import { policyVersions } from './0006-policy-versions';

/**
 * Every PostgreSQL migration of the relay, in order; numbered apart from the SQLite ones. A new
 * SQLite migration gets its PostgreSQL twin here (schema-parity.int.test.ts fails until it has).
 */
export const RELAY_PG_MIGRATIONS: readonly PgMigration[] = [
  { version: 1, name: 'initial', up: initialSchema },
  { version: 2, name: 'attachment-blobs', up: attachmentBlobs },
  // Placeholders for 3–5 (other branches of issue 14): the merge replaces them with theirs.
  { version: 3, name: 'reserved-3', up: async () => undefined },
  { version: 4, name: 'reserved-4', up: async () => undefined },
  { version: 5, name: 'reserved-5', up: async () => undefined },
  { version: 6, name: 'policy-versions', up: policyVersions },
];
