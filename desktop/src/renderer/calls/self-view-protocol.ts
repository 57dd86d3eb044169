/** The self view's drawing (SelfView.tsx) and its worker (self-view-worker.ts): their messages and pacing. */

export type SelfViewToWorker =
  | Readonly<{
      type: 'start';
      canvas: OffscreenCanvas;
      /** How many pixels wide the canvas is shown. */
      width: number;
      fps: number;
    }>
  | Readonly<{ type: 'width'; width: number }>
  /** The frames to draw from now on (a MediaStreamTrackProcessor's readable, transferred); null: none. */
  | Readonly<{ type: 'frames'; frames: ReadableStream<VideoFrame> | null }>;

const PAGE_FRAME_MS = 1000 / 60;

/**
 * Whether a frame arriving at `now` is drawn, at most `fps` a second: null when not, else when
 * the next one is due. A frame is drawn when its turn is at most a page frame (1/60 s) away; the
 * next turn comes a period after this one's (or after now, less a page frame, when this frame
 * came late or after a pause), so the rate keeps to the cap and no second holds more than
 * `fps` + 1 draws.
 */
export function nextDraw(due: number, now: number, fps: number): number | null {
  if (now < due - PAGE_FRAME_MS) return null;
  return Math.max(due, now - PAGE_FRAME_MS) + 1000 / fps;
}

/** The size a `width` × `height` frame is drawn at on a canvas shown `shown` pixels wide: no wider than either. */
export function drawSize(width: number, height: number, shown: number): { width: number; height: number } {
  const w = Math.min(width, shown);
  return { width: w, height: Math.round((w * height) / width) };
}
