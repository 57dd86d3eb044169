/** Messages between the pipeline (main thread) and the effects worker. */
import type { EngineBackground } from './effects-engine';
import type { SegmenterAssets } from './segmenter';
import type { Delegate, EffectsNotice, EffectsStats } from './types';

export type ToWorker =
  | Readonly<{
      type: 'init';
      /** Camera frames (a MediaStreamTrackProcessor's readable, transferred). */
      frames: ReadableStream<VideoFrame>;
      /** The output canvas, transferred from the placeholder whose captureStream() is the call's track. */
      canvas: OffscreenCanvas;
      assets: Omit<SegmenterAssets, 'moduleWorker'>;
      frameRate: number;
      frameBudgetMs: number | undefined;
      delegate: 'auto' | Delegate;
      adaptive: boolean;
    }>
  | Readonly<{ type: 'background'; background: EngineBackground }>
  | Readonly<{ type: 'stop' }>;

export type FromWorker =
  | Readonly<{ type: 'ready' }>
  | Readonly<{ type: 'stats'; stats: EffectsStats }>
  | Readonly<{ type: 'notice'; notice: EffectsNotice }>
  | Readonly<{ type: 'error'; message: string }>
  | Readonly<{ type: 'stopped' }>;

/** How often the worker reports its stats, ms. */
export const STATS_INTERVAL_MS = 500;
