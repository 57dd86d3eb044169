import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smoothstep } from './feathering';
import { classifyTiles, edgeBytes, tileGeometry, type TileKind } from './mask-tiles';

/** The person value the composite computes at mask coordinates (x, y) in texels, as the GPU filters (clamped bilinear). */
function personAt(data: Uint8Array, w: number, h: number, x: number, y: number): number {
  const sx = x - 0.5;
  const sy = y - 0.5;
  const x0 = Math.floor(sx);
  const y0 = Math.floor(sy);
  const fx = sx - x0;
  const fy = sy - y0;
  const at = (xx: number, yy: number): number =>
    data[Math.min(h - 1, Math.max(0, yy)) * w + Math.min(w - 1, Math.max(0, xx))]! / 255;
  const v = (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) + fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
  return smoothstep(0.3, 0.7, v);
}

describe('mask tiles', () => {
  const { low, high } = edgeBytes(0.3, 0.7);

  it('says background, person or edge for each tile, reading one texel beyond it', () => {
    const [w, h] = [8, 4];
    const data = new Uint8Array(w * h);
    // Person in columns 5..7; tile size 2: tile 1 (columns 2, 3) reads column 4 too, still background;
    // tile 2 (columns 4, 5) is an edge; tile 3 reads only person.
    for (let y = 0; y < h; y++) for (let x = 5; x < w; x++) data[y * w + x] = 255;
    const kinds = classifyTiles(data, w, h, 2, low, high);
    expect(kinds.slice(0, 4)).toEqual(['background', 'background', 'edge', 'person']);
    expect(kinds.slice(4)).toEqual(['background', 'background', 'edge', 'person']);
    // One texel of person at column 4 turns tile 1 into an edge: its filter reads that texel.
    data[4] = 255;
    expect(classifyTiles(data, w, h, 2, low, high)[1]).toBe('edge');
  });

  it('never calls a tile plain where the filtered mask is not plain there', () => {
    const [w, h, tile] = [12, 9, 3];
    const texel = fc.integer({ min: 0, max: 12 });
    fc.assert(
      fc.property(texel, texel, texel, texel, fc.integer({ min: 0, max: 255 }), (xa, xb, ya, yb, edge) => {
        // A person rectangle with a one-texel soft rim of value `edge`.
        const data = new Uint8Array(w * h);
        const [x0, x1, y0, y1] = [Math.min(xa, xb), Math.max(xa, xb), Math.min(ya, yb), Math.max(ya, yb)];
        for (let y = 0; y < h; y++)
          for (let x = 0; x < w; x++) {
            const inside = x >= x0 && x < x1 && y >= y0 && y < y1;
            const rim = x >= x0 - 1 && x <= x1 && y >= y0 - 1 && y <= y1;
            data[y * w + x] = inside ? 255 : rim ? edge : 0;
          }
        const kinds = classifyTiles(data, w, h, tile, low, high);
        const columns = Math.ceil(w / tile);
        for (let y = 0.125; y < h; y += 0.25)
          for (let x = 0.125; x < w; x += 0.25) {
            const kind = kinds[Math.floor(y / tile) * columns + Math.floor(x / tile)];
            const person = personAt(data, w, h, x, y);
            if (kind === 'background') expect(person).toBe(0);
            if (kind === 'person') expect(person).toBe(1);
          }
      }),
    );
  });

  it('covers the frame exactly once, with one rectangle per run of a kind along a row', () => {
    const [w, h, tile] = [10, 6, 4];
    const kinds: TileKind[] = ['background', 'background', 'edge', 'person', 'person', 'edge'];
    const { vertices, ranges } = tileGeometry(kinds, w, h, tile);
    expect(ranges).toEqual({
      background: { first: 0, count: 6 },
      person: { first: 6, count: 6 },
      edge: { first: 12, count: 12 },
    });
    let area = 0;
    for (let i = 0; i < vertices.length; i += 6) {
      const [ax, ay, bx, by, cx, cy] = Array.from(vertices.subarray(i, i + 6)) as [
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      area += Math.abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2;
    }
    expect(area).toBeCloseTo(1, 6);
    // The first background run: tiles 0 and 1 of the top row (x 0…0.8, y 1/3…1 with y up).
    expect(Math.max(...Array.from(vertices.subarray(0, 12)).filter((_, i) => i % 2 === 0))).toBeCloseTo(0.8);
    expect(Math.min(...Array.from(vertices.subarray(0, 12)).filter((_, i) => i % 2 === 1))).toBeCloseTo(1 / 3);
    expect(() => tileGeometry(kinds.slice(1), w, h, tile)).toThrow(RangeError);
  });
});
