import fs from 'node:fs';
import path from 'node:path';
import {
  ACTIVITY_DAYS,
  ErrorCode,
  HearthError,
  type ActivityDetail,
  type AttachmentData,
  type FriendshipHistoryEntry,
  type ImageLog,
} from '@hearth/common';
import { prepared, type WritableDB } from '@hearth/sqlite';
import { requireProfile } from '../db/family/queries/profiles';
import {
  activityDetailByDay,
  countImages,
  friendshipHistory,
  imageLog,
  imageLogOpens,
  isImageOfLog,
  logFriendshipHistory,
  logImageLogOpen,
  pruneActivity,
} from '../db/child/queries/activity-detail';
import { listContacts } from '../db/child/queries/contacts';
import { copiesSaved } from '../db/child/queries/exports';
import { getMessage, removeMessage } from '../db/child/queries/messages';
import type { ChildStores } from '../stores/child-stores';
import type { AttachmentsService } from './attachments';
import type { EventHub } from './event-hub';
import { zoneDayOf, type RelayUsage, type UsageReader } from './relay-usage';
import { withRelayTime } from './relay-time';

export type ActivityService = Readonly<{
  /**
   * The last 30 days of a child on this PC (older rows are deleted first), time in Hearth from the
   * relay (read as `reader`) when it answers.
   */
  detail: (childId: string, reader: UsageReader) => Promise<ActivityDetail>;
  /** The image log; records that it was opened, so the child is told. */
  openImageLog: (childId: string) => ImageLog;
  readImage: (childId: string, hash: string) => AttachmentData;
  /** Removes a photo or video message from the child's history (and conversation) on this PC. */
  removeImage: (childId: string, messageId: string) => void;
  /** Records a block, unblock or report (no-op for a profile that is not on this PC). */
  recordHistory: (childId: string, entry: Omit<FriendshipHistoryEntry, 'at'>) => void;
  /** Deletes what is older than 30 days for every child given. */
  prune: (childIds: readonly string[]) => void;
}>;

const DAY = 24 * 60 * 60 * 1000;

/**
 * The 30-day activity view (F10). Time in Hearth is the relay's count (issue 14, F14: the minutes
 * the child was online or in a call on any of their PCs, the daily limit's measure), with the days
 * split in the child's zone; when the relay cannot be reached, this PC's own measure (the minutes
 * the child's profile was open, per UTC date), labelled `timeSource: 'this-pc'`.
 */
export function createActivityService(
  deps: Readonly<{
    familyDb: WritableDB;
    stores: ChildStores;
    attachments: Pick<AttachmentsService, 'read'>;
    events: EventHub;
    now: () => number;
    /** The relay's count; without it (tests of the PC alone) this PC's measure. */
    usage?: RelayUsage;
  }>,
): ActivityService {
  const childDb = (childId: string): WritableDB => {
    if (requireProfile(deps.familyDb, childId).kind !== 'child') {
      throw new HearthError(ErrorCode.NotFound, 'There is no such child on this computer.');
    }
    return deps.stores.get(childId).db;
  };
  const cutoff = (): number => deps.now() - ACTIVITY_DAYS * DAY;
  const removeFileIfUnused = (childId: string, db: WritableDB, hash: string): void => {
    const used = prepared(db, `SELECT 1 FROM messages WHERE json_extract(body_json, '$.attachment.hash') = ? LIMIT 1`).get(hash);
    if (used !== undefined) return;
    prepared(db, `DELETE FROM attachments WHERE hash = ?`).run(hash);
    fs.rmSync(path.join(deps.stores.get(childId).attachmentsDir, hash), { force: true });
  };

  return Object.freeze({
    async detail(childId: string, reader: UsageReader): Promise<ActivityDetail> {
      const db = childDb(childId);
      const usage = await deps.usage?.read(childId, reader);
      const since = cutoff();
      pruneActivity(db, since);
      const days = usage
        ? withRelayTime(activityDetailByDay(db, since, zoneDayOf(usage.timeZone)), usage, zoneDayOf(usage.timeZone)(since))
        : activityDetailByDay(db, since);
      return {
        days,
        timeSource: usage ? 'relay' : 'this-pc',
        ...(usage ? { timeZone: usage.timeZone } : {}),
        history: friendshipHistory(db, since),
        people: listContacts(db).map((c) => ({ contactId: c.accountId, displayName: c.friendship.friend.displayName })),
        pictures: countImages(db),
        imageLogOpenedAt: imageLogOpens(db, since),
        copiesSavedAt: copiesSaved(db, since),
      };
    },
    openImageLog(childId: string): ImageLog {
      const db = childDb(childId);
      logImageLogOpen(db, deps.now());
      return { items: imageLog(db) };
    },
    readImage(childId: string, hash: string): AttachmentData {
      if (!isImageOfLog(childDb(childId), hash)) throw new HearthError(ErrorCode.NotFound, 'There is no such picture.');
      return deps.attachments.read(childId, hash);
    },
    removeImage(childId: string, messageId: string): void {
      const db = childDb(childId);
      const m = getMessage(db, messageId);
      if (!m || (m.content.kind !== 'photo' && m.content.kind !== 'video')) {
        throw new HearthError(ErrorCode.NotFound, 'That picture is not here any more.');
      }
      const { hash } = m.content.attachment;
      db.transaction(() => {
        removeMessage(db, messageId, 'deleted', deps.now());
        removeFileIfUnused(childId, db, hash);
      })();
      deps.events.emitForChild(childId, 'messageRemoved', { messageId, contactId: m.contactId, reason: 'deleted' });
    },
    recordHistory(childId: string, entry: Omit<FriendshipHistoryEntry, 'at'>): void {
      logFriendshipHistory(childDb(childId), { ...entry, at: deps.now() });
    },
    prune(childIds: readonly string[]): void {
      for (const id of childIds) pruneActivity(deps.stores.get(id).db, cutoff());
    },
  });
}
