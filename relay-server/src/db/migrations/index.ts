import type { Migration } from '@hearth/sqlite';
import { updateToSchemaVersion1 } from './0001-accounts';
import { updateToSchemaVersion2 } from './0002-friendships';
import { updateToSchemaVersion3 } from './0003-messages';
import { updateToSchemaVersion4 } from './0004-attachments';
import { updateToSchemaVersion5 } from './0005-signaling';
import { updateToSchemaVersion6 } from './0006-sign-in-failure-time';
import { updateToSchemaVersion7 } from './0007-child-avatar';
import { updateToSchemaVersion8 } from './0008-device-queues';
import { updateToSchemaVersion9 } from './0009-guardians';
import { updateToSchemaVersion10 } from './0010-email';
import { updateToSchemaVersion11 } from './0011-quiet';
import { updateToSchemaVersion12 } from './0012-device-tombstones';
import { updateToSchemaVersion13 } from './0013-daily-summary';
import { updateToSchemaVersion14 } from './0014-policy-versions';
import { updateToSchemaVersion15 } from './0015-parent-device-last-seen';
import { updateToSchemaVersion16 } from './0016-held-deadlines';
import { updateToSchemaVersion17 } from './0017-relay-keys';
import { updateToSchemaVersion18 } from './0018-reports';
import { updateToSchemaVersion19 } from './0019-franking';
import { updateToSchemaVersion20 } from './0020-moderation';
import { updateToSchemaVersion21 } from './0021-grown-up-delete';
import { updateToSchemaVersion22 } from './0022-games';
import { updateToSchemaVersion23 } from './0023-delivered-rows';

/** Every relay migration, in order. Add new ones at the end; never edit a shipped one. */
export const RELAY_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'accounts', up: updateToSchemaVersion1 },
  { version: 2, name: 'friendships', up: updateToSchemaVersion2 },
  { version: 3, name: 'messages', up: updateToSchemaVersion3 },
  { version: 4, name: 'attachments', up: updateToSchemaVersion4 },
  { version: 5, name: 'signaling', up: updateToSchemaVersion5 },
  { version: 6, name: 'sign-in-failure-time', up: updateToSchemaVersion6 },
  { version: 7, name: 'child-avatar', up: updateToSchemaVersion7 },
  { version: 8, name: 'device-queues', up: updateToSchemaVersion8 },
  { version: 9, name: 'guardians', up: updateToSchemaVersion9 },
  { version: 10, name: 'email', up: updateToSchemaVersion10 },
  { version: 11, name: 'quiet', up: updateToSchemaVersion11 },
  { version: 12, name: 'device-tombstones', up: updateToSchemaVersion12 },
  { version: 13, name: 'daily-summary', up: updateToSchemaVersion13 },
  { version: 14, name: 'policy-versions', up: updateToSchemaVersion14 },
  { version: 15, name: 'parent-device-last-seen', up: updateToSchemaVersion15 },
  { version: 16, name: 'held-deadlines', up: updateToSchemaVersion16 },
  { version: 17, name: 'relay-keys', up: updateToSchemaVersion17 },
  { version: 18, name: 'reports', up: updateToSchemaVersion18 },
  { version: 19, name: 'franking', up: updateToSchemaVersion19 },
  { version: 20, name: 'moderation', up: updateToSchemaVersion20 },
  { version: 21, name: 'grown-up-delete', up: updateToSchemaVersion21 },
  { version: 22, name: 'games', up: updateToSchemaVersion22 },
  { version: 23, name: 'delivered-rows', up: updateToSchemaVersion23 },
];
