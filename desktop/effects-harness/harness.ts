/**
 * Test page for background effects: starts the real pipeline on the (fake) camera and exposes a
 * small API on `window.effectsHarness` for Playwright. Served with the app's CSP.
 */
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
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
};

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
