import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * Real pictures (made with ffmpeg from its test pattern, 16×16) and ways to hide a location in
 * them, for the metadata-stripping tests. Not used by the app.
 */
/** The fixtures: pictures, and (issue 15 §5) ffmpeg-made videos carrying a location and a title. */
export type FixtureName =
  'tiny.jpg' | 'tiny.png' | 'tiny.gif' | 'tiny.webp' | 'anim.webp' | 'gps.mp4' | 'gps.mov' | 'gps.webm' | 'live.webm';
export const fixture = (name: FixtureName): Buffer => fs.readFileSync(path.join(__dirname, 'fixtures', name));

/** Bytes a GPS latitude of 51° 30' 12.34" takes as three big-endian RATIONALs: what must not survive. */
export const GPS_LATITUDE = Buffer.from([0, 0, 0, 51, 0, 0, 0, 1, 0, 0, 0, 30, 0, 0, 0, 1, 0, 0, 4, 0xd2, 0, 0, 0, 100]);

/** A TIFF/EXIF block: IFD0 with Orientation and a GPS IFD holding a latitude. */
export function exifTiff(orientation: number): Buffer {
  const t = Buffer.alloc(8 + 2 + 2 * 12 + 4 + 2 + 2 * 12 + 4 + 24);
  t.write('MM', 0, 'latin1');
  t.writeUInt16BE(42, 2);
  t.writeUInt32BE(8, 4);
  t.writeUInt16BE(2, 8);
  const entry = (at: number, tag: number, type: number, count: number, value: number): void => {
    t.writeUInt16BE(tag, at);
    t.writeUInt16BE(type, at + 2);
    t.writeUInt32BE(count, at + 4);
    if (type === 3) t.writeUInt16BE(value, at + 8);
    else t.writeUInt32BE(value, at + 8);
  };
  const gpsIfd = 8 + 2 + 24 + 4;
  entry(10, 0x0112, 3, 1, orientation);
  entry(22, 0x8825, 4, 1, gpsIfd);
  t.writeUInt16BE(2, gpsIfd);
  const latitudeAt = gpsIfd + 2 + 24 + 4;
  entry(gpsIfd + 2, 0x0001, 2, 2, 0x4e000000); // 'N'
  entry(gpsIfd + 14, 0x0002, 5, 3, latitudeAt);
  GPS_LATITUDE.copy(t, latitudeAt);
  return t;
}

export function jpegSegment(marker: number, data: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
}

/** The real JPEG with EXIF (orientation 6 + GPS), XMP, ICC, a comment after the scan and bytes after EOI. */
export function jpegWithGps(): Buffer {
  const jpeg = fixture('tiny.jpg');
  const eoi = jpeg.length - 2;
  return Buffer.concat([
    jpeg.subarray(0, 2),
    jpegSegment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff(6)])),
    jpegSegment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<exif:GPSLatitude>51,30.2N</exif:GPSLatitude>', 'latin1')),
    jpegSegment(0xe2, Buffer.from('ICC_PROFILE\0\x01\x01SECRET-ICC', 'latin1')),
    jpeg.subarray(2, eoi),
    jpegSegment(0xfe, Buffer.from('SECRET-AFTER-SCAN', 'latin1')),
    jpeg.subarray(eoi),
    Buffer.from('SECRET-TRAILER', 'latin1'),
  ]);
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** The real PNG with tEXt, iTXt (XMP), eXIf with GPS, tIME and an unknown ancillary chunk after IHDR. */
export function pngWithGps(): Buffer {
  const png = fixture('tiny.png');
  const afterIhdr = 8 + 12 + 13;
  return Buffer.concat([
    png.subarray(0, afterIhdr),
    pngChunk('tEXt', Buffer.from('Location\0SECRET-PLACE', 'latin1')),
    pngChunk('iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0<exif:GPSLatitude>SECRET</exif:GPSLatitude>', 'latin1')),
    pngChunk('eXIf', exifTiff(1)),
    pngChunk('tIME', Buffer.from([7, 234, 12, 4, 20, 30, 0])),
    pngChunk('prVt', Buffer.from('SECRET-PRIVATE', 'latin1')),
    png.subarray(afterIhdr),
  ]);
}

/** The real animated GIF with a comment and an XMP application extension before its first image. */
export function gifWithGps(): Buffer {
  const gif = fixture('tiny.gif');
  const afterScreen = 13 + 3 * 2 ** (((gif[10] as number) & 7) + 1);
  const subBlocks = (text: string): Buffer =>
    Buffer.concat([Buffer.from([text.length]), Buffer.from(text, 'latin1'), Buffer.from([0])]);
  return Buffer.concat([
    gif.subarray(0, afterScreen),
    Buffer.from([0x21, 0xfe]),
    subBlocks('SECRET-COMMENT 51.5N'),
    Buffer.from([0x21, 0xff, 11]),
    Buffer.from('XMP DataXMP', 'latin1'),
    subBlocks('<exif:GPSLatitude>SECRET</exif:GPSLatitude>'),
    gif.subarray(afterScreen),
    Buffer.from('SECRET-TRAILER', 'latin1'),
  ]);
}

function riffChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, Buffer.alloc(data.length % 2)]);
}

/** The real WebP made extended (VP8X with the EXIF and XMP flags) with EXIF (GPS) and XMP chunks. */
export function webpWithGps(): Buffer {
  const webp = fixture('tiny.webp');
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08 | 0x04;
  vp8x.writeUIntLE(15, 4, 3);
  vp8x.writeUIntLE(15, 7, 3);
  const body = Buffer.concat([
    riffChunk('VP8X', vp8x),
    webp.subarray(12, 8 + webp.readUInt32LE(4)),
    riffChunk('EXIF', exifTiff(1)),
    riffChunk('XMP ', Buffer.from('<exif:GPSLatitude>SECRET</exif:GPSLatitude>', 'latin1')),
  ]);
  const head = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1');
  head.writeUInt32LE(4 + body.length, 4);
  return Buffer.concat([head, body]);
}

/** The real animated WebP with a GPS-carrying chunk hidden inside its first frame (ANMF) and an EXIF chunk. */
export function animatedWebpWithGps(): Buffer {
  const webp = fixture('anim.webp');
  const firstFrame = webp.indexOf('ANMF', 12, 'latin1');
  const frameSize = webp.readUInt32LE(firstFrame + 4);
  const hidden = riffChunk('XMP ', Buffer.concat([Buffer.from('SECRET', 'latin1'), GPS_LATITUDE]));
  const frame = Buffer.concat([webp.subarray(firstFrame + 8, firstFrame + 8 + frameSize), hidden]);
  const frameHead = Buffer.from('ANMF\0\0\0\0', 'latin1');
  frameHead.writeUInt32LE(frame.length, 4);
  const body = Buffer.concat([
    webp.subarray(12, firstFrame),
    frameHead,
    frame,
    webp.subarray(firstFrame + 8 + frameSize + (frameSize % 2)),
    riffChunk('EXIF', exifTiff(1)),
  ]);
  const head = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1');
  head.writeUInt32LE(4 + body.length, 4);
  return Buffer.concat([head, body]);
}
