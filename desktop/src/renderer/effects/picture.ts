/** Turning a chosen picture into a background texture of exactly the output size. */
import { coverFit, type Size } from './cover-fit';
import { BUNDLED_PICTURE_SIZE, paintBundledBackground } from './bundled-backgrounds';
import type { BundledBackgroundId } from './types';

export type PictureSource = ImageBitmap | OffscreenCanvas;

/** Paints a bundled picture at its native size. */
export function bundledPicture(id: BundledBackgroundId): OffscreenCanvas {
  const canvas = new OffscreenCanvas(BUNDLED_PICTURE_SIZE.width, BUNDLED_PICTURE_SIZE.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas for the bundled picture');
  paintBundledBackground(id, ctx, canvas.width, canvas.height);
  return canvas;
}

/**
 * Scales and crops `source` to cover `target` (centred, no distortion), once per choice rather than
 * per frame, with the browser's high-quality downscaling.
 */
export function fitPicture(source: PictureSource, target: Size): OffscreenCanvas {
  const src = { width: source.width, height: source.height };
  const fit = coverFit(src, target);
  const canvas = new OffscreenCanvas(target.width, target.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas to fit the picture');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(
    source,
    fit.offsetU * src.width,
    fit.offsetV * src.height,
    fit.scaleU * src.width,
    fit.scaleV * src.height,
    0,
    0,
    target.width,
    target.height,
  );
  return canvas;
}
