/** Reading single frames off tracks as RGBA pixels and PNG, for tests and the benchmark. */
import { trackProcessor } from '../src/renderer/effects/media-types';

export type GrabbedFrame = Readonly<{ width: number; height: number; rgba: string; png: string }>;

function toBase64(bytes: Uint8Array | Uint8ClampedArray): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The next frame of `track`, as an ImageBitmap. */
export async function nextBitmap(track: MediaStreamTrack): Promise<ImageBitmap> {
  const Processor = trackProcessor();
  if (!Processor) throw new Error('no MediaStreamTrackProcessor');
  const copy = track.clone();
  const reader = new Processor({ track: copy }).readable.getReader();
  try {
    const { value: frame } = await reader.read();
    if (!frame) throw new Error('track ended');
    try {
      return await createImageBitmap(frame);
    } finally {
      frame.close();
    }
  } finally {
    await reader.cancel();
    copy.stop();
  }
}

/** Pixels of a bitmap, raw RGBA and PNG, both base64. */
export async function encodeBitmap(bitmap: ImageBitmap | OffscreenCanvas): Promise<GrabbedFrame> {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.drawImage(bitmap, 0, 0);
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const png = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  return { width: canvas.width, height: canvas.height, rgba: toBase64(data), png: toBase64(png) };
}

/** Counts the frames `track` delivers during `ms`. */
export async function measureFps(track: MediaStreamTrack, ms: number): Promise<number> {
  const Processor = trackProcessor();
  if (!Processor) throw new Error('no MediaStreamTrackProcessor');
  const copy = track.clone();
  const reader = new Processor({ track: copy }).readable.getReader();
  let first: number | null = null;
  let last = 0;
  let count = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const { value: frame } = await reader.read();
    if (!frame) break;
    frame.close();
    const now = performance.now();
    if (first === null) first = now;
    else count += 1;
    last = now;
  }
  await reader.cancel();
  copy.stop();
  return first === null || last === first ? 0 : (count * 1000) / (last - first);
}
