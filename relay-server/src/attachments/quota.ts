import { ErrorCode, HearthError } from '@hearth/common';
import type { RelayConfig } from '../config';
import type { Store } from '../store/port';

export type StorageLimits = Pick<RelayConfig['messaging'], 'attachmentQuotaBytes' | 'attachmentStoreMaxBytes'>;

/**
 * Refuses an upload of `size` bytes by `accountId` that would take the account past its quota
 * (QUOTA_EXCEEDED) or the relay past its configured total (STORAGE_FULL). With the upload's
 * `hash`, bytes already stored count as nothing new: the same file again takes no more room.
 * Run it in the transaction that records the upload (`tx`), so the check and the record go together.
 */
export async function ensureRoomFor(
  tx: Pick<Store, 'attachments'>,
  limits: StorageLimits,
  upload: Readonly<{ accountId: string; size: number; hash?: string }>,
): Promise<void> {
  const stored = upload.hash !== undefined && (await tx.attachments.getAttachment(upload.hash)) !== undefined;
  const mine = stored && (await tx.attachments.hasUploaded(upload.hash as string, upload.accountId));
  if (!mine && (await tx.attachments.accountAttachmentBytes(upload.accountId)) + upload.size > limits.attachmentQuotaBytes) {
    throw new HearthError(
      ErrorCode.QuotaExceeded,
      'You have sent many files that are still on their way. Please wait until some have arrived, then try again.',
      { quotaBytes: limits.attachmentQuotaBytes },
    );
  }
  if (!stored && (await tx.attachments.totalAttachmentBytes()) + upload.size > limits.attachmentStoreMaxBytes) {
    throw new HearthError(ErrorCode.StorageFull, 'The relay has no room for more files right now. Please try again later.');
  }
}
