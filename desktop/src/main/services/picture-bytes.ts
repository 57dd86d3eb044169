import type { BackgroundPictureMime } from '@hearth/common';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG chunks that carry pixels or how to draw them; every other chunk (text, EXIF, times, ICC) is dropped. */
const PNG_KEPT_CHUNKS: ReadonlySet<string> = new Set(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND', 'gAMA', 'sRGB']);

/** The picture type its first bytes say, or null when it is neither a JPEG nor a PNG. */
export function sniffPictureType(bytes: Uint8Array): BackgroundPictureMime | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 8 && b.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  return null;
}

/** A PNG with only its pixel chunks; null when the chunk structure is broken. */
function stripPng(b: Buffer): Buffer | null {
  const parts: Buffer[] = [PNG_SIGNATURE];
  let at = 8;
  while (at + 12 <= b.length) {
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > b.length) return null;
    if (PNG_KEPT_CHUNKS.has(type)) parts.push(b.subarray(at, end));
    at = end;
    if (type === 'IEND') return parts.length > 2 ? Buffer.concat(parts) : null;
  }
  return null;
}

/**
 * A JPEG without its APPn (EXIF, XMP, ICC, maker notes) and comment segments, keeping APP0 (JFIF)
 * and everything from the start of scan on; null when the segment structure is broken.
 */
function stripJpeg(b: Buffer): Buffer | null {
  const parts: Buffer[] = [b.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] as number;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = b.readUInt16BE(at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > b.length) return null;
    if (marker === 0xda) {
      parts.push(b.subarray(at));
      return Buffer.concat(parts);
    }
    const isAppN = marker >= 0xe1 && marker <= 0xef;
    const isComment = marker === 0xfe;
    if (!isAppN && !isComment) parts.push(b.subarray(at, end));
    at = end;
  }
  return null;
}

/**
 * Checks that bytes are a JPEG or PNG by their magic bytes and gives back the same picture with its
 * metadata removed (EXIF with GPS position and camera model, XMP, comments, text chunks). The
 * renderer re-encodes pictures through a canvas before sending them; this is main's own check,
 * so whatever arrives over IPC, only pixels are kept.
 */
export function sanitizePicture(bytes: Uint8Array): Readonly<{ mime: BackgroundPictureMime; bytes: Buffer }> | null {
  const mime = sniffPictureType(bytes);
  if (mime === null) return null;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stripped = mime === 'image/png' ? stripPng(b) : stripJpeg(b);
  return stripped ? { mime, bytes: stripped } : null;
}
