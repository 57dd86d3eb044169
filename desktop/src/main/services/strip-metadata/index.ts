import type { AttachmentMime } from '@hearth/common';
import { isGif, stripGif } from './gif';
import { isJpeg, stripJpeg } from './jpeg';
import { malformed } from './malformed';
import { isPng, stripPng } from './png';
import { isWebp, stripWebp } from './webp';
import { isMp4, stripMp4 } from './mp4';
import { isWebm, stripWebm } from './webm';

export type CleanPicture = Readonly<{ bytes: Buffer; /** True when the bytes differ from what was sent. */ changed: boolean }>;

/** The picture type the bytes themselves say, or null. */
function sniff(b: Buffer): AttachmentMime | null {
  if (isJpeg(b)) return 'image/jpeg';
  if (isPng(b)) return 'image/png';
  if (isGif(b)) return 'image/gif';
  if (isWebp(b)) return 'image/webp';
  return null;
}

/**
 * The picture with its metadata (EXIF with GPS, XMP, comments, text) removed at the container
 * level, pixels untouched. The receiving PC runs this on every picture before storing or showing
 * it, so a modified sender cannot pass a location to a child. A file that is not the picture type
 * it claims, or whose structure is broken, throws a HearthError with code UNSUPPORTED_MEDIA_TYPE
 * and nothing else.
 */
export function stripPictureMetadata(bytes: Uint8Array, mime: AttachmentMime): CleanPicture {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const actual = sniff(b);
  if (actual !== mime) throw malformed(mime, `bytes are ${actual ?? 'unknown'}`);
  let clean: Buffer;
  try {
    clean = strip(b, actual);
  } catch (err) {
    // Reads past the end that a bounds check missed still end as the one stable error.
    if (err instanceof RangeError) throw malformed(mime, 'out of range');
    throw err;
  }
  return { bytes: clean, changed: !clean.equals(b) };
}

function strip(b: Buffer, mime: AttachmentMime): Buffer {
  switch (mime) {
    case 'image/jpeg':
      return stripJpeg(b);
    case 'image/png':
      return stripPng(b);
    case 'image/gif':
      return stripGif(b);
    case 'image/webp':
      return stripWebp(b);
    default:
      throw malformed(mime, 'not a picture');
  }
}

/** The attachment types whose container {@link stripVideoMetadata} cleans (video messages, and voice messages in those containers). */
export const VIDEO_CONTAINERS: ReadonlySet<AttachmentMime> = new Set<AttachmentMime>(['video/mp4', 'video/webm', 'audio/mp4']);

/**
 * A video (or voice) message with its metadata removed at the container level, the media untouched
 * (issue 15 §5): MP4 boxes beyond the media (`udta`/`meta` with `©xyz` location, unknown top-level
 * boxes) and WebM elements beyond it (Tags, Attachments, Chapters) are blanked in place, so the
 * size and every offset stay and it plays as before. A file that is not the container it claims,
 * or is broken, throws UNSUPPORTED_MEDIA_TYPE and nothing else.
 */
export function stripVideoMetadata(bytes: Uint8Array, mime: AttachmentMime): CleanPicture {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const mp4 = mime === 'video/mp4' || mime === 'audio/mp4';
  if (!VIDEO_CONTAINERS.has(mime)) throw malformed(mime, 'not a video');
  if (mp4 ? !isMp4(b) : !isWebm(b)) throw malformed(mime, 'bytes are not that container');
  let clean: Buffer;
  try {
    clean = mp4 ? stripMp4(b) : stripWebm(b);
  } catch (err) {
    if (err instanceof RangeError) throw malformed(mime, 'out of range');
    throw err;
  }
  return { bytes: clean, changed: !clean.equals(b) };
}
