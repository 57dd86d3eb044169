/**
 * Entry of the effects module worker: reads camera frames, runs the engine on the transferred
 * canvas. This file is the worker's composition root, so it wires its message handler on load.
 */
import { createEffectsEngine, type EffectsEngine } from './effects-engine';
import { STATS_INTERVAL_MS, type FromWorker, type ToWorker } from './worker-protocol';

type WorkerScope = {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  close(): void;
};
const scope = self as unknown as WorkerScope;

let engine: EffectsEngine | null = null;
let reader: ReadableStreamDefaultReader<VideoFrame> | null = null;
let statsTimer: ReturnType<typeof setInterval> | undefined;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const yieldChannel = new MessageChannel();
const waiting: Array<() => void> = [];
yieldChannel.port1.onmessage = (): void => waiting.shift()?.();

function endTask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    yieldChannel.port2.postMessage(null);
  });
}

async function pump(frames: ReadableStreamDefaultReader<VideoFrame>, target: EffectsEngine): Promise<void> {
  for (;;) {
    const { value: frame, done } = await frames.read();
    if (done || !frame) return;
    try {
      await target.process(frame);
    } finally {
      // Camera buffers are few: a frame kept open stalls the camera.
      frame.close();
    }
    // End the task: the canvas commits its frame at the end of a task, and by the next frame's
    // MediaPipe work (which draws in the shared context) it would be too late.
    await endTask();
  }
}

function init(message: Extract<ToWorker, { type: 'init' }>): void {
  const started = createEffectsEngine({
    canvas: message.canvas,
    assets: { ...message.assets, moduleWorker: true },
    frameRate: message.frameRate,
    ...(message.frameBudgetMs === undefined ? {} : { frameBudgetMs: message.frameBudgetMs }),
    delegate: message.delegate,
    adaptive: message.adaptive,
    onNotice: (notice) => scope.postMessage({ type: 'notice', notice }),
    onError: (error) => scope.postMessage({ type: 'error', message: describe(error) }),
  });
  engine = started;
  reader = message.frames.getReader();
  statsTimer = setInterval(() => scope.postMessage({ type: 'stats', stats: started.stats() }), STATS_INTERVAL_MS);
  void started.start().then(() => scope.postMessage({ type: 'ready' }));
  pump(reader, started).catch((error: unknown) => scope.postMessage({ type: 'error', message: describe(error) }));
}

function stop(): void {
  clearInterval(statsTimer);
  reader?.cancel().catch((error: unknown) => scope.postMessage({ type: 'error', message: describe(error) }));
  engine?.close();
  engine = null;
  scope.postMessage({ type: 'stopped' });
  scope.close();
}

scope.onmessage = (event: MessageEvent<ToWorker>): void => {
  const message = event.data;
  try {
    switch (message.type) {
      case 'init':
        init(message);
        return;
      case 'background':
        engine?.setBackground(message.background);
        return;
      case 'stop':
        stop();
        return;
      default: {
        const unknown: never = message;
        throw new Error(`unknown message ${String(unknown)}`);
      }
    }
  } catch (error) {
    scope.postMessage({ type: 'error', message: describe(error) });
  }
};
