import path from 'node:path';
import { migrate, openDatabase, type WritableDB } from '@hearth/sqlite';
import { FAMILY_MIGRATIONS } from '../db/family/migrations/index';
import type { Logger } from '../logging/logger';

/**
 * Opens this PC's family store (`family.sqlite` in the data folder): profiles, the grown-ups'
 * lock, settings and enrollment. Migrates it; refuses one written by a newer Hearth.
 */
export function openFamilyStore(dataDir: string, logger?: Logger): WritableDB {
  const db = openDatabase(path.join(dataDir, 'family.sqlite'), logger ? { logger } : {});
  try {
    migrate(db, FAMILY_MIGRATIONS);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
