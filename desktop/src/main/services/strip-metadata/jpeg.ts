import { exifOrientation, orientationSegment } from './jpeg-orientation';
import { malformed, within } from './malformed';

/** True when bytes start with a JPEG's start-of-image and a marker. */
export const isJpeg = (b: Buffer): boolean => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

const SOS = 0xda;
const EOI = 0xd9;

/** Frame, table and scan segments: SOF0–SOF15 (with DHT 0xC4 and DAC 0xCC), DQT, DNL, DRI, SOS, DHP, EXP. */
const isPictureSegment = (m: number): boolean => (m >= 0xc0 && m <= 0xcf && m !== 0xc8) || (m >= 0xdb && m <= 0xdf);

/** Index of the marker that ends the entropy-coded data starting at `at` (skipping stuffed 0xFF00 and RSTn). */
function entropyEnd(b: Buffer, at: number): number {
  for (let p = at; p + 1 < b.length; p++) {
    if (b[p] !== 0xff) continue;
    const next = b[p + 1] as number;
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) continue;
    return p;
  }
  throw malformed('jpeg', 'scan not ended');
}

/** The JFIF APP0 without its thumbnail (a second, unchecked picture); null for any other APP0. */
function jfifWithoutThumbnail(data: Buffer): Buffer | null {
  if (data.length < 14 || data.toString('latin1', 0, 5) !== 'JFIF\0') return null;
  const kept = Buffer.from(data.subarray(0, 14));
  kept[12] = 0;
  kept[13] = 0;
  return Buffer.concat([Buffer.from([0xff, 0xe0, 0, 16]), kept]);
}

/**
 * The JPEG with only what draws it: SOI, frame/table/scan segments with their entropy data, EOI,
 * JFIF (without thumbnail) and Adobe APP14 (it says how colours are encoded). EXIF, XMP, ICC, maker
 * notes, other APPn, comments and bytes after EOI are dropped. EXIF orientation is kept as a fresh
 * one-tag EXIF segment so the picture still shows the right way up. Throws `malformed`.
 */
export function stripJpeg(b: Buffer): Buffer {
  if (!isJpeg(b)) throw malformed('jpeg', 'header');
  const head: Buffer[] = [b.subarray(0, 2)];
  const body: Buffer[] = [];
  let orientation: number | null = null;
  let sawScan = false;
  let at = 2;
  for (;;) {
    within('jpeg', at + 2, b.length);
    if (b[at] !== 0xff) throw malformed('jpeg', 'marker');
    const marker = b[at + 1] as number;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === EOI) {
      if (!sawScan) throw malformed('jpeg', 'no scan');
      body.push(b.subarray(at, at + 2));
      break;
    }
    within('jpeg', at + 4, b.length);
    const end = at + 2 + b.readUInt16BE(at + 2);
    if (end < at + 4) throw malformed('jpeg', 'segment length');
    within('jpeg', end, b.length);
    const data = b.subarray(at + 4, end);
    if (marker === SOS) {
      const scanEnd = entropyEnd(b, end);
      body.push(b.subarray(at, scanEnd));
      sawScan = true;
      at = scanEnd;
      continue;
    }
    if (isPictureSegment(marker)) body.push(b.subarray(at, end));
    else if (marker === 0xe0 && body.length === 0) {
      const jfif = jfifWithoutThumbnail(data);
      if (jfif) head.push(jfif);
    } else if (marker === 0xee && data.toString('latin1', 0, 5) === 'Adobe') body.push(b.subarray(at, end));
    else if (marker === 0xe1) orientation ??= exifOrientation(data);
    else if (!(marker >= 0xe0 && marker <= 0xef) && !(marker >= 0xf0 && marker <= 0xfe)) {
      throw malformed('jpeg', `marker ${marker.toString(16)}`);
    }
    at = end;
  }
  if (orientation !== null && orientation !== 1) head.push(orientationSegment(orientation));
  return Buffer.concat([...head, ...body]);
}
