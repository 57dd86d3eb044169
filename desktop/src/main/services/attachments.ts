import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  ErrorCode,
  HearthError,
  MAX_ATTACHMENT_BYTES,
  MIME_TYPES_FOR_KIND,
  type AddAttachmentArgs,
  type AttachmentData,
  type AttachmentInfo,
} from '@hearth/common';
import { getAttachment, insertAttachment } from '../db/child/queries/attachments';
import type { ChildStores } from '../stores/child-stores';
import { stripPictureMetadata, stripVideoMetadata, VIDEO_CONTAINERS } from './strip-metadata';

export type AttachmentsService = Readonly<{
  add: (childId: string, args: AddAttachmentArgs) => AttachmentInfo;
  read: (childId: string, hash: string) => AttachmentData;
}>;

/** Writes bytes to the file atomically: a crash leaves either no file or the whole file. */
export function writeFileAtomic(file: string, bytes: Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}

/** The SHA-256 of bytes, lower-case hex: an attachment's name here and on the relay. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * What may leave this PC of a photo, video or voice message: the file without its metadata (EXIF
 * with GPS, XMP, comments; MP4 `udta`/`meta` with a location; WebM Tags), whatever the page sent
 * (the page strips photos too, but main is what the child's data has to get past). Voice in a
 * container we do not clean (Ogg) carries no location. A file that is not the type it claims, or
 * is broken, is refused with UNSUPPORTED_MEDIA_TYPE.
 */
function withoutMetadata(args: AddAttachmentArgs, bytes: Buffer): Buffer {
  if (args.kind === 'photo') return stripPictureMetadata(bytes, args.mime).bytes;
  if (VIDEO_CONTAINERS.has(args.mime)) return stripVideoMetadata(bytes, args.mime).bytes;
  return bytes;
}

/** Photos, voice and video messages in the active child's folder, named by their hash. */
export function createAttachmentsService(deps: Readonly<{ stores: ChildStores; now: () => number }>): AttachmentsService {
  return Object.freeze({
    add(childId: string, args: AddAttachmentArgs): AttachmentInfo {
      if (!(MIME_TYPES_FOR_KIND[args.kind] as readonly string[]).includes(args.mime)) {
        throw new HearthError(ErrorCode.UnsupportedMediaType, `A ${args.kind} cannot be of type ${args.mime}.`);
      }
      const sent = Buffer.from(args.dataBase64, 'base64');
      if (sent.length === 0) throw new HearthError(ErrorCode.ValidationFailed, 'The file is empty.');
      if (sent.length > MAX_ATTACHMENT_BYTES) throw new HearthError(ErrorCode.PayloadTooLarge, 'That file is too big to send.');
      const bytes = withoutMetadata(args, sent);
      const store = deps.stores.get(childId);
      const hash = sha256Hex(bytes);
      writeFileAtomic(path.join(store.attachmentsDir, hash), bytes);
      insertAttachment(store.db, { hash, kind: args.kind, mime: args.mime, size: bytes.length, state: 'local', now: deps.now() });
      const row = getAttachment(store.db, hash);
      if (!row) throw new HearthError(ErrorCode.Internal, 'The file was not stored.');
      return { hash: row.hash, kind: row.kind, mime: row.mime, size: row.size, state: row.state };
    },
    read(childId: string, hash: string): AttachmentData {
      const store = deps.stores.get(childId);
      const row = getAttachment(store.db, hash);
      if (!row) throw new HearthError(ErrorCode.NotFound, 'There is no such file.');
      const info: AttachmentInfo = { hash: row.hash, kind: row.kind, mime: row.mime, size: row.size, state: row.state };
      if (row.state === 'downloading') throw new HearthError(ErrorCode.Unavailable, 'This file is still on its way.');
      const bytes = fs.readFileSync(path.join(store.attachmentsDir, hash));
      return { info, dataBase64: bytes.toString('base64') };
    },
  });
}
