import { malformed, within } from './malformed';

/** Application extensions that only say how an animation loops. */
const LOOPING = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0']);

/** True when bytes start with a GIF header. */
export const isGif = (b: Buffer): boolean => {
  const head = b.toString('latin1', 0, 6);
  return head === 'GIF87a' || head === 'GIF89a';
};

/** The end of a run of data sub-blocks starting at `at` (just past its zero terminator). */
function subBlocksEnd(b: Buffer, at: number): number {
  let p = at;
  for (;;) {
    within('gif', p + 1, b.length);
    const size = b[p] as number;
    p += 1 + size;
    if (size === 0) return p;
  }
}

/** Size in bytes of a colour table a packed-fields byte announces (0 when it has none). */
const colourTableBytes = (flags: number): number => ((flags & 0x80) !== 0 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);

/**
 * The GIF with its image data, graphic control and looping extensions kept; comments, plain-text,
 * other application extensions and bytes after the trailer dropped. Throws `malformed`.
 */
export function stripGif(b: Buffer): Buffer {
  if (!isGif(b)) throw malformed('gif', 'header');
  within('gif', 13, b.length);
  let at = 13 + colourTableBytes(b[10] as number);
  within('gif', at, b.length);
  const parts: Buffer[] = [b.subarray(0, at)];
  let sawImage = false;
  for (;;) {
    within('gif', at + 1, b.length);
    const introducer = b[at] as number;
    if (introducer === 0x3b) {
      parts.push(b.subarray(at, at + 1));
      break;
    }
    if (introducer === 0x2c) {
      within('gif', at + 10, b.length);
      const dataAt = at + 10 + colourTableBytes(b[at + 9] as number) + 1; // + LZW minimum code size
      within('gif', dataAt, b.length);
      const end = subBlocksEnd(b, dataAt);
      parts.push(b.subarray(at, end));
      sawImage = true;
      at = end;
      continue;
    }
    if (introducer !== 0x21) throw malformed('gif', 'block');
    within('gif', at + 2, b.length);
    const label = b[at + 1] as number;
    const end = subBlocksEnd(b, at + 2);
    const isGraphicControl = label === 0xf9;
    const isLooping = label === 0xff && b[at + 2] === 11 && LOOPING.has(b.toString('latin1', at + 3, at + 14));
    if (isGraphicControl || isLooping) parts.push(b.subarray(at, end));
    at = end;
  }
  if (!sawImage) throw malformed('gif', 'no image');
  return Buffer.concat(parts);
}
