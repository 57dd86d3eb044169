import type { Migration } from '../migrate';
import { updateToSchemaVersion1 } from './0001-accounts';
import { updateToSchemaVersion2 } from './0002-friendships';
import { updateToSchemaVersion5 } from './0005-signaling';

/** Every relay migration, in order. Add new ones at the end; never edit a shipped one. */
export const RELAY_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'accounts', up: updateToSchemaVersion1 },
  { version: 2, name: 'friendships', up: updateToSchemaVersion2 },
  { version: 5, name: 'signaling', up: updateToSchemaVersion5 },
];
