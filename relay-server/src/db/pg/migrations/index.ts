import type { PgMigration } from '../migrate';
import { initialSchema } from './0001-initial';
import { attachmentBlobs } from './0002-attachment-blobs';
import { quietHours } from './0003-quiet';
import { deviceTombstones } from './0004-device-tombstones';
import { dailySummary } from './0005-daily-summary';
import { policyVersions } from './0006-policy-versions';
import { parentDeviceLastSeen } from './0007-parent-device-last-seen';
import { heldDeadlines } from './0008-held-deadlines';
import { relayKeys } from './0009-relay-keys';
import { reports } from './0010-reports';
import { franking } from './0011-franking';
import { moderation } from './0012-moderation';
import { grownUpDelete } from './0013-grown-up-delete';
import { games } from './0014-games';
import { deliveredRows } from './0015-delivered-rows';

/**
 * Every PostgreSQL migration of the relay, in order; numbered apart from the SQLite ones. A new
 * SQLite migration gets its PostgreSQL twin here (schema-parity.int.test.ts fails until it has).
 */
export const RELAY_PG_MIGRATIONS: readonly PgMigration[] = [
  { version: 1, name: 'initial', up: initialSchema },
  { version: 2, name: 'attachment-blobs', up: attachmentBlobs },
  { version: 3, name: 'quiet', up: quietHours },
  { version: 4, name: 'device-tombstones', up: deviceTombstones },
  { version: 5, name: 'daily-summary', up: dailySummary },
  { version: 6, name: 'policy-versions', up: policyVersions },
  { version: 7, name: 'parent-device-last-seen', up: parentDeviceLastSeen },
  { version: 8, name: 'held-deadlines', up: heldDeadlines },
  { version: 9, name: 'relay-keys', up: relayKeys },
  { version: 10, name: 'reports', up: reports },
  { version: 11, name: 'franking', up: franking },
  { version: 12, name: 'moderation', up: moderation },
  { version: 13, name: 'grown-up-delete', up: grownUpDelete },
  { version: 14, name: 'games', up: games },
  { version: 15, name: 'delivered-rows', up: deliveredRows },
];
