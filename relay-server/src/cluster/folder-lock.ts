import path from 'node:path';
import Database from 'better-sqlite3';
import { StartRefusal } from './start-refusal';

/** The file in the data folder whose lock says "a relay runs on this folder". */
export const FOLDER_LOCK_FILE = 'relay.lock';

export type FolderLock = Readonly<{ release(): void }>;

/** Opens the lock file with a busy timeout of 0 (never wait) and locks kept until the connection closes. */
function openLockFile(dataDir: string): Database.Database {
  const file = path.join(dataDir, FOLDER_LOCK_FILE);
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    return db;
  } catch (err) {
    db?.close();
    throw new StartRefusal('folder-unusable', `Cannot lock the data folder ${dataDir}: ${(err as Error).message}`);
  }
}

const isBusy = (err: unknown): boolean => (err as { code?: string }).code === 'SQLITE_BUSY';

/** Takes SQLite's SHARED lock (a read, kept in exclusive locking mode): any number coexist. */
function takeShared(db: Database.Database): void {
  db.prepare('SELECT count(*) FROM sqlite_master').get();
}

/** Takes SQLite's EXCLUSIVE lock (a write, kept in exclusive locking mode): it coexists with no other lock. */
function takeExclusive(db: Database.Database): void {
  db.exec('BEGIN EXCLUSIVE');
  db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since INTEGER NOT NULL)');
  db.prepare('DELETE FROM holder').run();
  db.prepare('INSERT INTO holder (pid, since) VALUES (?, ?)').run(process.pid, Date.now());
  db.exec('COMMIT');
}

/** Whether the relays holding the folder hold it shared (they have a bus): a SHARED lock is still to be had. */
function heldShared(dataDir: string): boolean {
  const probe = openLockFile(dataDir);
  try {
    takeShared(probe);
    return true;
  } catch {
    return false;
  } finally {
    probe.close();
  }
}

/**
 * Locks the data folder of a relay on SQLite the way instances on PostgreSQL share their
 * instance lock: SHARED for a relay with a bus (`--bus`: several may share one SQLite file on one
 * machine), EXCLUSIVE for a relay without one (it keeps presence and signaling in its own memory,
 * so it must be the only one). A relay that may not run beside the holders refuses to start.
 *
 * The lock is the operating system's (SQLite's POSIX advisory lock on `relay.lock`, kept in
 * exclusive locking mode for the life of the connection), not a marker file: the kernel drops it
 * the moment the holding process dies, so a relay killed by SIGKILL or a power cut never blocks
 * the next start, and a relay restarted at once (the durability tests do) finds the folder free.
 * The folder must exist (the caller opens the database first, which creates it).
 */
export function lockDataFolder(dataDir: string, options: Readonly<{ shared: boolean }> = { shared: false }): FolderLock {
  const db = openLockFile(dataDir);
  try {
    if (options.shared) takeShared(db);
    else takeExclusive(db);
  } catch (err) {
    db.close();
    if (!isBusy(err)) {
      throw new StartRefusal('folder-unusable', `Cannot lock the data folder ${dataDir}: ${(err as Error).message}`);
    }
    if (!options.shared && heldShared(dataDir)) {
      throw new StartRefusal(
        'folder-has-relays',
        `Relays with --bus are already running on the data folder ${dataDir}; a relay without a bus cannot run beside them. ` +
          'Start this one with the same --bus redis://… as the others.',
      );
    }
    throw new StartRefusal(
      'folder-in-use',
      options.shared
        ? `A relay without --bus is already running on the data folder ${dataDir}, and it must be the only one. Stop it, then start every relay with the same --bus redis://….`
        : `Another relay is already running on the data folder ${dataDir}. Stop it first, or give this one another --data-dir.`,
    );
  }
  let released = false;
  return Object.freeze({
    release() {
      if (released) return;
      released = true;
      db.close();
    },
  });
}
