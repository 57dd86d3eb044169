import path from 'node:path';
import { migrate, openDatabase, type WritableDB } from '@hearth/sqlite';
import { FAMILY_MIGRATIONS } from '../db/family/migrations/index';
import { sealPlaintextCredentials } from '../db/family/queries/profiles';
import type { Logger } from '../logging/logger';
import { attachVault, type CredentialVault } from './credential-vault';

/** How the family store keeps credentials: default plaintext (the web host, tests of other parts). */
export type FamilyStoreOptions = Readonly<{ credentialVault?: CredentialVault }>;

/**
 * Opens this PC's family store (`family.sqlite` in the data folder): profiles, the grown-ups'
 * lock, settings and enrollment. Migrates it; refuses one written by a newer Hearth. With a
 * vault, device credentials and a kept parent session are sealed at rest (issue 17 §4).
 */
export function openFamilyStore(dataDir: string, logger?: Logger, options: FamilyStoreOptions = {}): WritableDB {
  const db = openDatabase(path.join(dataDir, 'family.sqlite'), logger ? { logger } : {});
  try {
    if (options.credentialVault) {
      attachVault(db, options.credentialVault);
      // A replaced credential's old bytes are zeroed, not left in a free block of the page.
      db.pragma('secure_delete = ON');
    }
    migrate(db, FAMILY_MIGRATIONS);
    const sealed = db.transaction(() => sealPlaintextCredentials(db))();
    if (sealed > 0) {
      // The plaintext pages still sit in the WAL until a checkpoint moves the sealed ones home.
      db.pragma('wal_checkpoint(TRUNCATE)');
      logger?.info({ sealed }, 'sealed credentials kept in plaintext');
    }
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
