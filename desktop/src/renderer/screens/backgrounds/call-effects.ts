/**
 * Background effects in calls: the child's remembered background is applied to the video a call
 * sends, through the call service's effects hook. With no background the camera goes out as it
 * is (no pipeline, no work); otherwise each call's camera runs through its own pipeline, whose
 * output track is what PeerJS sends and what the child sees of themself. The choice is read from
 * main at each call, so one made in "My background" meanwhile counts.
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

  /** The child's remembered choice, read again (it may have changed in "My background"). */
  async function refresh(): Promise<void> {
    const result = await deps.hearth.listMyBackgrounds();
    if (result.ok) publish({ choice: result.value.choice, error: null });
    else publish({ error: result.error });
  }

  /** The choice read again as a call's camera began to open (`prepare`), taken by its first run. */
  let prepared: Promise<void> | null = null;

  /**
   * Runs for each call's camera (and again after a camera switch or a new choice): the camera
   * itself for no background, otherwise a pipeline whose output track is sent. The choice is read
   * again from main at a call's start while the camera opens (`prepare`), so that round trip is
   * not added after the camera is there (issue 18: it is on a call's way to its first frame).
   */
  const run = async (camera: MediaStreamTrack): Promise<ProcessedVideo> => {
    const fresh = prepared;
    prepared = null;
    if (fresh) await fresh;
    else if (live.size === 0) await refresh();
    if (state.choice.kind === 'off') return { track: camera, stop: (): void => undefined };
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
  const processor: VideoProcessor = Object.assign(run, {
    prepare: (): Promise<void> => (prepared = refresh()),
  });

  return Object.freeze({
    async load(): Promise<void> {
      await refresh();
      if (installed) return;
      installed = true;
      await deps.hook.setVideoProcessor(processor);
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
      if (result.value.kind !== 'off' && live.size > 0) {
        // A running pipeline just changes what it draws: no new track, nothing to renegotiate.
        const background = await toEffectsBackground(deps.hearth, result.value);
        await Promise.all([...live].map((p) => p.setBackground(background)));
      } else if (installed) {
        // Runs the processor again on the call's camera (if in a call): pipeline on, or plain camera.
        await deps.hook.setVideoProcessor(processor);
      }
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
