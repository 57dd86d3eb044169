/**
 * Which parts of the frame need the whole composite. On the CPU mask (see mask-processor.ts), the
 * frame is cut into tiles of mask texels: where every texel the GPU's bilinear filter can read for
 * a tile is at or below the feather's low edge, the tile shows only background; at or above the
 * high edge, only the camera; else it is an edge tile. The compositor then draws each kind with a
 * shader that reads only what it shows: software GL pays for every texel read, and most of the
 * frame is plain background or plain person.
 */

export type TileKind = 'background' | 'person' | 'edge';

/** Vertices (x, y in 0…1, y up as the canvas) of two triangles per tile, grouped by kind. */
export type TileGeometry = Readonly<{
  vertices: Float32Array;
  /** First vertex and vertex count of each kind in `vertices`. */
  ranges: Readonly<Record<TileKind, Readonly<{ first: number; count: number }>>>;
}>;

/**
 * Tile size in mask texels (12: 30×40 pixels of a 640×480 frame). Measured on SwiftShader: 8 and
 * 32 cost more (more edge area, or more triangles), 12 and 16 about the same.
 */
export const MASK_TILE = 12;

const KINDS: readonly TileKind[] = ['background', 'person', 'edge'];

/**
 * Kind of each tile, row by row (top row of tiles first). `low`/`high`: the feather's edges as
 * 8-bit mask values, `low` the largest value that is still pure background, `high` the smallest
 * that is pure person.
 */
export function classifyTiles(
  data: Uint8Array,
  width: number,
  height: number,
  tile: number,
  low: number,
  high: number,
): TileKind[] {
  if (data.length !== width * height) throw new RangeError('mask size does not match width × height');
  const columns = Math.ceil(width / tile);
  const rows = Math.ceil(height / tile);
  const kinds: TileKind[] = [];
  for (let ty = 0; ty < rows; ty++) {
    // Bilinear filtering anywhere in the tile reads up to one texel beyond it on each side.
    const y0 = Math.max(0, ty * tile - 1);
    const y1 = Math.min(height, (ty + 1) * tile + 1);
    for (let tx = 0; tx < columns; tx++) {
      const x0 = Math.max(0, tx * tile - 1);
      const x1 = Math.min(width, (tx + 1) * tile + 1);
      let min = 255;
      let max = 0;
      for (let y = y0; y < y1; y++) {
        const row = y * width;
        for (let x = x0; x < x1; x++) {
          const v = data[row + x]!;
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
      kinds.push(max <= low ? 'background' : min >= high ? 'person' : 'edge');
    }
  }
  return kinds;
}

/**
 * Two triangles per run of tiles of one kind along a row (fewer, larger triangles: software GL
 * pays for each), background runs first, then person, then edge runs.
 */
export function tileGeometry(kinds: readonly TileKind[], width: number, height: number, tile: number): TileGeometry {
  const columns = Math.ceil(width / tile);
  const rows = Math.ceil(height / tile);
  if (kinds.length !== columns * rows) throw new RangeError('one kind per tile expected');
  const byKind: Record<TileKind, number[]> = { background: [], person: [], edge: [] };
  for (let ty = 0; ty < rows; ty++) {
    // Mask rows run top down; the canvas's y runs bottom up.
    const top = 1 - (ty * tile) / height;
    const bottom = Math.max(0, 1 - ((ty + 1) * tile) / height);
    let start = 0;
    for (let tx = 1; tx <= columns; tx++) {
      const kind = kinds[ty * columns + start]!;
      if (tx < columns && kinds[ty * columns + tx] === kind) continue;
      const left = (start * tile) / width;
      const right = Math.min(1, (tx * tile) / width);
      byKind[kind].push(left, bottom, right, bottom, left, top, left, top, right, bottom, right, top);
      start = tx;
    }
  }
  const vertices = new Float32Array(byKind.background.length + byKind.person.length + byKind.edge.length);
  const ranges = {} as Record<TileKind, { first: number; count: number }>;
  let at = 0;
  for (const kind of KINDS) {
    vertices.set(byKind[kind], at);
    ranges[kind] = { first: at / 2, count: byKind[kind].length / 2 };
    at += byKind[kind].length;
  }
  return { vertices, ranges };
}

/**
 * The feather's edges (0…1) as the 8-bit bounds classifyTiles() takes, one value inside each so
 * that the filter's own rounding cannot cross an edge.
 */
export function edgeBytes(edgeLow: number, edgeHigh: number): Readonly<{ low: number; high: number }> {
  return { low: Math.floor(edgeLow * 255) - 1, high: Math.ceil(edgeHigh * 255) + 1 };
}
