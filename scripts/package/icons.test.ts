import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICNS_ENTRIES, ICO_SIZES, PNG_SIGNATURE, crc32, drawIcon, iconSvg } from '../../build/icons/draw';

const ICONS = path.resolve(import.meta.dirname, '..', '..', 'build', 'icons');
const read = (name: string): Buffer => fs.readFileSync(path.join(ICONS, name));

/** A PNG's size and RGBA pixels, every chunk's CRC checked (the encoder writes 8-bit RGBA, filter 0). */
function decodePng(png: Buffer): { size: number; rgba: Buffer } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  let at = 8;
  let size = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    if (type === 'IHDR') {
      size = data.readUInt32BE(0);
      expect(data.readUInt32BE(4)).toBe(size);
      expect([...data.subarray(8, 13)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    expect(raw[y * (size * 4 + 1)]).toBe(0);
    raw.copy(rgba, y * size * 4, y * (size * 4 + 1) + 1, (y + 1) * (size * 4 + 1));
  }
  return { size, rgba };
}

function expectDrawn(png: Buffer, size: number): void {
  const decoded = decodePng(png);
  expect(decoded.size).toBe(size);
  expect(decoded.rgba.equals(Buffer.from(drawIcon(size))), `the ${size} px pixels are the drawing's`).toBe(true);
}

describe('the icons drawn in build/icons', () => {
  it('icon.svg and icon.png (1024 px) are the drawing', () => {
    expect(read('icon.svg').toString('utf8')).toBe(iconSvg());
    expectDrawn(read('icon.png'), 1024);
  });

  it('icon.ico holds one PNG per Windows size, 16 to 256 px', () => {
    const ico = read('icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICO_SIZES.length]);
    ICO_SIZES.forEach((size, i) => {
      const entry = 6 + 16 * i;
      expect(ico.readUInt8(entry) || 256).toBe(size);
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expectDrawn(ico.subarray(offset, offset + length), size);
    });
  });

  it('icon.icns holds one PNG per macOS size, 16 to 1024 px', () => {
    const icns = read('icon.icns');
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    let at = 8;
    for (const [type, size] of ICNS_ENTRIES) {
      expect(icns.toString('ascii', at, at + 4)).toBe(type);
      const length = icns.readUInt32BE(at + 4);
      const png = icns.subarray(at + 8, at + length);
      if (size === 1024) expect(png.equals(read('icon.png'))).toBe(true);
      else expectDrawn(png, size);
      at += length;
    }
    expect(at).toBe(icns.length);
  });
});
