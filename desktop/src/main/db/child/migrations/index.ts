import type { Migration } from '@hearth/sqlite';
import { updateToSchemaVersion1 } from './0001-messages';
import { updateToSchemaVersion2 } from './0002-activity';
import { updateToSchemaVersion3 } from './0003-removed-messages';
import { updateToSchemaVersion4 } from './0004-activity-30-days';
import { updateToSchemaVersion5 } from './0005-reports';
import { updateToSchemaVersion6 } from './0006-gone-contacts';
import { updateToSchemaVersion7 } from './0007-game-matches';

/** Every child-store migration, in order. Add new ones at the end; never edit a shipped one. */
export const CHILD_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'messages', up: updateToSchemaVersion1 },
  { version: 2, name: 'activity', up: updateToSchemaVersion2 },
  { version: 3, name: 'removed messages', up: updateToSchemaVersion3 },
  { version: 4, name: 'activity 30 days', up: updateToSchemaVersion4 },
  { version: 5, name: 'reports', up: updateToSchemaVersion5 },
  { version: 6, name: 'gone contacts', up: updateToSchemaVersion6 },
  { version: 7, name: 'game matches', up: updateToSchemaVersion7 },
];
