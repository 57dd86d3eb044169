/**
 * Entry of the self view's module worker (where the page is drawn in software): draws the
 * camera's frames onto the self view's canvas, transferred as an OffscreenCanvas, at most `fps`
 * times a second, so that none of it sits on the page's main thread. A new stream's frames (an
 * effect picked, a camera switched) replace the last ones. This file is the worker's composition
 * root, so it wires its message handler on load.
 */
import { drawSize, nextDraw, type SelfViewToWorker } from './self-view-protocol';
import { unknownCase } from './unknown-case';

type WorkerScope = {
  onmessage: ((event: MessageEvent<SelfViewToWorker>) => void) | null;
  /** How many streams are being read now (0 or 1; for tests and a debugger). */
  selfViewReading: number;
};
const scope = self as unknown as WorkerScope;
scope.selfViewReading = 0;

let canvas: OffscreenCanvas | null = null;
let ctx: OffscreenCanvasRenderingContext2D | null = null;
let shownWidth = 0;
let fps = 15;
let due = -Infinity;
let reader: ReadableStreamDefaultReader<VideoFrame> | null = null;

function drawFrame(frame: VideoFrame): void {
  const turn = nextDraw(due, performance.now(), fps);
  if (!ctx || !canvas || turn === null || frame.displayWidth === 0) return;
  due = turn;
  const { width, height } = drawSize(frame.displayWidth, frame.displayHeight, shownWidth);
  if (canvas.width !== width || canvas.height !== height) [canvas.width, canvas.height] = [width, height];
  ctx.drawImage(frame, 0, 0, width, height);
}

async function drawAll(mine: ReadableStreamDefaultReader<VideoFrame>): Promise<void> {
  for (;;) {
    const { value: frame, done } = await mine.read();
    if (done) return;
    try {
      if (reader === mine) drawFrame(frame);
    } catch {
      // One frame that could not be drawn (a size gone odd mid-switch): the next one may be.
    } finally {
      frame.close();
    }
    if (reader !== mine) return;
  }
}

/** Reads `frames` until they end or others replace them. */
function read(frames: ReadableStream<VideoFrame>): void {
  const mine = frames.getReader();
  reader = mine;
  scope.selfViewReading += 1;
  drawAll(mine)
    // A stream that errors (its track ended) just ends its drawing.
    .catch(() => undefined)
    .finally(() => {
      scope.selfViewReading -= 1;
      mine.cancel().catch(() => undefined);
    });
}

scope.onmessage = (event: MessageEvent<SelfViewToWorker>): void => {
  const message = event.data;
  switch (message.type) {
    case 'start':
      canvas = message.canvas;
      ctx = canvas.getContext('2d', { alpha: false });
      shownWidth = message.width;
      fps = message.fps;
      return;
    case 'width':
      shownWidth = message.width;
      return;
    case 'frames': {
      const old = reader;
      reader = null;
      // The last stream's frames stop here (its processor lets go of the track).
      old?.cancel().catch(() => undefined);
      if (message.frames) read(message.frames);
      return;
    }
    default:
      unknownCase('self view message', message);
  }
};
