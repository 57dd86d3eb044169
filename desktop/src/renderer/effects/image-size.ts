/** Sizes of the images the compositor uploads, where they can be told. */
import type { Size } from './cover-fit';

export function sameSize(a: Size | null, b: Size): boolean {
  return a !== null && a.width === b.width && a.height === b.height;
}

/**
 * Size of the image texImage2D makes of `source`; `null` where that is not certain (a video frame
 * stretched for display, an element whose size cannot be told).
 */
export function imageSize(source: TexImageSource): Size | null {
  if (typeof VideoFrame !== 'undefined' && source instanceof VideoFrame) {
    const rect = source.visibleRect;
    return rect && rect.width === source.displayWidth && rect.height === source.displayHeight
      ? { width: source.displayWidth, height: source.displayHeight }
      : null;
  }
  if (typeof HTMLVideoElement !== 'undefined' && source instanceof HTMLVideoElement) return null;
  if (typeof HTMLImageElement !== 'undefined' && source instanceof HTMLImageElement) {
    return { width: source.naturalWidth, height: source.naturalHeight };
  }
  if ('width' in source && typeof source.width === 'number' && typeof source.height === 'number') {
    return { width: source.width, height: source.height };
  }
  return null;
}
