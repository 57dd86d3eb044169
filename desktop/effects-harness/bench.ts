/**
 * In-page benchmark: our pipeline against MediaPipe's own compositing (`DrawingUtils.drawConfidenceMask`,
 * as its samples do) on the same frames, same delegate, same thread. Every frame ends with a
 * one-pixel read-back so that both pay for their GPU work.
 */
import { DrawingUtils, FilesetResolver, ImageSegmenter } from '@mediapipe/tasks-vision';
import { effectsAssetUrls } from '../src/renderer/effects/assets';
import type { Size } from '../src/renderer/effects/cover-fit';
import { createEffectsEngine, type EffectsEngine } from '../src/renderer/effects/effects-engine';
import { median } from '../src/renderer/effects/frame-stats';
import { bundledPicture, fitPicture } from '../src/renderer/effects/picture';
import type { Delegate } from '../src/renderer/effects/types';
import { movingClip, type Clip } from './clip';
import { nextBitmap } from './frames';

export type BenchOptions = Readonly<{
  /** Measured frames of the moving clip (after `warmup` more). */
  frames: number;
  warmup: number;
  size: Size;
  delegates: readonly Delegate[];
  assetsBase?: URL;
}>;

export type BenchRow = Readonly<{
  impl: 'ours' | 'reference';
  delegate: Delegate;
  width: number;
  height: number;
  medianMs: number;
  /** Wall time over all measured frames, ms. */
  totalMs: number;
  /** Delegate actually used (ours falls back to the CPU when the GPU delegate fails). */
  used: string;
}>;

/** One frame of the (fake) camera: the astronaut, 640×480. */
export async function cameraPerson(): Promise<ImageBitmap> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
  const track = stream.getVideoTracks()[0];
  if (!track) throw new Error('no camera');
  const bitmap = await nextBitmap(track);
  track.stop();
  return bitmap;
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

export function context(canvas: OffscreenCanvas): WebGL2RenderingContext {
  const gl = canvas.getContext('webgl2');
  if (!gl) throw new Error('no WebGL2');
  return gl;
}

export type Contender = Readonly<{
  step(frame: VideoFrame, timestampMs: number): Promise<void> | void;
  used(): string;
  close(): void;
}>;

export async function ours(size: Size, delegate: Delegate, base: URL): Promise<Contender & { readonly engine: EffectsEngine }> {
  const canvas = new OffscreenCanvas(size.width, size.height);
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
    engine,
    async step(frame: VideoFrame): Promise<void> {
      await engine.process(frame);
      sync(gl);
    },
    used: () => engine.stats().delegate ?? 'none',
    close: () => engine.close(),
  };
}

export async function reference(size: Size, delegate: Delegate, base: URL): Promise<Contender> {
  const urls = effectsAssetUrls(base);
  const fileset = await FilesetResolver.forVisionTasks(urls.wasmBase);
  const canvas = new OffscreenCanvas(size.width, size.height);
  const gl = context(canvas);
  const segmenter = await ImageSegmenter.createFromOptions(fileset, {
    baseOptions: { modelAssetPath: urls.modelUrl, delegate },
    runningMode: 'VIDEO',
    outputConfidenceMasks: true,
    outputCategoryMask: false,
    canvas,
  });
  const drawing = new DrawingUtils(gl);
  const background = fitPicture(bundledPicture('sunset'), size);
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
 * Both contenders on the same frames of the moving clip, taking turns frame by frame (who goes
 * first alternates), so that other load on the machine falls on both alike.
 */
async function race(clip: Clip, delegate: Delegate, options: BenchOptions, base: URL): Promise<BenchRow[]> {
  const contenders = { reference: await reference(clip.size, delegate, base), ours: await ours(clip.size, delegate, base) };
  const times: Record<keyof typeof contenders, number[]> = { reference: [], ours: [] };
  for (let i = 0; i < options.warmup + options.frames; i++) {
    const measured = i >= options.warmup;
    const order = i % 2 === 0 ? (['reference', 'ours'] as const) : (['ours', 'reference'] as const);
    // Warm-up frames are the clip's first ones too: the measured run starts at frame 0.
    const frame = clip.frame(measured ? i - options.warmup : i, i * 33_333);
    for (const name of order) {
      const start = performance.now();
      await contenders[name].step(frame, i + 1);
      const elapsed = performance.now() - start;
      if (measured) times[name].push(elapsed);
      // Let the page breathe between frames, as a camera would.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    frame.close();
  }
  const rows = (['reference', 'ours'] as const).map((impl) => ({
    impl,
    delegate,
    width: clip.size.width,
    height: clip.size.height,
    medianMs: median(times[impl]),
    totalMs: times[impl].reduce((sum, t) => sum + t, 0),
    used: contenders[impl].used(),
  }));
  contenders.reference.close();
  contenders.ours.close();
  return rows;
}

export async function runBench(options: BenchOptions): Promise<BenchRow[]> {
  const base = options.assetsBase ?? new URL('./effects/', location.href);
  const clip = movingClip(await cameraPerson(), options.size);
  const rows: BenchRow[] = [];
  for (const delegate of options.delegates) rows.push(...(await race(clip, delegate, options, base)));
  return rows;
}
