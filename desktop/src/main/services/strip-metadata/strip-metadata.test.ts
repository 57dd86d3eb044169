import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorCode, HearthError, type AttachmentMime } from '@hearth/common';
import { exifOrientation } from './jpeg-orientation';
import { stripPictureMetadata } from './index';
import { GPS_LATITUDE, animatedWebpWithGps, fixture, gifWithGps, jpegWithGps, pngWithGps, webpWithGps } from './test-pictures';

const SECRETS = ['SECRET', 'GPSLatitude', 'KidPhone', 'Lavc'];

function expectNoLocation(bytes: Buffer): void {
  expect(bytes.includes(GPS_LATITUDE)).toBe(false);
  for (const s of SECRETS) expect(bytes.toString('latin1')).not.toContain(s);
}

/** The JPEG's segments in order: marker numbers (a scan's entropy data is skipped). */
function jpegMarkers(b: Buffer): number[] {
  const markers: number[] = [];
  let at = 2;
  while (at < b.length) {
    const marker = b[at + 1] as number;
    markers.push(marker);
    if (marker === 0xd9) break;
    at += 2 + b.readUInt16BE(at + 2);
    if (marker === 0xda)
      while (!(b[at] === 0xff && b[at + 1] !== 0 && ((b[at + 1] as number) < 0xd0 || (b[at + 1] as number) > 0xd7))) at++;
  }
  return markers;
}

/** PNG chunk types in order. */
function pngChunks(b: Buffer): string[] {
  const types: string[] = [];
  for (let at = 8; at < b.length; at += 12 + b.readUInt32BE(at)) types.push(b.toString('latin1', at + 4, at + 8));
  return types;
}

/** RIFF chunk types in order. */
function riffChunks(b: Buffer): string[] {
  const types: string[] = [];
  for (let at = 12; at < b.length; at += 8 + b.readUInt32LE(at + 4) + (b.readUInt32LE(at + 4) % 2))
    types.push(b.toString('latin1', at, at + 4));
  return types;
}

describe('stripping picture metadata on receipt', () => {
  it('drops a JPEG’s EXIF GPS, XMP, ICC, comments and trailing bytes and keeps its tables, scan and orientation', () => {
    const dirty = jpegWithGps();
    expect(dirty.includes(GPS_LATITUDE)).toBe(true);
    const clean = stripPictureMetadata(dirty, 'image/jpeg');
    expect(clean.changed).toBe(true);
    expectNoLocation(clean.bytes);
    // SOI, JFIF, a fresh one-tag EXIF, then the real file's DQT, SOF0, DHT…, SOS and EOI.
    expect(jpegMarkers(clean.bytes)).toEqual([
      0xe0,
      0xe1,
      ...jpegMarkers(fixture('tiny.jpg')).filter((m) => m !== 0xe0 && m !== 0xfe),
    ]);
    const app1 = clean.bytes.indexOf('Exif\0\0', 0, 'latin1');
    expect(exifOrientation(clean.bytes.subarray(app1, app1 + 32))).toBe(6);
    // The scan's bytes are the sender's, untouched.
    const original = fixture('tiny.jpg');
    const sos = original.indexOf(Buffer.from([0xff, 0xda]));
    expect(clean.bytes.includes(original.subarray(sos))).toBe(true);
    expect(clean.bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
  });

  it('drops a PNG’s text, XMP, eXIf, tIME and unknown chunks, keeping valid chunks that still inflate', () => {
    const dirty = pngWithGps();
    expect(dirty.includes(GPS_LATITUDE)).toBe(true);
    const clean = stripPictureMetadata(dirty, 'image/png');
    expect(clean.changed).toBe(true);
    expectNoLocation(clean.bytes);
    expect(pngChunks(clean.bytes)).toEqual(pngChunks(fixture('tiny.png')));
    expect(clean.bytes.equals(fixture('tiny.png'))).toBe(true);
    const idat = clean.bytes.indexOf('IDAT', 0, 'latin1');
    const rows = inflateSync(clean.bytes.subarray(idat + 4, idat + 4 + clean.bytes.readUInt32BE(idat - 4)));
    expect(rows.length).toBeGreaterThanOrEqual(16 * (1 + 16 * 3));
  });

  it('drops a GIF’s comment and XMP extension and keeps its looping extension and frames', () => {
    const dirty = gifWithGps();
    const clean = stripPictureMetadata(dirty, 'image/gif');
    expect(clean.changed).toBe(true);
    expectNoLocation(clean.bytes);
    expect(clean.bytes.equals(fixture('tiny.gif'))).toBe(true);
    expect(clean.bytes.toString('latin1')).toContain('NETSCAPE2.0');
  });

  it('drops a WebP’s EXIF and XMP chunks, clears their VP8X flags and fixes the RIFF size', () => {
    const dirty = webpWithGps();
    const clean = stripPictureMetadata(dirty, 'image/webp');
    expect(clean.changed).toBe(true);
    expectNoLocation(clean.bytes);
    expect(riffChunks(clean.bytes)).toEqual(['VP8X', 'VP8 ']);
    expect((clean.bytes[20] as number) & 0x0c).toBe(0);
    expect(clean.bytes.readUInt32LE(4)).toBe(clean.bytes.length - 8);
    expect(clean.bytes.includes(fixture('tiny.webp').subarray(12))).toBe(true);
  });

  it('rebuilds an animated WebP’s frames without chunks hidden inside them', () => {
    const dirty = animatedWebpWithGps();
    expect(dirty.includes(GPS_LATITUDE)).toBe(true);
    const clean = stripPictureMetadata(dirty, 'image/webp');
    expectNoLocation(clean.bytes);
    expect(clean.bytes.equals(fixture('anim.webp'))).toBe(true);
  });

  it('leaves a picture without metadata byte for byte as it was and says it did not change it', () => {
    const png = fixture('tiny.png');
    expect(stripPictureMetadata(png, 'image/png')).toEqual({ bytes: png, changed: false });
    const webp = fixture('tiny.webp');
    expect(stripPictureMetadata(webp, 'image/webp')).toEqual({ bytes: webp, changed: false });
  });

  it('refuses a picture that is not the type it claims, or a broken one, with UNSUPPORTED_MEDIA_TYPE', () => {
    const refused = (bytes: Buffer, mime: AttachmentMime): unknown => {
      try {
        stripPictureMetadata(bytes, mime);
        return 'accepted';
      } catch (err) {
        return err instanceof HearthError ? err.code : err;
      }
    };
    expect(refused(fixture('tiny.png'), 'image/jpeg')).toBe(ErrorCode.UnsupportedMediaType);
    expect(refused(jpegWithGps().subarray(0, 200), 'image/jpeg')).toBe(ErrorCode.UnsupportedMediaType);
    expect(refused(pngWithGps().subarray(0, 60), 'image/png')).toBe(ErrorCode.UnsupportedMediaType);
    expect(refused(gifWithGps().subarray(0, 100), 'image/gif')).toBe(ErrorCode.UnsupportedMediaType);
    expect(refused(webpWithGps().subarray(0, 100), 'image/webp')).toBe(ErrorCode.UnsupportedMediaType);
    expect(refused(Buffer.from('<svg/>'), 'image/webp')).toBe(ErrorCode.UnsupportedMediaType);
    const badCrc = pngWithGps();
    badCrc[40] = (badCrc[40] as number) ^ 1;
    expect(refused(badCrc, 'image/png')).toBe(ErrorCode.UnsupportedMediaType);
  });

  it('never throws anything but UNSUPPORTED_MEDIA_TYPE for random, truncated or damaged files', () => {
    const samples: ReadonlyArray<readonly [Buffer, AttachmentMime]> = [
      [jpegWithGps(), 'image/jpeg'],
      [pngWithGps(), 'image/png'],
      [gifWithGps(), 'image/gif'],
      [webpWithGps(), 'image/webp'],
      [animatedWebpWithGps(), 'image/webp'],
    ];
    const mimes = fc.constantFrom<AttachmentMime>('image/jpeg', 'image/png', 'image/gif', 'image/webp');
    const damaged = fc
      .tuple(fc.constantFrom(...samples), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 }))
      .map(([[bytes, mime], cut, at, value]) => {
        const b = Buffer.from(bytes.subarray(0, 1 + (cut % bytes.length)));
        b[at % b.length] = value;
        return [b, mime] as const;
      });
    const random = fc.tuple(fc.uint8Array({ maxLength: 300 }), mimes).map(([u, mime]) => [Buffer.from(u), mime] as const);
    const prefixed = fc
      .tuple(fc.constantFrom(...samples), fc.uint8Array({ maxLength: 200 }))
      .map(([[bytes, mime], tail]) => [Buffer.concat([bytes.subarray(0, 12), tail]), mime] as const);
    fc.assert(
      fc.property(fc.oneof(damaged, random, prefixed), ([bytes, mime]) => {
        try {
          const clean = stripPictureMetadata(bytes, mime);
          expect(clean.bytes.length).toBeLessThanOrEqual(bytes.length + 40);
        } catch (err) {
          if (!(err instanceof HearthError) || err.code !== ErrorCode.UnsupportedMediaType) throw err;
        }
      }),
      { numRuns: 3000 },
    );
  });
});
