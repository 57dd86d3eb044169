import type { Migration } from '@hearth/sqlite';
import { updateToSchemaVersion1 } from './0001-family';
import { updateToSchemaVersion2 } from './0002-profile-kinds';
import { updateToSchemaVersion3 } from './0003-sealed-credentials';

/** Every family-store migration, in order. Add new ones at the end; never edit a shipped one. */
export const FAMILY_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'family', up: updateToSchemaVersion1 },
  { version: 2, name: 'profile-kinds', up: updateToSchemaVersion2 },
  { version: 3, name: 'sealed-credentials', up: updateToSchemaVersion3 },
];
