import type { AttachmentMime } from '@hearth/common';

/** Bytes needed to recognise every accepted type (WebM names its DocType within the first ~40). */
export const SNIFF_BYTES = 64;

const MP4_VIDEO_BRANDS = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'M4V ', 'mp4v']);
const MP4_AUDIO_BRANDS = new Set(['M4A ', 'M4B ']);

function startsWith(head: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (head.length < at + bytes.length) return false;
  return bytes.every((b, i) => head[at + i] === b);
}

function ascii(head: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...head.subarray(from, to));
}

/**
 * The attachment type these first bytes show, or undefined for anything the relay does not
 * take. The declared Content-Type is never trusted: a child's PC could be made to send anything.
 */
export function sniffAttachmentType(head: Uint8Array): AttachmentMime | undefined {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (head.length >= 6 && (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a')) return 'image/gif';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  if (startsWith(head, [0x4f, 0x67, 0x67, 0x53])) return 'audio/ogg';
  // EBML header; Matroska files that are not WebM (other codecs) are refused.
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return ascii(head, 4, head.length).includes('webm') ? 'video/webm' : undefined;
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (MP4_AUDIO_BRANDS.has(brand)) return 'audio/mp4';
    if (MP4_VIDEO_BRANDS.has(brand)) return 'video/mp4';
  }
  return undefined;
}
