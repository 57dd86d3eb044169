/** Public types of the background effects. */
import type { BundledBackgroundId } from '@hearth/common';

/** Ids of the pictures that ship with the app: one list, `BUNDLED_BACKGROUNDS` in common. */
export type { BundledBackgroundId };

/** What the child chose to show behind them. */
export type Background =
  | Readonly<{ kind: 'off' }>
  | Readonly<{ kind: 'blur' }>
  | Readonly<{ kind: 'bundled'; id: BundledBackgroundId }>
  /** A picture the child chose (read from the child's own folder by the caller). */
  | Readonly<{ kind: 'picture'; picture: Blob | ImageBitmap }>;

export type BackgroundKind = Background['kind'];

/** Which MediaPipe backend runs the segmentation model. */
export type Delegate = 'GPU' | 'CPU';

/** Stable codes of what the pipeline tells the child. */
export type EffectsNoticeCode =
  | 'effects-quality-lowered'
  | 'effects-engine-switched'
  | 'effects-turned-off'
  | 'effects-unavailable'
  | 'effects-picture-unreadable';

/**
 * Something the child should know. Only a code: the screens say it in the child's language
 * (`backgrounds.notice.<code>` in the i18n catalogs).
 */
export type EffectsNotice = Readonly<{ code: EffectsNoticeCode }>;

/** A snapshot of how the pipeline is doing. */
export type EffectsStats = Readonly<{
  /** The background being drawn now (may differ from the chosen one after an automatic turn-off). */
  background: BackgroundKind;
  /** The delegate in use, `null` before the model is loaded or when it could not load. */
  delegate: Delegate | null;
  /** Index on the quality ladder (0 = best), `null` when the effect was turned off automatically. */
  level: number | null;
  /** Output frames per second over the last two seconds. */
  fps: number;
  /** Median time to process one frame, ms (segmentation + compositing). */
  frameMs: number;
  /** Median time of the segmentation step, ms. */
  segmentMs: number;
  framesProcessed: number;
  /** Camera frames the pipeline could not process in time. */
  framesDropped: number;
  width: number;
  height: number;
}>;

export const EMPTY_STATS: EffectsStats = Object.freeze({
  background: 'off',
  delegate: null,
  level: 0,
  fps: 0,
  frameMs: 0,
  segmentMs: 0,
  framesProcessed: 0,
  framesDropped: 0,
  width: 0,
  height: 0,
});
