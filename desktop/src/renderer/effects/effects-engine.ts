/**
 * One frame in, one composited frame out: runs the segmenter and the compositor on a canvas, walks
 * the quality ladder when frames get slow, and reports notices. Runs the same in a worker (on an
 * OffscreenCanvas) and on the main thread.
 */
import { createAdaptiveController, type AdaptiveController, type AdaptiveDecision } from './adaptive-controller';
import { createCompositor, type Compositor, type CompositorMode, type MaskPixels } from './compositor';
import { createCameraCopier } from './camera-pixels';
import type { Size } from './cover-fit';
import { createFrameStats } from './frame-stats';
import { createMaskPredictor } from './mask-motion';
import { createMaskProcessor } from './mask-processor';
import { createMotionGate } from './motion-gate';
import { bundledPicture, fitPicture, type PictureSource } from './picture';
import { buildLadder, levelSizes, MODEL_INPUT, softwareWebGl, type QualityLevel } from './quality-levels';
import { loadSegmenterFactory, type Segmenter, type SegmenterAssets, type SegmenterFactory } from './segmenter';
import type { BundledBackgroundId, Delegate, EffectsNotice, EffectsStats } from './types';

/** A background as the engine takes it: pictures already decoded. */
export type EngineBackground =
  | Readonly<{ kind: 'off' }>
  | Readonly<{ kind: 'blur' }>
  | Readonly<{ kind: 'bundled'; id: BundledBackgroundId }>
  | Readonly<{ kind: 'picture'; picture: ImageBitmap }>;

export type EffectsEngineOptions = Readonly<{
  canvas: OffscreenCanvas | HTMLCanvasElement;
  assets: SegmenterAssets;
  /** Camera frame rate. Default 30. */
  frameRate?: number;
  /** Time one frame may take before the effect gets cheaper, ms. Default: the camera's frame interval. */
  frameBudgetMs?: number;
  /** Delegate to start with; `auto` picks the GPU unless WebGL is software-rendered. Default `auto`. */
  delegate?: 'auto' | Delegate;
  /** Walk the quality ladder on slow frames. Default true. */
  adaptive?: boolean;
  onNotice(notice: EffectsNotice): void;
  /** Failures that the child hears about as a notice; the host logs them. */
  onError(error: unknown): void;
}>;

export type EffectsEngine = {
  /** Loads the model; frames processed before it is ready show no person (never the bare room). */
  start(): Promise<void>;
  setBackground(background: EngineBackground): void;
  /**
   * Composites one camera frame onto the canvas. The caller closes the frame once this settles,
   * and never starts the next one before (the camera copy and the predicted mask reuse buffers).
   */
  process(frame: VideoFrame): Promise<void>;
  stats(): EffectsStats;
  /** The person mask the last frame was drawn with (GPU read-back: for measurements only). */
  readMask(): MaskPixels | null;
  close(): void;
};

// MediaPipe's GPU masks come out top row first, like our textures (checked against the astronaut).
const GPU_MASK_FLIP_Y = false;

/** Size of the thumbnail the motion gate compares (the model's aspect, 1/8 of its input). */
const THUMB: Size = Object.freeze({ width: MODEL_INPUT.width / 8, height: MODEL_INPUT.height / 8 });

export function createEffectsEngine(options: EffectsEngineOptions): EffectsEngine {
  const frameRate = options.frameRate ?? 30;
  const budgetMs = options.frameBudgetMs ?? 1000 / frameRate;
  const gl = options.canvas.getContext('webgl2', {
    alpha: false,
    antialias: false,
    depth: false,
    stencil: false,
    premultipliedAlpha: false,
    preserveDrawingBuffer: false,
    powerPreference: 'high-performance',
  }) as WebGL2RenderingContext | null;
  if (!gl) throw new Error('WebGL2 is not available');
  const compositor: Compositor = createCompositor(gl);
  const frameStats = createFrameStats();
  const maskProcessor = createMaskProcessor();
  const motionGate = createMotionGate();
  const predictor = createMaskPredictor();
  const software = softwareWebGl(gl);
  // Software WebGL converts a VideoFrame on the CPU anyway: copying it out ourselves is faster.
  const cameraCopier = software ? createCameraCopier() : null;
  let thumbContext: OffscreenCanvasRenderingContext2D | null = null;
  const requested = options.delegate ?? 'auto';
  let ladder = buildLadder(requested !== 'auto' ? requested : software ? 'CPU' : 'GPU');
  let controller: AdaptiveController = createAdaptiveController({ budgetMs, levelCount: ladder.length });
  let level: QualityLevel = ladder[0]!;

  let factory: SegmenterFactory | null = null;
  let segmenter: Segmenter | null = null;
  let loading: Promise<void> | null = null;
  let loadingDelegate: Delegate | null = null;
  let loadGeneration = 0;
  let chosen: EngineBackground = { kind: 'off' };
  let autoOff = false;
  let unavailable = false;
  let pictureSource: PictureSource | null = null;
  let pictureFittedTo: Size | null = null;
  let output: Size | null = null;
  let lastTimestamp = -1;
  let lastFrameUs: number | null = null;
  let cameraIntervalUs = 1e6 / frameRate;
  let frameIndex = 0;
  let pendingFence: WebGLSync | null = null;
  let closed = false;

  function mode(): CompositorMode {
    if (autoOff || unavailable) return 'off';
    switch (chosen.kind) {
      case 'off':
        return 'off';
      case 'blur':
        return 'blur';
      case 'bundled':
      case 'picture':
        return 'picture';
      default: {
        const unknown: never = chosen;
        throw new Error(`unknown background ${String(unknown)}`);
      }
    }
  }

  function switchToDelegate(delegate: Delegate): Promise<void> {
    if (segmenter?.delegate === delegate) return Promise.resolve();
    if (loading && loadingDelegate === delegate) return loading;
    segmenter?.close();
    segmenter = null;
    // A newer request (another delegate) supersedes this one: its segmenter is then closed unused.
    const generation = ++loadGeneration;
    loadingDelegate = delegate;
    const attempt = (async (): Promise<void> => {
      if (!factory) factory = await loadSegmenterFactory(options.assets);
      let next: Segmenter;
      try {
        next = await factory(delegate, delegate === 'GPU' ? options.canvas : new OffscreenCanvas(1, 1));
      } catch (error) {
        if (delegate === 'CPU') throw error;
        // No usable GPU delegate here: the CPU ladder from now on.
        options.onError(error);
        ladder = buildLadder('CPU');
        controller = createAdaptiveController({ budgetMs, levelCount: ladder.length });
        level = ladder[0]!;
        if (output) compositor.resize(levelSizes(output, level));
        next = await factory('CPU', new OffscreenCanvas(1, 1));
      }
      if (closed || generation !== loadGeneration) next.close();
      else segmenter = next;
    })();
    const settled = attempt
      .catch((error: unknown) => {
        unavailable = true;
        options.onError(error);
        options.onNotice({ code: 'effects-unavailable' });
      })
      .finally(() => {
        if (loading === settled) loading = null;
      });
    loading = settled;
    return settled;
  }

  function applyLevel(next: QualityLevel): void {
    const delegateChanged = next.delegate !== level.delegate;
    level = next;
    motionGate.reset();
    predictor.reset();
    if (output) compositor.resize(levelSizes(output, level));
    if (delegateChanged) void switchToDelegate(level.delegate);
  }

  function onDecision(decision: AdaptiveDecision): void {
    switch (decision.kind) {
      case 'keep':
        return;
      case 'step-up':
        applyLevel(ladder[decision.level]!);
        return;
      case 'step-down': {
        const next = ladder[decision.level]!;
        options.onNotice({ code: next.delegate !== level.delegate ? 'effects-engine-switched' : 'effects-quality-lowered' });
        applyLevel(next);
        return;
      }
      case 'turn-off':
        autoOff = true;
        segmenter?.close();
        segmenter = null;
        options.onNotice({ code: 'effects-turned-off' });
        return;
      default: {
        const unknown: never = decision;
        throw new Error(`unknown decision ${String(unknown)}`);
      }
    }
  }

  function ensurePicture(): void {
    if (!output || !pictureSource) return;
    if (pictureFittedTo && pictureFittedTo.width === output.width && pictureFittedTo.height === output.height) return;
    compositor.setPicture(fitPicture(pictureSource, output));
    pictureFittedTo = output;
  }

  /**
   * The frame the CPU segmenter gets: shrunk to the model's own input size (it stretches any frame
   * to that anyway) by the browser's image decoder path (libyuv on the camera's own YUV), off the GL
   * pipeline, so no GPU read-back stalls the frame.
   */
  function reducedInput(frame: VideoFrame): Promise<ImageBitmap> {
    return createImageBitmap(frame, {
      resizeWidth: MODEL_INPUT.width,
      resizeHeight: MODEL_INPUT.height,
      resizeQuality: 'medium',
    });
  }

  /** Whether the last mask still fits `small` (little moved since the last segmented frame). */
  function maskStillFits(small: ImageBitmap): boolean {
    thumbContext ??= new OffscreenCanvas(THUMB.width, THUMB.height).getContext('2d', { willReadFrequently: true });
    if (!thumbContext) return false;
    thumbContext.drawImage(small, 0, 0, THUMB.width, THUMB.height);
    return motionGate.reuse(thumbContext.getImageData(0, 0, THUMB.width, THUMB.height).data);
  }

  return {
    start(): Promise<void> {
      return switchToDelegate(level.delegate);
    },

    setBackground(background: EngineBackground): void {
      const wasOff = mode() === 'off';
      chosen = background;
      if (background.kind === 'bundled') pictureSource = bundledPicture(background.id);
      else if (background.kind === 'picture') pictureSource = background.picture;
      else pictureSource = null;
      pictureFittedTo = null;
      compositor.setPicture(null);
      if (background.kind === 'off') return;
      if (autoOff) {
        // The child asked again: try once more from the cheapest level.
        autoOff = false;
        controller.reset(ladder.length - 1);
        level = ladder[ladder.length - 1]!;
        if (output) compositor.resize(levelSizes(output, level));
        void switchToDelegate(level.delegate);
      }
      if (wasOff) {
        compositor.resetMask();
        maskProcessor.reset();
        motionGate.reset();
        predictor.reset();
      }
    },

    async process(frame: VideoFrame): Promise<void> {
      const start = performance.now();
      // Camera frames that never reached us (the reader keeps only the newest): we are too slow.
      let missed = 0;
      if (lastFrameUs !== null) {
        const delta = frame.timestamp - lastFrameUs;
        // The camera's real interval: the shortest gap seen lately (cameras slow down in the dark).
        if (delta > 0) cameraIntervalUs = Math.min(delta, cameraIntervalUs * 1.01);
        missed = Math.max(0, Math.round(delta / cameraIntervalUs) - 1);
        frameStats.dropped(missed);
      }
      lastFrameUs = frame.timestamp;
      const size = { width: frame.displayWidth, height: frame.displayHeight };
      if (!output || output.width !== size.width || output.height !== size.height) {
        output = size;
        motionGate.reset();
        predictor.reset();
        compositor.resize(levelSizes(output, level));
      }
      // The GPU is still busy with the previous frame: count it as a slow frame.
      let gpuBehind = false;
      if (pendingFence) {
        gpuBehind = gl.getSyncParameter(pendingFence, gl.SYNC_STATUS) !== gl.SIGNALED;
        gl.deleteSync(pendingFence);
        pendingFence = null;
      }
      frameIndex += 1;
      const wantMask = mode() !== 'off' && segmenter !== null && frameIndex % level.segmentEvery === 0;
      // Moving the last mask on where the person moves steadily, or reusing it where little moved:
      // the segmenter (most of the frame's cost) rests. A predicted frame needs no thumbnail; it
      // counts toward the gate's reuse limit, so that the frame after the predicted ones is segmented.
      const predicted = wantMask && level.reducedInput ? predictor.predict(frameIndex) : null;
      if (predicted) motionGate.skip();
      // Both settle before anything goes on: a failed shrink must not leave the copy writing into
      // its buffer after the caller closed the frame.
      const [shrunk, copied] = await Promise.allSettled([
        wantMask && level.reducedInput && !predicted ? reducedInput(frame) : null,
        cameraCopier ? cameraCopier.copy(frame) : null,
      ] as const);
      if (shrunk.status === 'rejected') throw shrunk.reason;
      const small = shrunk.value;
      const cameraPixels = copied.status === 'fulfilled' ? copied.value : null;
      const stillFits = small !== null && maskStillFits(small);
      const segmenting = wantMask && !stillFits && !predicted;
      if (closed) {
        small?.close();
        return;
      }
      const current = mode();
      ensurePicture();
      let segmentMs: number | null = null;
      if (segmenting && segmenter && current !== 'off') {
        const t0 = performance.now();
        const timestamp = Math.max(lastTimestamp + 1, Math.round(frame.timestamp / 1000));
        lastTimestamp = timestamp;
        segmenter.segment(small ?? frame, timestamp, (mask) => {
          if (mask.hasWebGLTexture()) {
            compositor.updateMaskFromTexture({ texture: mask.getAsWebGLTexture(), flipY: GPU_MASK_FLIP_Y });
          } else {
            const { width, height } = mask;
            const processed = maskProcessor.process(mask.getAsFloat32Array(), width, height);
            compositor.setProcessedMask(processed, width, height);
            // A copy: the processor writes the next mask into the same buffer.
            predictor.observe(frameIndex, processed.slice(), width, height);
          }
        });
        segmentMs = performance.now() - t0;
      } else if (predicted && current !== 'off') {
        compositor.setProcessedMask(predicted.data, predicted.width, predicted.height);
      }
      small?.close();
      // After segmenting: MediaPipe's own GL conversion of its input then waits behind nothing of ours.
      if (cameraPixels) compositor.uploadCameraPixels(cameraPixels);
      else compositor.uploadCamera(frame);
      compositor.render(current);
      pendingFence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
      gl.flush();
      const end = performance.now();
      const frameMs = end - start;
      frameStats.record(end, frameMs, segmentMs);
      if (current !== 'off' && segmenter && !loading && options.adaptive !== false) {
        // What the frame really cost: its own time, or the camera frames it made us miss, or a GPU
        // that has not finished the previous frame (work our clock cannot see).
        onDecision(
          controller.record(Math.max(frameMs, missed > 0 ? (missed + 1) * budgetMs : 0, gpuBehind ? 1.5 * budgetMs : 0)),
        );
      }
    },

    stats(): EffectsStats {
      const now = performance.now();
      return {
        background: mode() === 'off' ? 'off' : chosen.kind,
        delegate: segmenter?.delegate ?? null,
        level: autoOff ? null : controller.level,
        fps: frameStats.fps(now),
        frameMs: frameStats.frameMs(),
        segmentMs: frameStats.segmentMs(),
        framesProcessed: frameStats.framesProcessed,
        framesDropped: frameStats.framesDropped,
        width: output?.width ?? 0,
        height: output?.height ?? 0,
      };
    },

    readMask: () => compositor.readMask(),

    close(): void {
      closed = true;
      segmenter?.close();
      segmenter = null;
      if (pendingFence) gl.deleteSync(pendingFence);
      compositor.dispose();
    },
  };
}
