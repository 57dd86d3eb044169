import { createHash } from 'node:crypto';
import { ErrorCode, HearthError, type AttachmentMime } from '@hearth/common';
import { SNIFF_BYTES, sniffAttachmentType } from './magic-bytes';

const tooLarge = (maxBytes: number): HearthError =>
  new HearthError(ErrorCode.PayloadTooLarge, `This file is too big. The largest is ${Math.floor(maxBytes / (1024 * 1024))} MB.`);
const wrongType = (): HearthError =>
  new HearthError(
    ErrorCode.UnsupportedMediaType,
    'Only photos (JPEG, PNG, GIF, WebP) and voice or video (WebM, Ogg, MP4) can be sent.',
  );

/** What every adapter checks while an upload streams in: its size, its type by its own first bytes, its hash. */
export type UploadCheck = Readonly<{
  /** Takes the next bytes; throws past the size limit or when the first bytes are no accepted type. */
  add(bytes: Buffer): void;
  /** The upload is complete: throws when it is empty or (short) of no accepted type. */
  finish(): Readonly<{ hash: string; size: number; mime: AttachmentMime }>;
}>;

export function createUploadCheck(maxBytes: number): UploadCheck {
  const hasher = createHash('sha256');
  let size = 0;
  let head: Buffer | undefined = Buffer.alloc(0);
  let mime: AttachmentMime | undefined;
  const sniff = (): void => {
    mime = sniffAttachmentType(head as Buffer);
    if (!mime) throw wrongType();
    head = undefined;
  };
  return {
    add(bytes) {
      size += bytes.length;
      if (size > maxBytes) throw tooLarge(maxBytes);
      if (head) {
        head = Buffer.concat([head, bytes.subarray(0, SNIFF_BYTES)]);
        if (head.length >= SNIFF_BYTES) sniff();
      }
      hasher.update(bytes);
    },
    finish() {
      if (size === 0) throw new HearthError(ErrorCode.ValidationFailed, 'The upload is empty.');
      if (head) sniff();
      return { hash: hasher.digest('hex'), size, mime: mime as AttachmentMime };
    },
  };
}
