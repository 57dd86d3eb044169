/** What the pipeline needs from where the engine runs (a worker, or the main thread). */
import type { EngineBackground } from './effects-engine';
import type { Delegate, EffectsNotice, EffectsStats } from './types';

/** A running engine as the pipeline drives it. */
export type EffectsHost = Readonly<{
  outputTrack: MediaStreamTrack;
  ready: Promise<void>;
  send(background: EngineBackground, transfer: Transferable[]): void;
  stop(): void;
}>;

export type HostEvents = Readonly<{
  onStats(stats: EffectsStats): void;
  onNotice(notice: EffectsNotice): void;
  onError(message: string): void;
}>;

/** The options a host reads (a subset of the pipeline's). */
export type HostOptions = Readonly<{
  track: MediaStreamTrack;
  assetsBase: string | URL;
  delegate?: 'auto' | Delegate;
  adaptive?: boolean;
  frameBudgetMs?: number;
}>;
