import { ErrorCode, HearthError } from '@hearth/common';
import type { ReadableDB } from '@hearth/sqlite';
import type { RelayConfig } from '../config';
import { accountAttachmentBytes, getAttachment, hasUploaded, totalAttachmentBytes } from './queries';

export type StorageLimits = Pick<RelayConfig['messaging'], 'attachmentQuotaBytes' | 'attachmentStoreMaxBytes'>;

/**
 * Refuses an upload of `size` bytes by `accountId` that would take the account past its quota
 * (QUOTA_EXCEEDED) or the relay past its configured total (STORAGE_FULL). With the upload's
 * `hash`, bytes already stored count as nothing new: the same file again takes no more room.
 * Synchronous, so that the check and the upload's record happen in one turn of the event loop.
 */
export function ensureRoomFor(
  db: ReadableDB,
  limits: StorageLimits,
  upload: Readonly<{ accountId: string; size: number; hash?: string }>,
): void {
  const stored = upload.hash !== undefined && getAttachment(db, upload.hash) !== undefined;
  const mine = stored && hasUploaded(db, upload.hash as string, upload.accountId);
  if (!mine && accountAttachmentBytes(db, upload.accountId) + upload.size > limits.attachmentQuotaBytes) {
    throw new HearthError(
      ErrorCode.QuotaExceeded,
      'You have sent many files that are still on their way. Please wait until some have arrived, then try again.',
      { quotaBytes: limits.attachmentQuotaBytes },
    );
  }
  if (!stored && totalAttachmentBytes(db) + upload.size > limits.attachmentStoreMaxBytes) {
    throw new HearthError(ErrorCode.StorageFull, 'The relay has no room for more files right now. Please try again later.');
  }
}
