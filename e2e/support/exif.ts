/**
 * A JPEG with an EXIF block that names a camera and holds a GPS position, as a phone would write
 * it: the photo test sends it and checks that none of it reaches the other side.
 */

/** Marker text inside the EXIF block (the camera make). */
export const EXIF_CAMERA = 'HearthTestCam';

function u16(n: number): number[] {
  return [n & 0xff, (n >> 8) & 0xff];
}
function u32(n: number): number[] {
  return [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
}

/** An IFD entry (little-endian): tag, type, count, value or offset. */
function entry(tag: number, type: number, count: number, value: number[]): number[] {
  const v = [...value, 0, 0, 0, 0].slice(0, 4);
  return [...u16(tag), ...u16(type), ...u32(count), ...v];
}

/** The APP1 segment: "Exif\0\0", a TIFF header, IFD0 (Make, GPS pointer) and a GPS IFD (51.5° N, 0.12° W). */
export function exifSegment(): Buffer {
  const ASCII = 2;
  const LONG = 4;
  const RATIONAL = 5;
  const make = [...Buffer.from(`${EXIF_CAMERA}\0`, 'latin1')];
  // Offsets are from the start of the TIFF header.
  const ifd0At = 8;
  const ifd0Size = 2 + 2 * 12 + 4;
  const makeAt = ifd0At + ifd0Size;
  const gpsAt = makeAt + make.length;
  const gpsSize = 2 + 4 * 12 + 4;
  const latAt = gpsAt + gpsSize;
  const lonAt = latAt + 24;
  const rational = (n: number, d: number): number[] => [...u32(n), ...u32(d)];
  const tiff = [
    ...[0x49, 0x49, 0x2a, 0x00],
    ...u32(ifd0At),
    ...u16(2),
    ...entry(0x010f, ASCII, make.length, u32(makeAt)),
    ...entry(0x8825, LONG, 1, u32(gpsAt)),
    ...u32(0),
    ...make,
    ...u16(4),
    ...entry(0x0001, ASCII, 2, [0x4e, 0]),
    ...entry(0x0002, RATIONAL, 3, u32(latAt)),
    ...entry(0x0003, ASCII, 2, [0x57, 0]),
    ...entry(0x0004, RATIONAL, 3, u32(lonAt)),
    ...u32(0),
    ...rational(51, 1),
    ...rational(30, 1),
    ...rational(2616, 100),
    ...rational(0, 1),
    ...rational(7, 1),
    ...rational(3960, 100),
  ];
  const body = [...Buffer.from('Exif\0\0', 'latin1'), ...tiff];
  return Buffer.from([0xff, 0xe1, ...[(body.length + 2) >> 8, (body.length + 2) & 0xff], ...body]);
}

/** Puts the EXIF segment right after a JPEG's start-of-image marker. */
export function withExif(jpeg: Buffer): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  return Buffer.concat([jpeg.subarray(0, 2), exifSegment(), jpeg.subarray(2)]);
}

/** True when the bytes carry an EXIF block or the test camera's name anywhere. */
export function hasExif(bytes: Buffer): boolean {
  return bytes.includes(Buffer.from('Exif\0\0', 'latin1')) || bytes.includes(Buffer.from(EXIF_CAMERA, 'latin1'));
}
