/**
 * `createEffectsPipeline`: camera track in, effect track out, for the call and the preview. The work
 * runs in a module worker on an OffscreenCanvas; where the browser lacks what that needs, the same
 * engine runs on the main thread.
 */
import type { EngineBackground } from './effects-engine';
import { createInlineHost } from './inline-host';
import { trackProcessor } from './media-types';
import { EMPTY_STATS, type Background, type Delegate, type EffectsNotice, type EffectsStats } from './types';
import type { HostEvents } from './host-types';
import { createWorkerHost } from './worker-host';

export type EffectsPipelineOptions = Readonly<{
  /** The camera track; the caller keeps it and stops it. */
  track: MediaStreamTrack;
  /**
   * URL of the folder the app ships the effect assets in (`wasm/` and `models/`, see
   * desktop/scripts/copy-effects-assets.ts), on the app's own origin.
   */
  assetsBase: string | URL;
  /** Background at start. Default `{ kind: 'off' }`. */
  background?: Background;
  /** Delegate to start with. Default `auto` (GPU unless WebGL is software-rendered). */
  delegate?: 'auto' | Delegate;
  /** Lower the quality, then turn the effect off, when frames get slow. Default true. */
  adaptive?: boolean;
  /** Time one frame may take before the effect gets cheaper, ms. Default: the camera's frame interval. */
  frameBudgetMs?: number;
  /** Run on the main thread even where a worker would do. Default false. */
  inline?: boolean;
  /** Called with failures worth logging (the child hears about them as notices). */
  onError?: (message: string) => void;
}>;

export type EffectsPipeline = {
  /** The track to send in the call and to show in the preview. */
  readonly outputTrack: MediaStreamTrack;
  /** Resolves once the model is loaded (or could not load, which a notice reports). */
  readonly ready: Promise<void>;
  /** Switches the background; resolves when the worker has it. Unreadable pictures keep the old one. */
  setBackground(background: Background): Promise<void>;
  /** Latest stats (updated twice a second). */
  stats(): EffectsStats;
  /** Subscribes to notices for the child; returns the unsubscribe function. */
  onNotice(listener: (notice: EffectsNotice) => void): () => void;
  /** Stops the worker and the output track (not the camera track). */
  stop(): void;
};

async function toEngineBackground(background: Background): Promise<{ background: EngineBackground; transfer: Transferable[] }> {
  if (background.kind !== 'picture') return { background, transfer: [] };
  // Decode here (a copy for an ImageBitmap) so the worker owns its own bitmap.
  const bitmap = await createImageBitmap(background.picture);
  return { background: { kind: 'picture', picture: bitmap }, transfer: [bitmap] };
}

export function createEffectsPipeline(options: EffectsPipelineOptions): EffectsPipeline {
  const listeners = new Set<(notice: EffectsNotice) => void>();
  let latest: EffectsStats = EMPTY_STATS;
  const events: HostEvents = {
    onStats: (stats) => {
      latest = stats;
    },
    onNotice: (n) => {
      for (const listener of listeners) listener(n);
    },
    onError: (message) => options.onError?.(message),
  };
  const useWorker = !options.inline && trackProcessor() !== null && 'transferControlToOffscreen' in HTMLCanvasElement.prototype;
  const host = useWorker ? createWorkerHost(options, events) : createInlineHost(options, events);

  async function setBackground(background: Background): Promise<void> {
    let prepared: Awaited<ReturnType<typeof toEngineBackground>>;
    try {
      prepared = await toEngineBackground(background);
    } catch (error) {
      events.onError(`picture could not be decoded: ${error instanceof Error ? error.message : String(error)}`);
      events.onNotice({ code: 'effects-picture-unreadable' });
      return;
    }
    host.send(prepared.background, prepared.transfer);
  }

  if (options.background) void setBackground(options.background);
  return {
    outputTrack: host.outputTrack,
    ready: host.ready,
    setBackground,
    stats: () => latest,
    onNotice(listener: (n: EffectsNotice) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => host.stop(),
  };
}
