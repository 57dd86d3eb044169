/**
 * Runs the engine on the main thread, for browsers without MediaStreamTrackProcessor or
 * OffscreenCanvas transfer: frames come from a hidden video element, one per new camera frame.
 */
import { effectsAssetUrls } from './assets';
import { createEffectsEngine } from './effects-engine';
import type { EffectsHost, HostEvents, HostOptions } from './host-types';
import { STATS_INTERVAL_MS } from './worker-protocol';

export function createInlineHost(options: HostOptions, events: HostEvents): EffectsHost {
  const settings = options.track.getSettings();
  const canvas = document.createElement('canvas');
  canvas.width = settings.width ?? 640;
  canvas.height = settings.height ?? 480;
  const outputTrack = canvas.captureStream().getVideoTracks()[0];
  if (!outputTrack) throw new Error('canvas capture gave no video track');
  const engine = createEffectsEngine({
    canvas,
    assets: { ...effectsAssetUrls(options.assetsBase), moduleWorker: false },
    frameRate: settings.frameRate ?? 30,
    ...(options.frameBudgetMs === undefined ? {} : { frameBudgetMs: options.frameBudgetMs }),
    delegate: options.delegate ?? 'auto',
    adaptive: options.adaptive ?? true,
    onNotice: events.onNotice,
    onError: (error) => events.onError(error instanceof Error ? error.message : String(error)),
  });
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([options.track]);
  let stopped = false;
  const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata): void => {
    if (stopped) return;
    let frame: VideoFrame;
    try {
      frame = new VideoFrame(video, { timestamp: Math.round(metadata.mediaTime * 1e6) });
    } catch (error) {
      // A frame the element could not give (it was between sources): wait for the next one, or
      // the chain of callbacks would end here and the effect stand still.
      events.onError(error instanceof Error ? error.message : String(error));
      video.requestVideoFrameCallback(onFrame);
      return;
    }
    engine
      .process(frame)
      .catch((error: unknown) => events.onError(error instanceof Error ? error.message : String(error)))
      .finally(() => {
        frame.close();
        if (!stopped) video.requestVideoFrameCallback(onFrame);
      });
  };
  video.requestVideoFrameCallback(onFrame);
  video.play().catch((error: unknown) => events.onError(`camera preview would not play: ${String(error)}`));
  const timer = setInterval(() => events.onStats(engine.stats()), STATS_INTERVAL_MS);
  return {
    outputTrack,
    ready: engine.start(),
    send(background): void {
      engine.setBackground(background);
    },
    stop(): void {
      stopped = true;
      clearInterval(timer);
      video.srcObject = null;
      outputTrack.stop();
      engine.close();
    },
  };
}
