/**
 * The final pass drawn tile by tile where the mask is on the CPU (see mask-tiles.ts): background
 * tiles read only the background, person tiles only the camera, edge tiles run the full composite.
 * Every pixel comes out as the full composite would draw it.
 */
import type { Size } from './cover-fit';
import { createProgram, type Program } from './gl-resources';
import { classifyTiles, edgeBytes, MASK_TILE, tileGeometry, type TileGeometry, type TileKind } from './mask-tiles';
import {
  BACKGROUND_TILE_FRAGMENT,
  CAMERA_TILE_FRAGMENT,
  COMPOSITE_FRAGMENT,
  PERSON_TILE_FRAGMENT,
  PICTURE_COMPOSITE_FRAGMENT,
  PICTURE_TILE_FRAGMENT,
  TILE_VERTEX,
} from './shaders';

export type TiledComposite = {
  /** The CPU mask just uploaded (0…255, top row first); `null`: the mask is not on the CPU, no tiles. */
  setMask(mask: Readonly<{ data: Uint8Array; width: number; height: number }> | null): void;
  /**
   * Draws the output to the canvas tile by tile; `bind` sets a program's textures and uniforms.
   * `direct`: a picture background, camera and picture of the output's size (the shaders that read
   * the texel under each pixel, see shaders.ts). False (nothing drawn) when there are no tiles: the
   * caller then draws the full pass.
   */
  draw(output: Size, bind: (program: Program) => void, direct: boolean): boolean;
  dispose(): void;
};

export function createTiledComposite(
  gl: WebGL2RenderingContext,
  edges: Readonly<{ edgeLow: number; edgeHigh: number }>,
): TiledComposite {
  const programs: Record<TileKind, Program> = {
    background: createProgram(gl, BACKGROUND_TILE_FRAGMENT, TILE_VERTEX),
    person: createProgram(gl, PERSON_TILE_FRAGMENT, TILE_VERTEX),
    edge: createProgram(gl, COMPOSITE_FRAGMENT, TILE_VERTEX),
  };
  const directPrograms: Record<TileKind, Program> = {
    background: createProgram(gl, PICTURE_TILE_FRAGMENT, TILE_VERTEX),
    person: createProgram(gl, CAMERA_TILE_FRAGMENT, TILE_VERTEX),
    edge: createProgram(gl, PICTURE_COMPOSITE_FRAGMENT, TILE_VERTEX),
  };
  const bounds = edgeBytes(edges.edgeLow, edges.edgeHigh);
  const buffer = gl.createBuffer();
  const vao = gl.createVertexArray();
  gl.bindVertexArray(vao);
  gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
  gl.bindVertexArray(null);
  gl.bindBuffer(gl.ARRAY_BUFFER, null);
  let geometry: TileGeometry | null = null;

  return {
    setMask(mask): void {
      if (!mask) {
        geometry = null;
        return;
      }
      const { data, width, height } = mask;
      geometry = tileGeometry(classifyTiles(data, width, height, MASK_TILE, bounds.low, bounds.high), width, height, MASK_TILE);
      gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
      gl.bufferData(gl.ARRAY_BUFFER, geometry.vertices, gl.DYNAMIC_DRAW);
      gl.bindBuffer(gl.ARRAY_BUFFER, null);
    },
    draw(output: Size, bind: (program: Program) => void, direct: boolean): boolean {
      if (!geometry) return false;
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
      gl.viewport(0, 0, output.width, output.height);
      gl.bindVertexArray(vao);
      for (const kind of ['background', 'person', 'edge'] as const) {
        const { first, count } = geometry.ranges[kind];
        if (count === 0) continue;
        bind((direct ? directPrograms : programs)[kind]);
        gl.drawArrays(gl.TRIANGLES, first, count);
      }
      gl.bindVertexArray(null);
      return true;
    },
    dispose(): void {
      for (const p of [...Object.values(programs), ...Object.values(directPrograms)]) gl.deleteProgram(p.program);
      gl.deleteBuffer(buffer);
      gl.deleteVertexArray(vao);
    },
  };
}
