/**
 * Our WebGL2 compositor: temporal smoothing and feathering of the person mask, a masked gaussian
 * blur of the room at reduced resolution, or a picture, then one full-resolution blend to the
 * canvas. It shares the canvas's context with MediaPipe so that GPU masks never leave the GPU.
 */
import type { Size } from './cover-fit';
import { DEFAULT_FEATHER, gaussianKernel, linearSampledKernel, type FeatherParams, type LinearKernel } from './feathering';
import {
  createProgram,
  createTarget,
  createTexture,
  deleteTarget,
  releaseState,
  type Program,
  type RenderTarget,
} from './gl-resources';
import {
  BLUR_PREPARE_FRAGMENT,
  COMPOSITE_FRAGMENT,
  MASK_SMOOTH_FRAGMENT,
  MAX_BLUR_TAPS,
  PICTURE_COMPOSITE_FRAGMENT,
  SEPARABLE_BLUR_FRAGMENT,
} from './shaders';
import { DEFAULT_SMOOTHING, type SmoothingParams } from './temporal-smoothing';
import { imageSize, sameSize } from './image-size';
import { createTiledComposite } from './tiled-composite';

export type CompositorMode = 'off' | 'blur' | 'picture';

/** Sizes of the output and of the two reduced working resolutions. */
export type CompositorSizes = Readonly<{ output: Size; mask: Size; blur: Size }>;

/** A person mask already on the GPU (MediaPipe's GPU delegate). */
export type GpuMask = Readonly<{ texture: WebGLTexture; flipY: boolean }>;

export type CompositorOptions = Readonly<{
  feather?: FeatherParams;
  smoothing?: SmoothingParams;
  /** Gaussian sigma of the background blur, in blur-resolution texels. Default 3. */
  blurSigma?: number;
  /**
   * Whether the picture background's final pass may read the texel under each pixel where camera
   * and picture are the output's size (see PICTURE_COMPOSITE_FRAGMENT). Default true; false keeps
   * the general shaders (to compare the two).
   */
  directFetch?: boolean;
}>;

export type Compositor = {
  resize(sizes: CompositorSizes): void;
  /** The picture background, already cover-fitted to the output size; `null` drops it. */
  setPicture(picture: TexImageSource | null): void;
  uploadCamera(frame: TexImageSource): void;
  /** The camera frame as RGBA bytes, top row first (see camera-pixels.ts). */
  uploadCameraPixels(pixels: Readonly<{ data: Uint8Array; width: number; height: number }>): void;
  /** Smooths and feathers a mask produced on the GPU. */
  updateMaskFromTexture(mask: GpuMask): void;
  /** Smooths and feathers a mask produced on the CPU (values 0…1, top row first), on the GPU. */
  updateMaskFromData(data: Float32Array, width: number, height: number): void;
  /** Takes a mask already smoothed and blurred on the CPU (see mask-processor.ts), 0…255, top row first. */
  setProcessedMask(data: Uint8Array, width: number, height: number): void;
  /** Forgets the mask history (new person, new size, effect switched on). */
  resetMask(): void;
  /** Draws the output frame to the canvas. */
  render(mode: CompositorMode): void;
  /**
   * The mask the last render used (smoothed and feathered, before the edge smoothstep), 0…255, top
   * row first, read back from the GPU: slow, for measurements only. `null` before the first mask.
   */
  readMask(): MaskPixels | null;
  dispose(): void;
};

/** One-channel mask pixels, top row first. */
export type MaskPixels = Readonly<{ data: Uint8Array; width: number; height: number }>;

const UNITS = 3;

function kernelUniforms(kernel: LinearKernel): { offsets: Float32Array; weights: Float32Array; taps: number } {
  if (kernel.offsets.length > MAX_BLUR_TAPS) throw new RangeError('blur kernel too wide for the shader');
  const offsets = new Float32Array(MAX_BLUR_TAPS);
  const weights = new Float32Array(MAX_BLUR_TAPS);
  offsets.set(kernel.offsets);
  weights.set(kernel.weights);
  return { offsets, weights, taps: kernel.offsets.length };
}

export function createCompositor(gl: WebGL2RenderingContext, options: CompositorOptions = {}): Compositor {
  const feather = options.feather ?? DEFAULT_FEATHER;
  const smoothing = options.smoothing ?? DEFAULT_SMOOTHING;
  const blurSigma = options.blurSigma ?? 3;
  const featherKernel = kernelUniforms(linearSampledKernel(gaussianKernel(feather.radius, feather.sigma)));
  const blurKernel = kernelUniforms(linearSampledKernel(gaussianKernel(Math.ceil(blurSigma * 2), blurSigma)));

  const smoothProgram = createProgram(gl, MASK_SMOOTH_FRAGMENT);
  const blurProgram = createProgram(gl, SEPARABLE_BLUR_FRAGMENT);
  const prepareProgram = createProgram(gl, BLUR_PREPARE_FRAGMENT);
  const compositeProgram = createProgram(gl, COMPOSITE_FRAGMENT);
  const pictureCompositeProgram = createProgram(gl, PICTURE_COMPOSITE_FRAGMENT);
  const directFetch = options.directFetch ?? true;
  const tiled = createTiledComposite(gl, feather);
  const vao = gl.createVertexArray();
  const camera = createTexture(gl);
  const cpuMask = createTexture(gl);
  const picture = createTexture(gl);
  const processed = createTexture(gl);
  let processedSize: Size | null = null;
  // Where the current mask lives: our GPU chain, or a CPU-processed upload.
  let maskSource: 'gpu' | 'cpu' = 'gpu';
  let cpuMaskSize: Size | null = null;
  // MediaPipe's GPU masks are float textures: bilinear filtering of those needs this extension.
  const floatLinear = gl.getExtension('OES_texture_float_linear') !== null;
  let hasPicture = false;
  // Sizes of the images in the camera and picture textures (`null`: not known).
  let cameraSize: Size | null = null;
  let pictureSize: Size | null = null;
  // Size of the camera image last uploaded from bytes; `null` after an upload of a frame itself.
  let cameraPixelsSize: Size | null = null;

  let sizes: CompositorSizes | null = null;
  // Mask chain: two smoothing targets used in turn (previous / current), and two for the feather blur.
  let smoothed: [RenderTarget, RenderTarget] | null = null;
  let featherTemp: RenderTarget | null = null;
  let feathered: RenderTarget | null = null;
  let blurA: RenderTarget | null = null;
  let blurB: RenderTarget | null = null;
  let current = 0;
  let hasMask = false;

  /** Uploads a picture or camera frame into `texture`, as it is (no flip, no premultiplied alpha). */
  function uploadImage(texture: WebGLTexture, source: TexImageSource): void {
    bindTexture(0, texture);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, source);
    releaseState(gl, UNITS);
  }

  /**
   * Uploads pixel data into `texture`: a new image when `held` (the size it holds) is not the
   * data's size, else in place. Returns the size it holds now.
   */
  function uploadData(
    texture: WebGLTexture,
    held: Size | null,
    mask: Readonly<{ data: Float32Array | Uint8Array; width: number; height: number }>,
    format: Readonly<{ internal: GLenum; format: GLenum; type: GLenum; alignment: number }>,
  ): Size {
    const { data, width, height } = mask;
    bindTexture(0, texture);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, format.alignment);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    if (!held || held.width !== width || held.height !== height) {
      gl.texImage2D(gl.TEXTURE_2D, 0, format.internal, width, height, 0, format.format, format.type, data);
    } else {
      gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, width, height, format.format, format.type, data);
    }
    releaseState(gl, UNITS);
    return { width, height };
  }

  function bindTexture(unit: number, texture: WebGLTexture): void {
    gl.activeTexture(gl.TEXTURE0 + unit);
    gl.bindTexture(gl.TEXTURE_2D, texture);
  }

  function drawTo(target: RenderTarget | null, width: number, height: number): void {
    gl.bindFramebuffer(gl.FRAMEBUFFER, target ? target.framebuffer : null);
    gl.viewport(0, 0, width, height);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
  }

  function beginPasses(): void {
    gl.bindVertexArray(vao);
    gl.disable(gl.BLEND);
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.SCISSOR_TEST);
    gl.disable(gl.CULL_FACE);
    gl.disable(gl.STENCIL_TEST);
    gl.colorMask(true, true, true, true);
  }

  function blurPass(source: RenderTarget, target: RenderTarget, kernel: typeof featherKernel, horizontal: boolean): void {
    gl.useProgram(blurProgram.program);
    bindTexture(0, source.texture);
    gl.uniform1i(blurProgram.uniform('uSource'), 0);
    gl.uniform2f(blurProgram.uniform('uStep'), horizontal ? 1 / source.width : 0, horizontal ? 0 : 1 / source.height);
    gl.uniform1fv(blurProgram.uniform('uOffsets'), kernel.offsets);
    gl.uniform1fv(blurProgram.uniform('uWeights'), kernel.weights);
    gl.uniform1i(blurProgram.uniform('uTaps'), kernel.taps);
    drawTo(target, target.width, target.height);
  }

  function smoothAndFeather(maskTexture: WebGLTexture, flipY: boolean): void {
    if (!smoothed || !featherTemp || !feathered) throw new Error('compositor used before resize()');
    beginPasses();
    const previous = smoothed[current]!;
    const next = smoothed[1 - current]!;
    gl.useProgram(smoothProgram.program);
    bindTexture(0, maskTexture);
    bindTexture(1, previous.texture);
    gl.uniform1i(smoothProgram.uniform('uMask'), 0);
    gl.uniform1i(smoothProgram.uniform('uPrevious'), 1);
    gl.uniform1f(smoothProgram.uniform('uFlipMask'), flipY ? 1 : 0);
    gl.uniform1f(smoothProgram.uniform('uHasPrevious'), hasMask ? 1 : 0);
    gl.uniform4f(
      smoothProgram.uniform('uSmoothing'),
      smoothing.alphaStill,
      smoothing.alphaMoving,
      smoothing.motionLow,
      smoothing.motionHigh,
    );
    drawTo(next, next.width, next.height);
    current = 1 - current;
    if (feather.radius > 0) {
      blurPass(next, featherTemp, featherKernel, true);
      blurPass(featherTemp, feathered, featherKernel, false);
    }
    hasMask = true;
    maskSource = 'gpu';
    tiled.setMask(null);
    releaseState(gl, UNITS);
  }

  function maskTexture(): WebGLTexture | null {
    if (maskSource === 'cpu') return processed;
    if (!smoothed || !feathered) return null;
    return feather.radius > 0 ? feathered.texture : smoothed[current]!.texture;
  }

  function disposeTargets(): void {
    for (const t of [smoothed?.[0] ?? null, smoothed?.[1] ?? null, featherTemp, feathered, blurA, blurB]) deleteTarget(gl, t);
    smoothed = null;
    featherTemp = feathered = blurA = blurB = null;
  }

  return {
    resize(next: CompositorSizes): void {
      if (
        sizes &&
        sizes.output.width === next.output.width &&
        sizes.output.height === next.output.height &&
        sizes.mask.width === next.mask.width &&
        sizes.mask.height === next.mask.height &&
        sizes.blur.width === next.blur.width &&
        sizes.blur.height === next.blur.height
      ) {
        return;
      }
      disposeTargets();
      sizes = next;
      const { mask, blur } = next;
      smoothed = [createTarget(gl, mask.width, mask.height, gl.R8), createTarget(gl, mask.width, mask.height, gl.R8)];
      featherTemp = createTarget(gl, mask.width, mask.height, gl.R8);
      feathered = createTarget(gl, mask.width, mask.height, gl.R8);
      blurA = createTarget(gl, blur.width, blur.height, gl.RGBA8);
      blurB = createTarget(gl, blur.width, blur.height, gl.RGBA8);
      hasMask = false;
      const canvas = gl.canvas;
      if (canvas.width !== next.output.width) canvas.width = next.output.width;
      if (canvas.height !== next.output.height) canvas.height = next.output.height;
      releaseState(gl, UNITS);
    },

    setPicture(source: TexImageSource | null): void {
      hasPicture = source !== null;
      pictureSize = source ? imageSize(source) : null;
      if (source) uploadImage(picture, source);
    },

    uploadCamera(frame: TexImageSource): void {
      uploadImage(camera, frame);
      cameraSize = imageSize(frame);
      cameraPixelsSize = null;
    },

    uploadCameraPixels(pixels: Readonly<{ data: Uint8Array; width: number; height: number }>): void {
      cameraPixelsSize = uploadData(camera, cameraPixelsSize, pixels, {
        internal: gl.RGBA8,
        format: gl.RGBA,
        type: gl.UNSIGNED_BYTE,
        alignment: 4,
      });
      cameraSize = cameraPixelsSize;
    },

    updateMaskFromTexture(mask: GpuMask): void {
      bindTexture(0, mask.texture);
      const filter = floatLinear ? gl.LINEAR : gl.NEAREST;
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, filter);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, filter);
      smoothAndFeather(mask.texture, mask.flipY);
    },

    updateMaskFromData(data: Float32Array, width: number, height: number): void {
      // R16F is filterable in core WebGL2 and accepts float input: bilinear upsampling for free.
      cpuMaskSize = uploadData(
        cpuMask,
        cpuMaskSize,
        { data, width, height },
        { internal: gl.R16F, format: gl.RED, type: gl.FLOAT, alignment: 4 },
      );
      smoothAndFeather(cpuMask, false);
    },

    setProcessedMask(data: Uint8Array, width: number, height: number): void {
      processedSize = uploadData(
        processed,
        processedSize,
        { data, width, height },
        { internal: gl.R8, format: gl.RED, type: gl.UNSIGNED_BYTE, alignment: 1 },
      );
      hasMask = true;
      maskSource = 'cpu';
      tiled.setMask({ data, width, height });
    },

    resetMask(): void {
      hasMask = false;
    },

    render(mode: CompositorMode): void {
      if (!sizes || !blurA || !blurB) throw new Error('compositor used before resize()');
      beginPasses();
      const mask = maskTexture();
      const effective: CompositorMode = mode === 'picture' && !hasPicture ? 'blur' : mode;
      if (effective === 'blur' && mask) {
        gl.useProgram(prepareProgram.program);
        bindTexture(0, camera);
        bindTexture(1, mask);
        gl.uniform1i(prepareProgram.uniform('uCamera'), 0);
        gl.uniform1i(prepareProgram.uniform('uMask'), 1);
        gl.uniform2f(prepareProgram.uniform('uHalfTexel'), 0.25 / blurA.width, 0.25 / blurA.height);
        gl.uniform2f(prepareProgram.uniform('uEdges'), feather.edgeLow, feather.edgeHigh);
        gl.uniform1f(prepareProgram.uniform('uHasMask'), hasMask ? 1 : 0);
        drawTo(blurA, blurA.width, blurA.height);
        blurPass(blurA, blurB, blurKernel, true);
        blurPass(blurB, blurA, blurKernel, false);
      }
      bindTexture(0, camera);
      bindTexture(1, mask ?? camera);
      bindTexture(2, effective === 'picture' ? picture : blurA.texture);
      const lastRow = sizes.output.height - 1;
      const bind = (program: Program): void => {
        gl.useProgram(program.program);
        gl.uniform1i(program.uniform('uCamera'), 0);
        gl.uniform1i(program.uniform('uMask'), 1);
        gl.uniform1i(program.uniform('uBackground'), 2);
        gl.uniform1i(program.uniform('uMode'), effective === 'off' ? 0 : effective === 'blur' ? 1 : 2);
        gl.uniform2f(program.uniform('uEdges'), feather.edgeLow, feather.edgeHigh);
        gl.uniform1f(program.uniform('uHasMask'), hasMask ? 1 : 0);
        gl.uniform1i(program.uniform('uLastRow'), lastRow);
      };
      const output = sizes.output;
      const direct = directFetch && effective === 'picture' && sameSize(cameraSize, output) && sameSize(pictureSize, output);
      // Tile by tile where the mask is on the CPU; else (GPU mask, no mask yet, effect off) in one pass.
      const drewTiles = effective !== 'off' && hasMask && maskSource === 'cpu' && tiled.draw(output, bind, direct);
      if (!drewTiles) {
        bind(direct ? pictureCompositeProgram : compositeProgram);
        drawTo(null, sizes.output.width, sizes.output.height);
      }
      releaseState(gl, UNITS);
    },

    readMask(): MaskPixels | null {
      const texture = maskTexture();
      const size = maskSource === 'cpu' ? processedSize : sizes?.mask;
      if (!hasMask || !texture || !size) return null;
      const framebuffer = gl.createFramebuffer();
      gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
      gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
      const rgba = new Uint8Array(size.width * size.height * 4);
      gl.readPixels(0, 0, size.width, size.height, gl.RGBA, gl.UNSIGNED_BYTE, rgba);
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
      gl.deleteFramebuffer(framebuffer);
      const data = new Uint8Array(size.width * size.height);
      for (let i = 0; i < data.length; i++) data[i] = rgba[4 * i]!;
      return { data, width: size.width, height: size.height };
    },

    dispose(): void {
      disposeTargets();
      for (const t of [camera, cpuMask, picture, processed]) gl.deleteTexture(t);
      for (const p of [smoothProgram, blurProgram, prepareProgram, compositeProgram, pictureCompositeProgram]) {
        gl.deleteProgram(p.program);
      }
      tiled.dispose();
      gl.deleteVertexArray(vao);
    },
  };
}
