/**
 * In-page benchmark: our pipeline against MediaPipe's own compositing (`DrawingUtils.drawConfidenceMask`,
 * as its samples do) on the same frames, same delegate, same thread. Every frame ends with a
 * one-pixel read-back so that both pay for their GPU work.
 */
import { DrawingUtils, FilesetResolver, ImageSegmenter } from '@mediapipe/tasks-vision';
import { effectsAssetUrls } from '../src/renderer/effects/assets';
import type { Size } from '../src/renderer/effects/cover-fit';
import { createEffectsEngine } from '../src/renderer/effects/effects-engine';
import { median } from '../src/renderer/effects/frame-stats';
import { bundledPicture, fitPicture } from '../src/renderer/effects/picture';
import type { Delegate } from '../src/renderer/effects/types';
import { nextBitmap } from './frames';

export type BenchOptions = Readonly<{
  frames: number;
  warmup: number;
  sizes: readonly Size[];
  delegates: readonly Delegate[];
  assetsBase?: URL;
}>;

export type BenchRow = Readonly<{
  impl: 'ours' | 'reference';
  delegate: Delegate;
  width: number;
  height: number;
  medianMs: number;
  /** Delegate actually used (ours falls back to the CPU when the GPU delegate fails). */
  used: string;
}>;

async function cameraFrame(size: Size): Promise<ImageBitmap> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
  const track = stream.getVideoTracks()[0];
  if (!track) throw new Error('no camera');
  const bitmap = await nextBitmap(track);
  track.stop();
  return createImageBitmap(fitPicture(bitmap, size));
}

const probe = new Uint8Array(4);

/**
 * Waits until everything drawn so far is really done: reading a pixel back cannot return before
 * the GPU (here SwiftShader in the GPU process) has finished, unlike finish(), which Chromium may
 * return from early.
 */
function sync(gl: WebGL2RenderingContext): void {
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, probe);
}

function context(canvas: OffscreenCanvas): WebGL2RenderingContext {
  const gl = canvas.getContext('webgl2');
  if (!gl) throw new Error('no WebGL2');
  return gl;
}

type Contender = Readonly<{ step(frame: VideoFrame, timestampMs: number): Promise<void> | void; used(): string; close(): void }>;

async function ours(bitmap: ImageBitmap, delegate: Delegate, base: URL): Promise<Contender> {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const engine = createEffectsEngine({
    canvas,
    assets: { ...effectsAssetUrls(base), moduleWorker: false },
    delegate,
    adaptive: false,
    onNotice: () => undefined,
    onError: () => undefined,
  });
  await engine.start();
  engine.setBackground({ kind: 'bundled', id: 'sunset' });
  const gl = context(canvas);
  return {
    async step(frame: VideoFrame): Promise<void> {
      await engine.process(frame);
      sync(gl);
    },
    used: () => engine.stats().delegate ?? 'none',
    close: () => engine.close(),
  };
}

async function reference(bitmap: ImageBitmap, delegate: Delegate, base: URL): Promise<Contender> {
  const urls = effectsAssetUrls(base);
  const fileset = await FilesetResolver.forVisionTasks(urls.wasmBase);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const gl = context(canvas);
  const segmenter = await ImageSegmenter.createFromOptions(fileset, {
    baseOptions: { modelAssetPath: urls.modelUrl, delegate },
    runningMode: 'VIDEO',
    outputConfidenceMasks: true,
    outputCategoryMask: false,
    canvas,
  });
  const drawing = new DrawingUtils(gl);
  const background = fitPicture(bundledPicture('sunset'), { width: bitmap.width, height: bitmap.height });
  return {
    step(frame: VideoFrame, timestampMs: number): void {
      segmenter.segmentForVideo(frame, timestampMs, (result) => {
        const mask = result.confidenceMasks?.[0];
        if (mask) drawing.drawConfidenceMask(mask, background, frame);
      });
      sync(gl);
    },
    used: () => delegate,
    close(): void {
      drawing.close();
      segmenter.close();
    },
  };
}

/**
 * Both contenders on the same frames, taking turns frame by frame (who goes first alternates), so
 * that other load on the machine falls on both alike.
 */
async function race(bitmap: ImageBitmap, delegate: Delegate, options: BenchOptions, base: URL): Promise<BenchRow[]> {
  const contenders = { reference: await reference(bitmap, delegate, base), ours: await ours(bitmap, delegate, base) };
  const times: Record<keyof typeof contenders, number[]> = { reference: [], ours: [] };
  for (let i = 0; i < options.warmup + options.frames; i++) {
    const order = i % 2 === 0 ? (['reference', 'ours'] as const) : (['ours', 'reference'] as const);
    for (const name of order) {
      const frame = new VideoFrame(bitmap, { timestamp: i * 33_333 });
      const start = performance.now();
      await contenders[name].step(frame, i + 1);
      const elapsed = performance.now() - start;
      frame.close();
      if (i >= options.warmup) times[name].push(elapsed);
      // Let the page breathe between frames, as a camera would.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  const rows = (['reference', 'ours'] as const).map((impl) => ({
    impl,
    delegate,
    width: bitmap.width,
    height: bitmap.height,
    medianMs: median(times[impl]),
    used: contenders[impl].used(),
  }));
  contenders.reference.close();
  contenders.ours.close();
  return rows;
}

export async function runBench(options: BenchOptions): Promise<BenchRow[]> {
  const base = options.assetsBase ?? new URL('./effects/', location.href);
  const rows: BenchRow[] = [];
  for (const size of options.sizes) {
    const bitmap = await cameraFrame(size);
    for (const delegate of options.delegates) rows.push(...(await race(bitmap, delegate, options, base)));
  }
  return rows;
}
