/** Runs the engine in a module worker on the output canvas, transferred as an OffscreenCanvas. */
import { effectsAssetUrls } from './assets';
import type { EngineBackground } from './effects-engine';
import type { EffectsHost, HostEvents, HostOptions } from './host-types';
import { trackProcessor } from './media-types';
import type { FromWorker, ToWorker } from './worker-protocol';

export function createWorkerHost(options: HostOptions, events: HostEvents): EffectsHost {
  const Processor = trackProcessor();
  if (!Processor) throw new Error('no MediaStreamTrackProcessor');
  const frameRate = options.track.getSettings().frameRate ?? 30;
  const placeholder = document.createElement('canvas');
  const { width = 640, height = 480 } = options.track.getSettings();
  placeholder.width = width;
  placeholder.height = height;
  const outputTrack = placeholder.captureStream().getVideoTracks()[0];
  if (!outputTrack) throw new Error('canvas capture gave no video track');
  const offscreen = placeholder.transferControlToOffscreen();
  // maxBufferSize 1: when the worker falls behind it gets the newest frame, not a growing backlog.
  const frames = new Processor({ track: options.track, maxBufferSize: 1 }).readable;
  const worker = new Worker(new URL('./effects-worker.ts', import.meta.url), { type: 'module', name: 'hearth-effects' });
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  worker.onmessage = (event: MessageEvent<FromWorker>): void => {
    const message = event.data;
    switch (message.type) {
      case 'ready':
        resolveReady();
        return;
      case 'stats':
        events.onStats(message.stats);
        return;
      case 'notice':
        events.onNotice(message.notice);
        return;
      case 'error':
        events.onError(message.message);
        return;
      case 'stopped':
        worker.terminate();
        return;
      default: {
        const unknown: never = message;
        events.onError(`unknown worker message ${String(unknown)}`);
      }
    }
  };
  worker.onerror = (event: ErrorEvent): void => {
    events.onError(`effects worker failed: ${event.message}`);
    events.onNotice({ code: 'effects-unavailable' });
    resolveReady();
  };
  const init: ToWorker = {
    type: 'init',
    frames,
    canvas: offscreen,
    assets: effectsAssetUrls(options.assetsBase),
    frameRate,
    frameBudgetMs: options.frameBudgetMs,
    delegate: options.delegate ?? 'auto',
    adaptive: options.adaptive ?? true,
  };
  worker.postMessage(init, [frames as unknown as Transferable, offscreen]);
  return {
    outputTrack,
    ready,
    send(background: EngineBackground, transfer: Transferable[]): void {
      worker.postMessage({ type: 'background', background } satisfies ToWorker, transfer);
    },
    stop(): void {
      worker.postMessage({ type: 'stop' } satisfies ToWorker);
      // A worker stuck in a long frame still goes away.
      setTimeout(() => worker.terminate(), 1000);
      outputTrack.stop();
    },
  };
}
