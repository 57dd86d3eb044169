import { malformed, within } from './malformed';

/** Chunks that draw the picture; EXIF, XMP and unknown chunks are dropped (ANMF is rebuilt, see below). */
const KEPT: ReadonlySet<string> = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
/** VP8X flag bits that announce EXIF (0x08) and XMP (0x04) chunks. */
const METADATA_FLAGS = 0x08 | 0x04;

/** True when bytes start with a RIFF WEBP header. */
export const isWebp = (b: Buffer): boolean =>
  b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP';

/** Chunks an animation frame may hold after its 16-byte header. */
const FRAME_KEPT: ReadonlySet<string> = new Set(['ALPH', 'VP8 ', 'VP8L']);

/** An ANMF chunk with only its frame header and picture sub-chunks (unknown ones could hide data). */
function animationFrame(b: Buffer, at: number, end: number): Buffer {
  const frameEnd = at + 8 + b.readUInt32LE(at + 4);
  within('webp', at + 8 + 16, frameEnd);
  const parts: Buffer[] = [b.subarray(at + 8, at + 8 + 16)];
  for (let p = at + 8 + 16; p < frameEnd;) {
    within('webp', p + 8, frameEnd);
    const size = b.readUInt32LE(p + 4);
    const next = p + 8 + size + (size % 2);
    within('webp', next, end);
    if (FRAME_KEPT.has(b.toString('latin1', p, p + 4))) parts.push(b.subarray(p, Math.min(next, end)));
    p = next;
  }
  const body = Buffer.concat(parts);
  const head = Buffer.from('ANMF\0\0\0\0', 'latin1');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body, Buffer.alloc(body.length % 2)]);
}

/**
 * The WebP without its EXIF and XMP chunks, the VP8X flags for them cleared and the RIFF size made
 * right again; bytes past the RIFF size are dropped. Throws `malformed`.
 */
export function stripWebp(b: Buffer): Buffer {
  if (!isWebp(b)) throw malformed('webp', 'header');
  const riffEnd = 8 + b.readUInt32LE(4);
  within('webp', riffEnd, b.length);
  const parts: Buffer[] = [];
  let at = 12;
  let sawImage = false;
  while (at < riffEnd) {
    within('webp', at + 8, riffEnd);
    const type = b.toString('latin1', at, at + 4);
    const size = b.readUInt32LE(at + 4);
    const end = at + 8 + size + (size % 2); // chunks are padded to an even length
    within('webp', end, riffEnd);
    if (type === 'VP8X') {
      if (size < 10) throw malformed('webp', 'VP8X');
      const chunk = Buffer.from(b.subarray(at, end));
      chunk[8] = (chunk[8] as number) & ~METADATA_FLAGS;
      parts.push(chunk);
    } else if (type === 'ANMF') {
      parts.push(animationFrame(b, at, end));
    } else if (KEPT.has(type)) {
      parts.push(b.subarray(at, end));
    }
    if (type === 'VP8 ' || type === 'VP8L' || type === 'ANMF') sawImage = true;
    at = end;
  }
  if (!sawImage) throw malformed('webp', 'no image');
  const body = Buffer.concat(parts);
  const head = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1');
  head.writeUInt32LE(4 + body.length, 4);
  return Buffer.concat([head, body]);
}
