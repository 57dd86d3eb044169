import fs from 'node:fs';
import path from 'node:path';
import { ErrorCode, HearthError, ULID_PATTERN } from '@hearth/common';
import { migrate, openDatabase, type WritableDB } from '@hearth/sqlite';
import { CHILD_MIGRATIONS } from '../db/child/migrations/index';
import type { Logger } from '../logging/logger';

/** One child's store: its database and the folder its attachments live in. */
export type ChildStore = Readonly<{ childId: string; db: WritableDB; attachmentsDir: string }>;

/** Opens each child's own database on first use and keeps it open. */
export type ChildStores = Readonly<{
  /** The store of this child, opened (created, migrated) if needed. */
  get: (childId: string) => ChildStore;
  /** Closes one child's database (if open). */
  close: (childId: string) => void;
  /** Closes and deletes everything this PC holds for the child. */
  wipe: (childId: string) => void;
  closeAll: () => void;
}>;

const ULID = new RegExp(ULID_PATTERN);

/**
 * Child stores under `<dataDir>/children/<childId>/` (`child.sqlite` and `attachments/`).
 * Child ids are checked to be ULIDs before they become a folder name.
 */
export function createChildStores(deps: Readonly<{ dataDir: string; logger?: Logger }>): ChildStores {
  const open = new Map<string, ChildStore>();
  const folderOf = (childId: string): string => {
    if (!ULID.test(childId)) throw new HearthError(ErrorCode.ValidationFailed, 'Not a child id.');
    return path.join(deps.dataDir, 'children', childId);
  };
  const close = (childId: string): void => {
    open.get(childId)?.db.close();
    open.delete(childId);
  };
  return Object.freeze({
    get(childId: string): ChildStore {
      const existing = open.get(childId);
      if (existing) return existing;
      const folder = folderOf(childId);
      const attachmentsDir = path.join(folder, 'attachments');
      fs.mkdirSync(attachmentsDir, { recursive: true });
      const db = openDatabase(path.join(folder, 'child.sqlite'), deps.logger ? { logger: deps.logger } : {});
      try {
        migrate(db, CHILD_MIGRATIONS);
      } catch (err) {
        db.close();
        throw err;
      }
      const store = Object.freeze({ childId, db, attachmentsDir });
      open.set(childId, store);
      return store;
    },
    close,
    wipe(childId: string): void {
      close(childId);
      fs.rmSync(folderOf(childId), { recursive: true, force: true });
    },
    closeAll(): void {
      for (const id of [...open.keys()]) close(id);
    },
  });
}
