import path from 'node:path';
import Database from 'better-sqlite3';
import { StartRefusal } from './start-refusal';

/** The file in the data folder whose lock says "a relay runs on this folder". */
export const FOLDER_LOCK_FILE = 'relay.lock';

export type FolderLock = Readonly<{ release(): void }>;

/**
 * Locks the data folder of a relay on SQLite, so a second relay on the same folder refuses to
 * start rather than share the database and the attachments with the first.
 *
 * The lock is the operating system's (SQLite's POSIX advisory lock on `relay.lock`, held in
 * exclusive locking mode for the life of the connection), not a marker file: the kernel drops it
 * the moment the holding process dies, so a relay killed by SIGKILL or a power cut never blocks
 * the next start, and a relay restarted at once (the durability tests do) finds the folder free.
 * The folder must exist (the caller opens the database first, which creates it).
 */
export function lockDataFolder(dataDir: string): FolderLock {
  const file = path.join(dataDir, FOLDER_LOCK_FILE);
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
  } catch (err) {
    throw new StartRefusal('folder-unusable', `Cannot lock the data folder ${dataDir}: ${(err as Error).message}`);
  }
  try {
    // The first write takes the EXCLUSIVE lock; in exclusive locking mode it is kept after COMMIT.
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since INTEGER NOT NULL)');
    db.prepare('DELETE FROM holder').run();
    db.prepare('INSERT INTO holder (pid, since) VALUES (?, ?)').run(process.pid, Date.now());
    db.exec('COMMIT');
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') {
      throw new StartRefusal(
        'folder-in-use',
        `Another relay is already running on the data folder ${dataDir}. Stop it first, or give this one another --data-dir.`,
      );
    }
    throw new StartRefusal('folder-unusable', `Cannot lock the data folder ${dataDir}: ${(err as Error).message}`);
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
