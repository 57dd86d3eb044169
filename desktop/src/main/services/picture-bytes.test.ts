import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sanitizePicture, sniffPictureType } from './picture-bytes';
import { jpegWithMetadata, pngWithMetadata } from './picture-fixtures';

describe('picture bytes', () => {
  it('tells JPEG and PNG by their magic bytes, whatever else they claim to be', () => {
    expect(sniffPictureType(pngWithMetadata())).toBe('image/png');
    expect(sniffPictureType(jpegWithMetadata())).toBe('image/jpeg');
    expect(sniffPictureType(Buffer.from('GIF89a......'))).toBeNull();
    expect(sniffPictureType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffPictureType(Buffer.from('MZ\x90\0'))).toBeNull();
  });

  it('keeps a PNG’s pixels and drops its text and EXIF chunks', () => {
    const clean = sanitizePicture(pngWithMetadata());
    expect(clean?.mime).toBe('image/png');
    const text = clean?.bytes.toString('latin1') ?? '';
    expect(text).not.toContain('SECRET');
    expect(text).toContain('IHDR');
    const at = clean?.bytes.indexOf('IDAT') ?? -1;
    const length = clean?.bytes.readUInt32BE(at - 4) ?? 0;
    expect([...inflateSync(clean?.bytes.subarray(at + 4, at + 4 + length) ?? Buffer.alloc(0))].slice(0, 4)).toEqual([
      0, 255, 0, 0,
    ]);
  });

  it('keeps a JPEG’s JFIF header and scan and drops EXIF, XMP and comments', () => {
    const clean = sanitizePicture(jpegWithMetadata());
    expect(clean?.mime).toBe('image/jpeg');
    const text = clean?.bytes.toString('latin1') ?? '';
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('KidPhone');
    expect(text).toContain('JFIF');
    expect([...(clean?.bytes.subarray(-5) ?? [])]).toEqual([0x12, 0x34, 0x56, 0xff, 0xd9]);
  });

  it('refuses a picture whose structure is broken', () => {
    expect(sanitizePicture(pngWithMetadata().subarray(0, 40))).toBeNull();
    expect(sanitizePicture(jpegWithMetadata().subarray(0, 30))).toBeNull();
  });
});
