/**
 * Test page for background effects: starts the real pipeline on the (fake) camera and exposes a
 * small API on `window.effectsHarness` for Playwright. Served with the app's CSP.
 */
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createCameraCopier } from '../src/renderer/effects/camera-pixels';
import { createCompositor } from '../src/renderer/effects/compositor';
import { bundledPicture, fitPicture } from '../src/renderer/effects/picture';
import { createEffectsPipeline, type EffectsPipeline } from '../src/renderer/effects/pipeline';
import { EffectsPreview, useEffectsPipeline } from '../src/renderer/effects/EffectsPreview';
import { createI18n } from '../src/renderer/i18n/create-i18n';
import type { Background, BundledBackgroundId, Delegate, EffectsNotice, EffectsStats } from '../src/renderer/effects/types';
import { runBench, type BenchOptions, type BenchRow } from './bench';
import { maskAgreement, type AgreementOptions } from './mask-agreement';
import { encodeBitmap, measureFps, nextBitmap, type GrabbedFrame } from './frames';

export type StartOptions = Readonly<{
  delegate?: 'auto' | Delegate;
  inline?: boolean;
  adaptive?: boolean;
  frameBudgetMs?: number;
  /** Camera size to ask for. Default 640×480. */
  width?: number;
  height?: number;
}>;

export type BackgroundSpec =
  | Readonly<{ kind: 'off' }>
  | Readonly<{ kind: 'blur' }>
  | Readonly<{ kind: 'bundled'; id: BundledBackgroundId }>
  /** A user picture made of vertical bands of `colors`, `width` × `height`, handed over as a PNG Blob. */
  | Readonly<{ kind: 'stripes'; colors: readonly string[]; width: number; height: number }>;

export type EffectsHarness = {
  start(options?: StartOptions): Promise<void>;
  setBackground(spec: BackgroundSpec): Promise<void>;
  grab(which: 'output' | 'camera'): Promise<GrabbedFrame>;
  /** A bundled picture cover-fitted to `width` × `height`, as the pipeline shows it. */
  bundled(id: BundledBackgroundId, width: number, height: number): Promise<GrabbedFrame>;
  fps(ms: number): Promise<number>;
  stats(): EffectsStats;
  readonly notices: EffectsNotice[];
  readonly errors: string[];
  stop(): void;
  bench(options: BenchOptions): Promise<BenchRow[]>;
  /** IoU of our masks against the model run on every frame of the moving clip, per frame. */
  maskAgreement(options: AgreementOptions): Promise<number[]>;
  /** The WebGL renderer of this browser (e.g. SwiftShader), to say what gave a timing. */
  renderer(): string;
  /** Mounts EffectsPreview on a second pipeline of its own, as the settings screen does. */
  showPreview(): Promise<void>;
  /** The frame the preview's video shows now (unmirrored). */
  grabPreview(): Promise<GrabbedFrame>;
  hidePreview(): void;
  /**
   * Runs the compositor alone on masks `masks` (each `width` × `height`, in order) with a white camera
   * and a black picture, and returns the output at each mask texel's centre: the person value the
   * shaders computed, for comparison with the TypeScript reference.
   */
  conformance(masks: readonly (readonly number[])[], width: number, height: number): number[];
  /**
   * Runs the compositor alone on one CPU-processed mask (`mask`: 0…255, `width` × `height`, as the
   * CPU delegate's path hands it over, so drawn tile by tile) with a white camera and a black
   * picture, and returns the output (`output` size) at each pixel, top row first.
   */
  tiledConformance(
    mask: readonly number[],
    width: number,
    height: number,
    output: Readonly<{ width: number; height: number }>,
  ): number[];
  /**
   * The picture background drawn from a patterned camera and picture (each pixel its own colour)
   * with a disc mask, by the general shaders from the frame itself (a VideoFrame) and by the
   * shaders that read the texel under each pixel, from the frame and from its bytes (see
   * camera-pixels.ts); tile by tile (CPU mask) and in one pass (GPU mask). Counts the bytes that
   * differ from the general shaders' output, and the pixels that show the camera or the picture.
   */
  fetchConformance(output: Readonly<{ width: number; height: number }>): Promise<FetchConformance>;
  /**
   * Camera frames (BGRA, I420, NV12, 160×120) uploaded as they are and as the bytes the camera
   * copier makes of them, read back: per format, the bytes that differ (`-1`: the copier declined).
   */
  cameraCopyConformance(): Promise<Record<'BGRA' | 'I420' | 'NV12', number>>;
};

export type FetchConformance = Readonly<{
  tiled: Readonly<{ directFrame: number; directBytes: number; cameraPixels: number; picturePixels: number }>;
  onePass: Readonly<{ directFrame: number; directBytes: number; cameraPixels: number; picturePixels: number }>;
}>;

const ASSETS = new URL('./effects/', location.href);

async function stripesPicture(spec: Extract<BackgroundSpec, { kind: 'stripes' }>): Promise<Blob> {
  const canvas = new OffscreenCanvas(spec.width, spec.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  const band = spec.width / spec.colors.length;
  spec.colors.forEach((color, i) => {
    ctx.fillStyle = color;
    ctx.fillRect(Math.round(i * band), 0, Math.round((i + 1) * band) - Math.round(i * band), spec.height);
  });
  return canvas.convertToBlob({ type: 'image/png' });
}

let camera: MediaStream | null = null;
let pipeline: EffectsPipeline | null = null;
let previewRoot: Root | null = null;
let previewStream: MediaStream | null = null;
const notices: EffectsNotice[] = [];
const errors: string[] = [];

function running(): { camera: MediaStream; pipeline: EffectsPipeline } {
  if (!camera || !pipeline) throw new Error('harness not started');
  return { camera, pipeline };
}

const harness: EffectsHarness = {
  async start(options: StartOptions = {}): Promise<void> {
    harness.stop();
    notices.length = 0;
    errors.length = 0;
    camera = await navigator.mediaDevices.getUserMedia({
      video: { width: options.width ?? 640, height: options.height ?? 480, frameRate: 30 },
      audio: false,
    });
    const track = camera.getVideoTracks()[0];
    if (!track) throw new Error('no camera track');
    pipeline = createEffectsPipeline({
      track,
      assetsBase: ASSETS,
      delegate: options.delegate ?? 'auto',
      adaptive: options.adaptive ?? true,
      inline: options.inline ?? false,
      ...(options.frameBudgetMs === undefined ? {} : { frameBudgetMs: options.frameBudgetMs }),
      onError: (message) => errors.push(message),
    });
    pipeline.onNotice((n) => notices.push(n));
    const video = document.getElementById('output') as HTMLVideoElement;
    video.srcObject = new MediaStream([pipeline.outputTrack]);
    await pipeline.ready;
  },
  async setBackground(spec: BackgroundSpec): Promise<void> {
    const background: Background = spec.kind === 'stripes' ? { kind: 'picture', picture: await stripesPicture(spec) } : spec;
    await running().pipeline.setBackground(background);
  },
  async grab(which: 'output' | 'camera'): Promise<GrabbedFrame> {
    const { camera: cam, pipeline: pipe } = running();
    const track = which === 'output' ? pipe.outputTrack : cam.getVideoTracks()[0];
    if (!track) throw new Error('no track');
    return encodeBitmap(await nextBitmap(track));
  },
  async bundled(id: BundledBackgroundId, width: number, height: number): Promise<GrabbedFrame> {
    return encodeBitmap(fitPicture(bundledPicture(id), { width, height }));
  },
  fps: (ms: number) => measureFps(running().pipeline.outputTrack, ms),
  stats: () => running().pipeline.stats(),
  notices,
  errors,
  stop(): void {
    pipeline?.stop();
    for (const t of camera?.getTracks() ?? []) t.stop();
    pipeline = null;
    camera = null;
  },
  bench: (options: BenchOptions) => runBench({ ...options, assetsBase: ASSETS }),
  maskAgreement: (options: AgreementOptions) => maskAgreement({ ...options, assetsBase: ASSETS }),
  renderer(): string {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'no WebGL2';
  },
  conformance,
  tiledConformance,
  fetchConformance,
  cameraCopyConformance,
  async showPreview(): Promise<void> {
    const container = document.getElementById('preview');
    if (!container) throw new Error('no preview container');
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
    const track = stream.getVideoTracks()[0];
    if (!track) throw new Error('no camera track');
    function Settings(): ReturnType<typeof EffectsPreview> | null {
      const preview = useEffectsPipeline(track ?? null, ASSETS, { adaptive: false });
      return preview ? createElement(EffectsPreview, { pipeline: preview }) : null;
    }
    previewRoot = createRoot(container);
    previewRoot.render(createElement(I18nextProvider, { i18n: createI18n('en') }, createElement(Settings)));
    previewStream = stream;
  },
  async grabPreview(): Promise<GrabbedFrame> {
    const video = document.querySelector<HTMLVideoElement>('#preview video');
    if (!video || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) throw new Error('preview video not playing');
    return encodeBitmap(await createImageBitmap(video));
  },
  hidePreview(): void {
    previewRoot?.unmount();
    previewRoot = null;
    for (const t of previewStream?.getTracks() ?? []) t.stop();
    previewStream = null;
  },
};

function whiteCameraBlackPicture(output: Readonly<{ width: number; height: number }>): {
  gl: WebGL2RenderingContext;
  compositor: ReturnType<typeof createCompositor>;
} {
  const canvas = new OffscreenCanvas(output.width, output.height);
  const gl = canvas.getContext('webgl2', { antialias: false, preserveDrawingBuffer: true });
  if (!gl) throw new Error('no WebGL2');
  const compositor = createCompositor(gl);
  const solid = (color: string): OffscreenCanvas => {
    const c = new OffscreenCanvas(output.width, output.height);
    const ctx = c.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, c.width, c.height);
    return c;
  };
  compositor.resize({ output, mask: { width: 8, height: 8 }, blur: { width: 8, height: 8 } });
  compositor.uploadCamera(solid('#ffffff'));
  compositor.setPicture(solid('#000000'));
  return { gl, compositor };
}

function tiledConformance(
  mask: readonly number[],
  width: number,
  height: number,
  output: Readonly<{ width: number; height: number }>,
): number[] {
  const { gl, compositor } = whiteCameraBlackPicture(output);
  compositor.setProcessedMask(Uint8Array.from(mask), width, height);
  compositor.render('picture');
  const pixels = new Uint8Array(output.width * output.height * 4);
  gl.readPixels(0, 0, output.width, output.height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
  compositor.dispose();
  const values: number[] = [];
  // The canvas's row 0 is the bottom.
  for (let y = output.height - 1; y >= 0; y--)
    for (let x = 0; x < output.width; x++) values.push(pixels[4 * (y * output.width + x)]! / 255);
  return values;
}

function conformance(masks: readonly (readonly number[])[], width: number, height: number): number[] {
  // Output and mask the same size: each output pixel centre is a mask texel centre.
  const output = { width, height };
  const canvas = new OffscreenCanvas(output.width, output.height);
  const gl = canvas.getContext('webgl2', { antialias: false, preserveDrawingBuffer: true });
  if (!gl) throw new Error('no WebGL2');
  const compositor = createCompositor(gl);
  compositor.resize({ output, mask: { width, height }, blur: { width: 8, height: 8 } });
  const solid = (color: string): OffscreenCanvas => {
    const c = new OffscreenCanvas(output.width, output.height);
    const ctx = c.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, c.width, c.height);
    return c;
  };
  compositor.uploadCamera(solid('#ffffff'));
  compositor.setPicture(solid('#000000'));
  for (const mask of masks) compositor.updateMaskFromData(Float32Array.from(mask), width, height);
  compositor.render('picture');
  const pixels = new Uint8Array(output.width * output.height * 4);
  gl.readPixels(0, 0, output.width, output.height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
  compositor.dispose();
  const values: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // The canvas's row 0 is the bottom.
      const row = output.height - 1 - y;
      values.push(pixels[4 * (row * output.width + x)]! / 255);
    }
  }
  return values;
}

(window as unknown as { effectsHarness: EffectsHarness }).effectsHarness = harness;

async function fetchConformance(output: Readonly<{ width: number; height: number }>): Promise<FetchConformance> {
  const { width, height } = output;
  const camera = new Uint8Array(width * height * 4);
  const picture = new ImageData(width, height);
  for (let i = 0; i < width * height; i++) {
    const [x, y] = [i % width, Math.floor(i / width)];
    camera.set([(x * 7) & 255, (y * 5) & 255, (x + y) & 255, 255], 4 * i);
    picture.data.set([(y * 3) & 255, (x * 11) & 255, (x * y) & 255, 255], 4 * i);
  }
  const pictureCanvas = new OffscreenCanvas(width, height);
  pictureCanvas.getContext('2d')?.putImageData(picture, 0, 0);
  const [mw, mh] = [48, 36];
  const mask = new Uint8Array(mw * mh);
  const maskFloat = new Float32Array(mw * mh);
  for (let i = 0; i < mask.length; i++) {
    const d = Math.hypot((i % mw) - 26, Math.floor(i / mw) - 18) - 10;
    mask[i] = Math.round(255 * Math.min(1, Math.max(0, 0.5 - d / 4)));
    maskFloat[i] = mask[i]! / 255;
  }
  const draw = (directFetch: boolean, cameraFrom: 'frame' | 'bytes', tiled: boolean): Uint8Array => {
    const canvas = new OffscreenCanvas(width, height);
    const gl = canvas.getContext('webgl2', { antialias: false, preserveDrawingBuffer: true });
    if (!gl) throw new Error('no WebGL2');
    const compositor = createCompositor(gl, { directFetch });
    compositor.resize({ output, mask: { width: mw, height: mh }, blur: { width: 8, height: 8 } });
    compositor.setPicture(pictureCanvas);
    if (cameraFrom === 'bytes') {
      compositor.uploadCameraPixels({ data: camera, width, height });
    } else {
      const frame = new VideoFrame(camera, { format: 'RGBA', codedWidth: width, codedHeight: height, timestamp: 0 });
      compositor.uploadCamera(frame);
      frame.close();
    }
    if (tiled) compositor.setProcessedMask(mask, mw, mh);
    else compositor.updateMaskFromData(maskFloat, mw, mh);
    compositor.render('picture');
    const pixels = new Uint8Array(width * height * 4);
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    compositor.dispose();
    return pixels;
  };
  const differing = (a: Uint8Array, b: Uint8Array): number => a.reduce((n, v, i) => n + (v === b[i] ? 0 : 1), 0);
  const compare = (tiled: boolean): FetchConformance['tiled'] => {
    const general = draw(false, 'frame', tiled);
    let cameraPixels = 0;
    let picturePixels = 0;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        // The canvas's row 0 is the bottom.
        const at = 4 * ((height - 1 - y) * width + x);
        const src = 4 * (y * width + x);
        const rgb = (data: Uint8Array | Uint8ClampedArray): boolean =>
          data[src] === general[at] && data[src + 1] === general[at + 1] && data[src + 2] === general[at + 2];
        if (rgb(camera)) cameraPixels += 1;
        if (rgb(picture.data)) picturePixels += 1;
      }
    return {
      directFrame: differing(general, draw(true, 'frame', tiled)),
      directBytes: differing(general, draw(true, 'bytes', tiled)),
      cameraPixels,
      picturePixels,
    };
  };
  return { tiled: compare(true), onePass: compare(false) };
}

async function cameraCopyConformance(): Promise<Record<'BGRA' | 'I420' | 'NV12', number>> {
  const [width, height] = [160, 120];
  const canvas = new OffscreenCanvas(width, height);
  const gl = canvas.getContext('webgl2');
  if (!gl) throw new Error('no WebGL2');
  const texture = gl.createTexture();
  gl.bindTexture(gl.TEXTURE_2D, texture);
  gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA8, width, height);
  const framebuffer = gl.createFramebuffer();
  gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
  gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
  const readBack = (): Uint8Array => {
    const out = new Uint8Array(width * height * 4);
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, out);
    return out;
  };
  const colorSpace: VideoColorSpaceInit = { matrix: 'bt709', primaries: 'bt709', transfer: 'bt709', fullRange: false };
  const make = (format: 'BGRA' | 'I420' | 'NV12'): VideoFrame => {
    const n = width * height;
    const data = new Uint8Array(format === 'BGRA' ? 4 * n : (3 * n) / 2);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7 + Math.floor(i / width) * 3) & 255;
    if (format === 'BGRA') for (let i = 3; i < data.length; i += 4) data[i] = 255;
    return new VideoFrame(data, { format, codedWidth: width, codedHeight: height, timestamp: 0, colorSpace });
  };
  const copier = createCameraCopier();
  const result = { BGRA: -1, I420: -1, NV12: -1 };
  for (const format of ['BGRA', 'I420', 'NV12'] as const) {
    const frame = make(format);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, gl.RGBA, gl.UNSIGNED_BYTE, frame);
    const asFrame = readBack();
    const pixels = await copier.copy(frame);
    frame.close();
    if (!pixels) continue;
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
    gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels.data);
    const asBytes = readBack();
    result[format] = asFrame.reduce((n, v, i) => n + (v === asBytes[i] ? 0 : 1), 0);
  }
  gl.deleteFramebuffer(framebuffer);
  gl.deleteTexture(texture);
  return result;
}
