/**
 * Background effects in calls: the child's remembered background is applied to the video a call
 * sends, through the call service's effects hook. With no background the camera goes out as it
 * is (no pipeline, no work); otherwise each call's camera runs through its own pipeline, whose
 * output track is what PeerJS sends and what the child sees of themself.
 */
import type { BackgroundChoice, ErrorBody, HearthApi } from '@hearth/common';
import type { ProcessedVideo, VideoProcessor } from '../../calls/call-types';
import type { EffectsNoticeCode, EffectsPipeline, EffectsPipelineOptions } from '../../effects';
import { toEffectsBackground } from './background-choice';

/** The part of the call service the effects use. */
export type EffectsHook = Readonly<{ setVideoProcessor: (processor: VideoProcessor | null) => Promise<void> }>;

export type CallEffectsDeps = Readonly<{
  hearth: HearthApi;
  hook: EffectsHook;
  assetsBase: string;
  /** Makes a pipeline (tests pass a stand-in). */
  createPipeline: (options: EffectsPipelineOptions) => EffectsPipeline;
}>;

export type CallEffectsState = Readonly<{
  choice: BackgroundChoice;
  /** What the pipeline last told the child (cleared by a new choice). */
  notice: EffectsNoticeCode | null;
  error: ErrorBody | null;
}>;

export type CallEffects = Readonly<{
  /** Reads the child's remembered background and sets the call's video up for it. */
  load: () => Promise<void>;
  state: () => CallEffectsState;
  subscribe: (listener: () => void) => () => void;
  /** Switches the background (now, in a running call too) and remembers it for the child. */
  choose: (choice: BackgroundChoice) => Promise<boolean>;
  /** Takes the effects out of the call service and stops every pipeline. */
  dispose: () => Promise<void>;
}>;

export function createCallEffects(deps: CallEffectsDeps): CallEffects {
  let state: CallEffectsState = { choice: { kind: 'off' }, notice: null, error: null };
  const listeners = new Set<() => void>();
  const live = new Set<EffectsPipeline>();
  let installed = false;

  const publish = (next: Partial<CallEffectsState>): void => {
    state = { ...state, ...next };
    for (const l of [...listeners]) l();
  };

  const processor: VideoProcessor = async (camera: MediaStreamTrack): Promise<ProcessedVideo> => {
    const background = await toEffectsBackground(deps.hearth, state.choice);
    const pipeline = deps.createPipeline({ track: camera, assetsBase: deps.assetsBase, background });
    live.add(pipeline);
    const stopNotices = pipeline.onNotice((n) => publish({ notice: n.code }));
    return {
      track: pipeline.outputTrack,
      stop: (): void => {
        stopNotices();
        live.delete(pipeline);
        pipeline.stop();
      },
    };
  };

  /** Installs the processor when there is something to draw, takes it out for no background. */
  async function apply(): Promise<void> {
    if (state.choice.kind === 'off') {
      if (!installed) return;
      installed = false;
      await deps.hook.setVideoProcessor(null);
      return;
    }
    if (!installed) {
      // In a call, the service runs the processor on the camera at once; otherwise at the next call.
      installed = true;
      await deps.hook.setVideoProcessor(processor);
      return;
    }
    const background = await toEffectsBackground(deps.hearth, state.choice);
    await Promise.all([...live].map((p) => p.setBackground(background)));
  }

  return Object.freeze({
    async load(): Promise<void> {
      const result = await deps.hearth.listMyBackgrounds();
      if (!result.ok) {
        publish({ error: result.error });
        return;
      }
      publish({ choice: result.value.choice, error: null });
      await apply();
    },
    state: () => state,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async choose(choice: BackgroundChoice): Promise<boolean> {
      const result = await deps.hearth.setMyBackground({ choice });
      if (!result.ok) {
        publish({ error: result.error });
        return false;
      }
      publish({ choice: result.value, notice: null, error: null });
      await apply();
      return true;
    },
    async dispose(): Promise<void> {
      if (installed) await deps.hook.setVideoProcessor(null);
      installed = false;
      for (const p of [...live]) p.stop();
      live.clear();
    },
  });
}
