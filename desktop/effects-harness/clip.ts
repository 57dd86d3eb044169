/**
 * The benchmark's moving clip, made in the page from one camera frame of the astronaut: the person
 * pans, bobs and zooms over a room picture frame by frame, as a child moving in front of the camera
 * would. Frame `i` is the same for every caller.
 */
import type { Size } from '../src/renderer/effects/cover-fit';
import { bundledPicture, fitPicture } from '../src/renderer/effects/picture';

export type Clip = Readonly<{
  size: Size;
  /** Frame `i` (any integer: the motion is periodic), as a VideoFrame the caller closes. */
  frame(i: number, timestampUs: number): VideoFrame;
}>;

export function movingClip(person: ImageBitmap, size: Size): Clip {
  const room = fitPicture(bundledPicture('meadow'), size);
  const canvas = new OffscreenCanvas(size.width, size.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas for the clip');
  ctx.imageSmoothingEnabled = true;
  return {
    size,
    frame(i: number, timestampUs: number): VideoFrame {
      const { width, height } = size;
      const wave = (period: number): number => Math.sin((2 * Math.PI * i) / period);
      // Up to ~7 px a frame sideways at 640 wide: a child leaning and walking about.
      const scale = 0.82 + 0.1 * wave(150);
      const w = width * scale;
      const h = height * scale;
      const x = (width - w) / 2 + 0.18 * width * wave(100);
      const y = height - h + 0.03 * height * (1 + wave(70));
      ctx.drawImage(room, 0, 0);
      ctx.drawImage(person, x, y, w, h);
      return new VideoFrame(canvas, { timestamp: timestampUs });
    },
  };
}
