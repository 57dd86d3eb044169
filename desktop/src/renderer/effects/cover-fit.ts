/** Width and height in pixels. */
export type Size = Readonly<{ width: number; height: number }>;

/**
 * Where the output samples a picture so that it covers the output without distortion (like CSS
 * `object-fit: cover`): the picture is scaled to fill both dimensions and centred; what overflows is
 * cropped. Source UV = `offset + outputUv * scale`, per axis.
 */
export type CoverFit = Readonly<{ scaleU: number; scaleV: number; offsetU: number; offsetV: number }>;

export function coverFit(source: Size, target: Size): CoverFit {
  if (source.width <= 0 || source.height <= 0 || target.width <= 0 || target.height <= 0) {
    throw new RangeError('cover-fit needs positive sizes');
  }
  const scale = Math.max(target.width / source.width, target.height / source.height);
  // One of the two is 1 by construction; clamp so rounding cannot make it 1.0000000000000002.
  const scaleU = Math.min(1, target.width / (source.width * scale));
  const scaleV = Math.min(1, target.height / (source.height * scale));
  return { scaleU, scaleV, offsetU: (1 - scaleU) / 2, offsetV: (1 - scaleV) / 2 };
}

/** The source pixel (continuous coordinates) shown at output pixel centre (x, y). */
export function coverFitSourcePoint(
  fit: CoverFit,
  source: Size,
  target: Size,
  x: number,
  y: number,
): Readonly<{ x: number; y: number }> {
  const u = fit.offsetU + ((x + 0.5) / target.width) * fit.scaleU;
  const v = fit.offsetV + ((y + 0.5) / target.height) * fit.scaleV;
  return { x: u * source.width - 0.5, y: v * source.height - 0.5 };
}

/** Scales `size` down (never up) so that it fits within `max`, keeping the aspect ratio; whole pixels, at least 1. */
export function fitWithin(size: Size, max: Size): Size {
  const s = Math.min(1, max.width / size.width, max.height / size.height);
  return { width: Math.max(1, Math.round(size.width * s)), height: Math.max(1, Math.round(size.height * s)) };
}
