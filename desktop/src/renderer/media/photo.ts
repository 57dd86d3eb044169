/** A photo made ready to send: re-encoded pixels only. */
export type PreparedPhoto = Readonly<{ blob: Blob; width: number; height: number }>;

/** Longest side of a sent photo, in pixels. */
export const PHOTO_MAX_SIDE = 1600;

/**
 * Re-encodes a picture through a canvas as a JPEG, which keeps only the pixels: EXIF, GPS
 * position, camera model and every other piece of metadata stay behind. The picture is turned
 * upright first (EXIF orientation) and made no larger than {@link PHOTO_MAX_SIDE}.
 */
export async function preparePhoto(file: Blob): Promise<PreparedPhoto> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    // A white backdrop, so transparent PNGs do not turn black as JPEGs.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(bitmap, 0, 0, width, height);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
    return { blob, width, height };
  } finally {
    bitmap.close();
  }
}
