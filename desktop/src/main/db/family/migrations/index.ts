import type { Migration } from '../../migrate';
import { updateToSchemaVersion1 } from './0001-family';

/** Every family-store migration, in order. Add new ones at the end; never edit a shipped one. */
export const FAMILY_MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'family', up: updateToSchemaVersion1 }];
