import { malformed, within } from './malformed';

const EBML = 0x1a45dfa3;
const SEGMENT = 0x18538067;
const CLUSTER = 0x1f43b675;
const VOID = 0xec;
/** Segment children that carry the media, its description or its index; anything else is blanked. */
const SEGMENT_KEPT: ReadonlySet<number> = new Set([
  0x114d9b74, // SeekHead
  0x1549a966, // Info
  0x1654ae6b, // Tracks
  CLUSTER,
  0x1c53bb6b, // Cues
  VOID,
  0xbf, // CRC-32
]);
const INFO = 0x1549a966;
const TRACKS = 0x1654ae6b;
const TRACK_ENTRY = 0xae;
/** Free text a sender may fill inside Info (Title, DateUTC) and a TrackEntry (Name): blanked too. */
const TEXT_IN_INFO: ReadonlySet<number> = new Set([0x7ba9, 0x4461]);
const TEXT_IN_TRACK: ReadonlySet<number> = new Set([0x536e]);
/** Every level-1 id: where a Cluster of unknown size ends. */
const LEVEL1: ReadonlySet<number> = new Set([...SEGMENT_KEPT, 0x1254c367, 0x1941a469, 0x1043a770]);

/** True when the bytes start with an EBML header (WebM, Matroska). */
export const isWebm = (b: Buffer): boolean => b.length >= 4 && b.readUInt32BE(0) === EBML;

type Element = Readonly<{ id: number; at: number; body: number; /** null: unknown size */ end: number | null }>;

/** A variable-length integer's length from its first byte (1…8), or 0 when invalid. */
const vintLength = (first: number): number => (first === 0 ? 0 : Math.clz32(first) - 23);

function readElement(b: Buffer, at: number, limit: number): Element {
  within('webm', at + 1, limit);
  const idLen = vintLength(b[at] as number);
  if (idLen < 1 || idLen > 4) throw malformed('webm', 'element id');
  within('webm', at + idLen + 1, limit);
  const id = b.readUIntBE(at, idLen);
  const sizeAt = at + idLen;
  const sizeLen = vintLength(b[sizeAt] as number);
  if (sizeLen < 1) throw malformed('webm', 'element size');
  within('webm', sizeAt + sizeLen, limit);
  let size = (b[sizeAt] as number) & (0xff >> sizeLen);
  let unknown = size === 0xff >> sizeLen;
  for (let i = 1; i < sizeLen; i++) {
    const byte = b[sizeAt + i] as number;
    size = size * 256 + byte;
    unknown &&= byte === 0xff;
  }
  const body = sizeAt + sizeLen;
  if (unknown) return { id, at, body, end: null };
  within('webm', body + size, limit);
  return { id, at, body, end: body + size };
}

/** Overwrites an element with a Void element of the same length, its payload zeroed: offsets in SeekHead and Cues stay right. */
function blank(out: Buffer, at: number, end: number): void {
  const length = end - at;
  const sizeLen = Math.min(8, length - 1);
  const payload = length - 1 - sizeLen;
  out.fill(0, at, end);
  out[at] = VOID;
  // The size as a vint of `sizeLen` bytes: the length marker bit, then the payload length.
  let v = payload;
  for (let i = sizeLen - 1; i >= 0; i--) {
    out[at + 1 + i] = v & 0xff;
    v = Math.floor(v / 256);
  }
  out[at + 1] = (out[at + 1] as number) | (0x80 >> (sizeLen - 1));
}

/** Blanks the children of `parent` that `dropped` names, and walks the TrackEntries of Tracks. */
function blankChildren(out: Buffer, parent: Element, end: number): void {
  for (let at = parent.body; at < end;) {
    const e = readElement(out, at, end);
    if (e.end === null) throw malformed('webm', 'unknown size');
    if (parent.id === INFO && TEXT_IN_INFO.has(e.id)) blank(out, e.at, e.end);
    else if (parent.id === TRACKS && e.id === TRACK_ENTRY) blankChildren(out, e, e.end);
    else if (parent.id === TRACK_ENTRY && TEXT_IN_TRACK.has(e.id)) blank(out, e.at, e.end);
    at = e.end;
  }
}

/** Where a Cluster of unknown size ends: at the next level-1 element, or the end. */
function clusterEnd(b: Buffer, from: number, limit: number): number {
  let at = from;
  while (at < limit) {
    const e = readElement(b, at, limit);
    if (LEVEL1.has(e.id)) return at;
    if (e.end === null) throw malformed('webm', 'unknown size inside a cluster');
    at = e.end;
  }
  return limit;
}

/**
 * The WebM with every Segment child beyond the media blanked: Tags (titles, location, anything a
 * sender writes), Attachments, Chapters and unknown elements become Void elements of the same
 * length, as do the free text in Info (Title, DateUTC) and each track's Name, so the file keeps every offset and plays as before. Clusters and a Segment of unknown
 * size (what a live recorder writes) are walked. Throws `malformed` for a broken structure.
 */
export function stripWebm(b: Buffer): Buffer {
  if (!isWebm(b)) throw malformed('webm', 'header');
  const out = Buffer.from(b);
  const header = readElement(out, 0, out.length);
  if (header.end === null) throw malformed('webm', 'header size');
  const segment = readElement(out, header.end, out.length);
  if (segment.id !== SEGMENT) throw malformed('webm', 'no segment');
  const limit = segment.end ?? out.length;
  // Anything after the Segment is not media either.
  out.fill(0, limit);
  for (let at = segment.body; at < limit;) {
    const e = readElement(out, at, limit);
    const end = e.end ?? (e.id === CLUSTER ? clusterEnd(out, e.body, limit) : null);
    if (end === null) throw malformed('webm', 'unknown size');
    if (!SEGMENT_KEPT.has(e.id)) blank(out, e.at, end);
    else if (e.id === INFO || e.id === TRACKS) blankChildren(out, e, end);
    at = end;
  }
  return out;
}
