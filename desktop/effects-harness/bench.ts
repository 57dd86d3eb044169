/**
 * In-page benchmark: our pipeline against MediaPipe's own compositing (`DrawingUtils.drawConfidenceMask`,
 * as its samples do) on the same frames, same delegate, same thread. Every frame ends with
 * `gl.finish()` so that both pay for their GPU work.
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

function context(canvas: OffscreenCanvas): WebGL2RenderingContext {
  const gl = canvas.getContext('webgl2');
  if (!gl) throw new Error('no WebGL2');
  return gl;
}

async function timeFrames(bitmap: ImageBitmap, options: BenchOptions, step: (frame: VideoFrame) => void): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < options.warmup + options.frames; i++) {
    const frame = new VideoFrame(bitmap, { timestamp: i * 33_333 });
    const start = performance.now();
    step(frame);
    times.push(performance.now() - start);
    frame.close();
    // Let the page breathe between frames, as a camera would.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return median(times.slice(options.warmup));
}

async function ours(bitmap: ImageBitmap, delegate: Delegate, options: BenchOptions, base: URL): Promise<BenchRow> {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const errors: unknown[] = [];
  const engine = createEffectsEngine({
    canvas,
    assets: { ...effectsAssetUrls(base), moduleWorker: false },
    delegate,
    adaptive: false,
    onNotice: () => undefined,
    onError: (error) => errors.push(error),
  });
  await engine.start();
  engine.setBackground({ kind: 'bundled', id: 'sunset' });
  const gl = context(canvas);
  const medianMs = await timeFrames(bitmap, options, (frame) => {
    engine.process(frame);
    gl.finish();
  });
  const used = engine.stats().delegate ?? 'none';
  engine.close();
  return { impl: 'ours', delegate, width: bitmap.width, height: bitmap.height, medianMs, used };
}

async function reference(bitmap: ImageBitmap, delegate: Delegate, options: BenchOptions, base: URL): Promise<BenchRow> {
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
  let timestamp = 0;
  const medianMs = await timeFrames(bitmap, options, (frame) => {
    segmenter.segmentForVideo(frame, ++timestamp, (result) => {
      const mask = result.confidenceMasks?.[0];
      if (mask) drawing.drawConfidenceMask(mask, background, frame);
    });
    gl.finish();
  });
  drawing.close();
  segmenter.close();
  return { impl: 'reference', delegate, width: bitmap.width, height: bitmap.height, medianMs, used: delegate };
}

export async function runBench(options: BenchOptions): Promise<BenchRow[]> {
  const base = options.assetsBase ?? new URL('./effects/', location.href);
  const rows: BenchRow[] = [];
  for (const size of options.sizes) {
    const bitmap = await cameraFrame(size);
    for (const delegate of options.delegates) {
      rows.push(await reference(bitmap, delegate, options, base));
      rows.push(await ours(bitmap, delegate, options, base));
    }
  }
  return rows;
}
