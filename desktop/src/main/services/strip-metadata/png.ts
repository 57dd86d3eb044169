import { crc32 } from 'node:zlib';
import { malformed, within } from './malformed';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Chunks needed to draw the picture (pixels, palette, transparency, colour, physical size, APNG
 * frames). Text (tEXt, zTXt, iTXt), eXIf, tIME and every unknown chunk are dropped.
 */
const KEPT: ReadonlySet<string> = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'sBIT',
  'pHYs',
  'acTL',
  'fcTL',
  'fdAT',
]);

/** True when bytes start with the PNG signature. */
export const isPng = (b: Buffer): boolean => b.length >= 8 && b.subarray(0, 8).equals(SIGNATURE);

/** The PNG with only the chunks in KEPT, each kept whole (so its CRC stays valid); throws `malformed`. */
export function stripPng(b: Buffer): Buffer {
  if (!isPng(b)) throw malformed('png', 'signature');
  const parts: Buffer[] = [SIGNATURE];
  let at = 8;
  let sawData = false;
  for (let index = 0; ; index++) {
    within('png', at + 12, b.length);
    const length = b.readUInt32BE(at);
    if (length > 0x7fffffff) throw malformed('png', 'chunk length');
    const type = b.toString('latin1', at + 4, at + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw malformed('png', 'chunk type');
    const end = at + 12 + length;
    within('png', end, b.length);
    if (crc32(b.subarray(at + 4, end - 4)) !== b.readUInt32BE(end - 4)) throw malformed('png', 'crc');
    if (index === 0 && type !== 'IHDR') throw malformed('png', 'first chunk');
    if (type === 'IDAT' || type === 'fdAT') sawData = true;
    if (KEPT.has(type)) parts.push(b.subarray(at, end));
    // A critical chunk (upper-case first letter) we do not know cannot be dropped safely.
    else if (type.charCodeAt(0) < 0x61) throw malformed('png', `critical chunk ${type}`);
    at = end;
    // Anything after IEND is not part of the picture and is dropped.
    if (type === 'IEND') break;
  }
  if (!sawData) throw malformed('png', 'no image data');
  return Buffer.concat(parts);
}
