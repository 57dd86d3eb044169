import { useEffect, useLayoutEffect, useRef, useState, type ReactElement } from 'react';
import { trackProcessor } from '../effects/media-types';
import { softwareWebGl } from '../effects/quality-levels';
import { drawSize, nextDraw, type SelfViewToWorker } from './self-view-protocol';
import { useMediaElement } from './use-media-element';

/** At most this many self-view frames a second where the page is drawn in software. */
const SOFTWARE_SELF_VIEW_FPS = 15;
/** The canvas's width before its first frame, and where its shown width is not known. */
const DEFAULT_WIDTH = 320;

let software: boolean | undefined;

/**
 * Whether this page is drawn in software (no GPU, or one Chromium will not use): its WebGL is
 * SwiftShader, llvmpipe or the like, or there is none. Asked once, on the first self view.
 */
function softwareCompositing(): boolean {
  if (software !== undefined) return software;
  const gl = document.createElement('canvas').getContext('webgl');
  software = !gl || softwareWebGl(gl);
  gl?.getExtension('WEBGL_lose_context')?.loseContext();
  return software;
}

/** How many pixels wide `canvas` is shown: a camera frame is drawn no wider (`drawSize`). */
const shownWidth = (canvas: HTMLCanvasElement): number =>
  Math.round(canvas.clientWidth * window.devicePixelRatio) || DEFAULT_WIDTH;

/** What draws the self view's canvas: the stream it shows (a new one replaces the last), until `stop`. */
type Drawing = Readonly<{ show: (stream: MediaStream) => void; stop: () => void }>;

/**
 * Draws into `canvas` in a worker, at most `SOFTWARE_SELF_VIEW_FPS` times a second; null where this
 * page cannot (no breakout box, OffscreenCanvas or worker). `failed`: the worker could not start or
 * broke (the canvas, handed over, can then show nothing more).
 */
function drawInWorker(canvas: HTMLCanvasElement, failed: () => void): Drawing | null {
  const Processor = trackProcessor();
  if (!Processor || typeof canvas.transferControlToOffscreen !== 'function' || typeof Worker !== 'function') return null;
  const offscreen = canvas.transferControlToOffscreen();
  const worker = new Worker(new URL('./self-view-worker.ts', import.meta.url), { type: 'module', name: 'hearth-self-view' });
  worker.onerror = (event): void => {
    event.preventDefault();
    failed();
  };
  const post = (message: SelfViewToWorker, transfer: Transferable[] = []): void => worker.postMessage(message, transfer);
  post({ type: 'start', canvas: offscreen, width: shownWidth(canvas), fps: SOFTWARE_SELF_VIEW_FPS }, [offscreen]);
  const resized = new ResizeObserver(() => post({ type: 'width', width: shownWidth(canvas) }));
  resized.observe(canvas);
  // The worker reads a copy of the track, ended here when it is done with (whatever the worker does).
  let reading: MediaStreamTrack | null = null;
  return {
    show(stream: MediaStream): void {
      reading?.stop();
      reading = stream.getVideoTracks()[0]?.clone() ?? null;
      // maxBufferSize 1: a worker that falls behind gets the newest frame, not a backlog.
      const frames = reading ? new Processor({ track: reading, maxBufferSize: 1 }).readable : null;
      post({ type: 'frames', frames }, frames ? [frames as unknown as Transferable] : []);
    },
    stop(): void {
      resized.disconnect();
      reading?.stop();
      worker.terminate();
    },
  };
}

/** Draws `stream` into `canvas` on this thread, at most `SOFTWARE_SELF_VIEW_FPS` times a second, until the returned stop. */
function drawHere(canvas: HTMLCanvasElement, stream: MediaStream): () => void {
  const source = document.createElement('video');
  source.muted = true;
  source.playsInline = true;
  source.srcObject = stream;
  const ctx = canvas.getContext('2d', { alpha: false });
  let due = -Infinity;
  let handle = 0;
  const draw = (now: number): void => {
    handle = source.requestVideoFrameCallback(draw);
    const turn = nextDraw(due, now, SOFTWARE_SELF_VIEW_FPS);
    if (!ctx || source.videoWidth === 0 || turn === null) return;
    due = turn;
    const { width, height } = drawSize(source.videoWidth, source.videoHeight, shownWidth(canvas));
    if (canvas.width !== width || canvas.height !== height) [canvas.width, canvas.height] = [width, height];
    ctx.drawImage(source, 0, 0, width, height);
  };
  handle = source.requestVideoFrameCallback(draw);
  source.play().catch(() => undefined);
  return () => {
    source.cancelVideoFrameCallback(handle);
    source.pause();
    source.srcObject = null;
  };
}

/** The same on this thread, where a worker cannot draw. */
function drawOnPage(canvas: HTMLCanvasElement): Drawing {
  let stopLast: (() => void) | null = null;
  return {
    show(stream: MediaStream): void {
      stopLast?.();
      stopLast = drawHere(canvas, stream);
    },
    stop: () => stopLast?.(),
  };
}

/**
 * Ourselves, small (mirrored by the `call-self` style). Where the page is drawn in software, a
 * second playing video held the whole page back: in headless Chromium on a 2-core PC the page
 * redrew about 35 times a second instead of 60, and the friend's video showed 23–26 of its 30
 * frames (`bench:network`). There it is a canvas, redrawn at most 15 times a second in step with
 * the camera. A worker draws it: drawn on the main thread, each frame took it 15–140 ms on a busy
 * 2-core PC, the friend's video there lost frames and froze more than bare PeerJS's (issue 18).
 * The canvas is made here, once per self view shown (a new one where the worker breaks), since
 * one handed to a worker can never be drawn on again. With a GPU it stays a video.
 */
export function SelfView({
  stream,
  className,
  label,
}: Readonly<{ stream: MediaStream; className: string; label: string }>): ReactElement {
  const [inSoftware] = useState(softwareCompositing);
  const videoRef = useMediaElement(inSoftware ? null : stream);
  const holderRef = useRef<HTMLSpanElement>(null);
  const [drawn, setDrawn] = useState<Readonly<{ canvas: HTMLCanvasElement; drawing: Drawing }> | null>(null);
  const [workerFailed, setWorkerFailed] = useState(false);
  // The canvas and what draws it, for as long as the self view shows (one handed to a worker can
  // never be drawn on here again, so it is made here, not by React, which may mount it twice).
  // Before the page is painted, so that it is never seen unstyled.
  useLayoutEffect(() => {
    const holder = holderRef.current;
    if (!inSoftware || !holder) return undefined;
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [DEFAULT_WIDTH, (DEFAULT_WIDTH * 3) / 4];
    canvas.dataset.testid = 'call-local-video';
    canvas.setAttribute('role', 'img');
    holder.append(canvas);
    const drawing = (!workerFailed && drawInWorker(canvas, () => setWorkerFailed(true))) || drawOnPage(canvas);
    setDrawn({ canvas, drawing });
    return () => {
      drawing.stop();
      canvas.remove();
    };
  }, [inSoftware, workerFailed]);
  useEffect(() => drawn?.drawing.show(stream), [drawn, stream]);
  // Kept on the canvas as they change (dimmed, a language switched).
  useLayoutEffect(() => {
    if (!drawn) return;
    drawn.canvas.className = className;
    drawn.canvas.setAttribute('aria-label', label);
  }, [drawn, className, label]);
  return inSoftware ? (
    <span ref={holderRef} className="call-self-holder" />
  ) : (
    <video ref={videoRef} className={className} data-testid="call-local-video" aria-label={label} autoPlay playsInline muted />
  );
}
