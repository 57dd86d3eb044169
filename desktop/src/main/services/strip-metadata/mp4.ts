import { malformed, within } from './malformed';

/** Top-level boxes that carry the media (or its index); anything else is blanked. */
const TOP_KEPT: ReadonlySet<string> = new Set(['ftyp', 'styp', 'moov', 'mdat', 'moof', 'mfra', 'sidx', 'free', 'skip']);
/** Boxes inside `moov` and `trak` that hold metadata only (`©xyz` location, titles, Apple keys). */
const INNER_DROPPED: ReadonlySet<string> = new Set(['udta', 'meta', 'uuid']);
/** Containers whose children are walked for those. */
const WALKED: ReadonlySet<string> = new Set(['moov', 'trak']);

/** True when the bytes start with an MP4 `ftyp` box. */
export const isMp4 = (b: Buffer): boolean => b.length >= 12 && b.toString('latin1', 4, 8) === 'ftyp';

/** One box: where it starts, where its payload starts and where it ends. */
type Box = Readonly<{ type: string; at: number; body: number; end: number }>;

function readBox(b: Buffer, at: number, end: number): Box {
  within('mp4', at + 8, end);
  const size32 = b.readUInt32BE(at);
  const type = b.toString('latin1', at + 4, at + 8);
  if (size32 === 1) {
    within('mp4', at + 16, end);
    const size = Number(b.readBigUInt64BE(at + 8));
    if (size < 16) throw malformed('mp4', 'box size');
    within('mp4', at + size, end);
    return { type, at, body: at + 16, end: at + size };
  }
  // 0: the box runs to the end of its parent.
  const size = size32 === 0 ? end - at : size32;
  if (size < 8) throw malformed('mp4', 'box size');
  within('mp4', at + size, end);
  return { type, at, body: at + 8, end: at + size };
}

/** Turns a box into a `free` box of the same size, its bytes zeroed: every offset (`stco`, `co64`) stays right. */
function blank(out: Buffer, box: Box): void {
  out.fill(0, box.body, box.end);
  out.write('free', box.at + 4, 'latin1');
}

function walk(out: Buffer, from: number, to: number, dropped: (type: string) => boolean): void {
  for (let at = from; at < to;) {
    const box = readBox(out, at, to);
    if (dropped(box.type)) blank(out, box);
    else if (WALKED.has(box.type)) walk(out, box.body, box.end, (t) => INNER_DROPPED.has(t));
    at = box.end;
  }
}

/**
 * The MP4 with every box beyond the media blanked: top-level boxes other than the media's
 * (`ftyp`, `moov`, `mdat`, fragments and their index) and `udta`, `meta` and `uuid` boxes in
 * `moov` and each `trak` (where `©xyz` location, titles and Apple's metadata keys live) become
 * `free` boxes of zeros of the same size, so the file keeps every offset and plays as before.
 * Throws `malformed` for a broken box structure.
 */
export function stripMp4(b: Buffer): Buffer {
  if (!isMp4(b)) throw malformed('mp4', 'header');
  const out = Buffer.from(b);
  walk(out, 0, out.length, (t) => !TOP_KEPT.has(t));
  return out;
}
