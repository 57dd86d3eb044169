import type { Page } from 'playwright-core';

/** A region of the fake camera's 640×480 frame. */
export type Rect = Readonly<{ x0: number; y0: number; x1: number; y1: number }>;
export type Rgb = readonly [number, number, number];

export const near = (a: readonly number[], b: readonly number[], tolerance: number): boolean =>
  a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= tolerance);

/**
 * Mean colours of regions (given in 640×480 coordinates) of the frame the video element (or the
 * self view's canvas, where the page is drawn in software) at `selector` shows now, whatever size
 * it came at (the effects may lower it on a busy machine).
 */
export async function meanColours(page: Page, selector: string, rects: readonly Rect[]): Promise<Rgb[]> {
  return (await page.evaluate(`(() => {
    const video = document.querySelector(${JSON.stringify(selector)});
    const c = new OffscreenCanvas(video.videoWidth ?? video.width, video.videoHeight ?? video.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(video, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const sx = c.width / 640, sy = c.height / 480;
    return ${JSON.stringify(rects)}.map((r) => {
      const s = [0, 0, 0]; let n = 0;
      for (let y = Math.floor(r.y0 * sy); y < Math.floor(r.y1 * sy); y++)
        for (let x = Math.floor(r.x0 * sx); x < Math.floor(r.x1 * sx); x++) {
          const i = 4 * (y * c.width + x); s[0] += data[i]; s[1] += data[i + 1]; s[2] += data[i + 2]; n++;
        }
      return s.map((v) => Math.round(v / n));
    });
  })()`)) as Rgb[];
}
