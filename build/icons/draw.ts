/**
 * Hearth's icon, drawn here from a few shapes (a house with a flame, on a rounded square) and
 * written as `icon.svg` (the source to look at), `icon.png` (1024 px: Linux, AppImage), `icon.ico`
 * (16–256 px: Windows, NSIS, MSI) and `icon.icns` (16–1024 px: macOS). No image tool is needed:
 * each size is rasterized with 4×4 samples per pixel and stored as PNG (ICO and ICNS both carry
 * PNG entries). `npm run package:icons` rewrites the files; the package:check test redraws them
 * and compares the pixels.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

type Rgb = readonly [number, number, number];
type Shape =
  | Readonly<{ kind: 'rounded-rect'; x: number; y: number; w: number; h: number; r: number; fill: Rgb }>
  | Readonly<{ kind: 'polygon'; points: readonly (readonly [number, number])[]; fill: Rgb }>
  | Readonly<{ kind: 'circle'; cx: number; cy: number; r: number; fill: Rgb }>;

/** The drawing, on a 1024 × 1024 canvas, back to front. */
export const ICON_SHAPES: readonly Shape[] = [
  { kind: 'rounded-rect', x: 64, y: 64, w: 896, h: 896, r: 200, fill: [0x2f, 0x48, 0x58] },
  {
    kind: 'polygon',
    points: [
      [512, 190],
      [830, 470],
      [194, 470],
    ],
    fill: [0xff, 0xf4, 0xe0],
  },
  { kind: 'rounded-rect', x: 270, y: 440, w: 484, h: 400, r: 40, fill: [0xff, 0xf4, 0xe0] },
  { kind: 'circle', cx: 512, cy: 680, r: 110, fill: [0xf2, 0x6b, 0x38] },
  {
    kind: 'polygon',
    points: [
      [512, 470],
      [612, 640],
      [412, 640],
    ],
    fill: [0xf2, 0x6b, 0x38],
  },
  { kind: 'circle', cx: 512, cy: 712, r: 52, fill: [0xff, 0xc8, 0x57] },
];

export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** ICNS entry types and their sizes (all PNG-encoded). */
export const ICNS_ENTRIES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
] as const;

function inside(shape: Shape, x: number, y: number): boolean {
  switch (shape.kind) {
    case 'circle':
      return (x - shape.cx) ** 2 + (y - shape.cy) ** 2 <= shape.r ** 2;
    case 'rounded-rect': {
      if (x < shape.x || y < shape.y || x > shape.x + shape.w || y > shape.y + shape.h) return false;
      const cx = Math.min(Math.max(x, shape.x + shape.r), shape.x + shape.w - shape.r);
      const cy = Math.min(Math.max(y, shape.y + shape.r), shape.y + shape.h - shape.r);
      return (x - cx) ** 2 + (y - cy) ** 2 <= shape.r ** 2;
    }
    case 'polygon': {
      let hit = false;
      const pts = shape.points;
      for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
        const [xi, yi] = pts[i] ?? [0, 0];
        const [xj, yj] = pts[j] ?? [0, 0];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
      }
      return hit;
    }
  }
}

const SAMPLES = 4;

/** The icon at `size` × `size`, RGBA, straight alpha. */
export function drawIcon(size: number): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  const scale = 1024 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) * scale;
          const y = (py + (sy + 0.5) / SAMPLES) * scale;
          let fill: Rgb | null = null;
          for (const shape of ICON_SHAPES) if (inside(shape, x, y)) fill = shape.fill;
          if (!fill) continue;
          r += fill[0];
          g += fill[1];
          b += fill[2];
          covered++;
        }
      }
      const at = (py * size + px) * 4;
      if (covered === 0) continue;
      rgba[at] = Math.round(r / covered);
      rgba[at + 1] = Math.round(g / covered);
      rgba[at + 2] = Math.round(b / covered);
      rgba[at + 3] = Math.round((covered * 255) / (SAMPLES * SAMPLES));
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG (8-bit RGBA, no filter) of `size` × `size` pixels. */
export function encodePng(rgba: Uint8Array, size: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))]);
}

/** An ICO whose entries are PNGs (Windows Vista and later), one per size. */
export function encodeIco(sizes: readonly number[]): Buffer {
  const pngs = sizes.map((size) => encodePng(drawIcon(size), size));
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(pngs[i]?.length ?? 0, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += pngs[i]?.length ?? 0;
  });
  return Buffer.concat([header, ...pngs]);
}

/** An ICNS whose entries are PNGs. */
export function encodeIcns(entries: typeof ICNS_ENTRIES): Buffer {
  const parts = entries.map(([type, size]) => {
    const png = encodePng(drawIcon(size), size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

const hex = (c: Rgb): string => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/** The same drawing as SVG. */
export function iconSvg(): string {
  const body = ICON_SHAPES.map((s) => {
    switch (s.kind) {
      case 'rounded-rect':
        return `  <rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" rx="${s.r}" fill="${hex(s.fill)}"/>`;
      case 'circle':
        return `  <circle cx="${s.cx}" cy="${s.cy}" r="${s.r}" fill="${hex(s.fill)}"/>`;
      case 'polygon':
        return `  <polygon points="${s.points.map(([x, y]) => `${x},${y}`).join(' ')}" fill="${hex(s.fill)}"/>`;
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" viewBox="0 0 1024 1024">\n${body.join('\n')}\n</svg>\n`;
}

export const ICON_DIR = import.meta.dirname;

function writeAll(): void {
  fs.writeFileSync(path.join(ICON_DIR, 'icon.svg'), iconSvg());
  fs.writeFileSync(path.join(ICON_DIR, 'icon.png'), encodePng(drawIcon(1024), 1024));
  fs.writeFileSync(path.join(ICON_DIR, 'icon.ico'), encodeIco(ICO_SIZES));
  fs.writeFileSync(path.join(ICON_DIR, 'icon.icns'), encodeIcns(ICNS_ENTRIES));
  process.stdout.write(`icons: wrote icon.svg, icon.png, icon.ico and icon.icns in ${path.relative(process.cwd(), ICON_DIR)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) writeAll();
