/**
 * `npm run bench:effects` (by hand, not a test): our effects pipeline against MediaPipe's own
 * compositing, on the same frames in one Chromium run, CPU and GPU delegates, 640×480 and 1280×720;
 * then frames per second end to end from the fake camera. Prints `name: value unit` lines.
 * WebGL here is SwiftShader (software): "GPU" timings are CPU work too.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { BenchRow } from '../effects-harness/bench';
import type { EffectsHarness } from '../effects-harness/harness';
import type { EffectsStats } from '../src/renderer/effects/types';
import { openHarnessSession } from '../scripts/effects/harness-session';

type Win = { effectsHarness: EffectsHarness };

const FRAMES = Number(process.env.BENCH_FRAMES ?? 60);
const WARMUP = 10;

function fmt(n: number): string {
  return n.toFixed(2);
}

/**
 * The real pipeline (worker, delegate chosen as in the app) at its best level: adapting is off so
 * that other work on this shared machine cannot make it step down and flatter the number.
 */
async function cameraFps(page: Page): Promise<{ fps: number; stats: EffectsStats }> {
  await page.evaluate(() => (globalThis as unknown as Win).effectsHarness.start({ delegate: 'auto', adaptive: false }));
  await page.evaluate(() => (globalThis as unknown as Win).effectsHarness.setBackground({ kind: 'bundled', id: 'sunset' }));
  await page.waitForTimeout(3000);
  const fps = await page.evaluate(() => (globalThis as unknown as Win).effectsHarness.fps(5000));
  const stats = await page.evaluate(() => (globalThis as unknown as Win).effectsHarness.stats());
  await page.evaluate(() => (globalThis as unknown as Win).effectsHarness.stop());
  return { fps, stats };
}

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'hearth-bench-effects-'));
  try {
    const session = await openHarnessSession({ workDir: work });
    try {
      const { page } = session;
      page.on('pageerror', (error) => console.error('page error:', error.message));
      const only = process.env.BENCH_ONLY;
      const rows: BenchRow[] =
        only === 'fps'
          ? []
          : await page.evaluate(
              ({ frames, warmup }) =>
                (globalThis as unknown as Win).effectsHarness.bench({
                  frames,
                  warmup,
                  sizes: [
                    { width: 640, height: 480 },
                    { width: 1280, height: 720 },
                  ],
                  delegates: ['CPU', 'GPU'],
                }),
              { frames: FRAMES, warmup: WARMUP },
            );
      for (const row of rows) {
        const used = row.used !== row.delegate ? ` (ran on ${row.used})` : '';
        console.log(`effects ${row.impl} ${row.delegate} ${row.width}x${row.height}: ${fmt(row.medianMs)} ms/frame${used}`);
      }
      const at = (impl: BenchRow['impl'], delegate: string, width: number): number =>
        rows.find((r) => r.impl === impl && r.delegate === delegate && r.width === width)?.medianMs ?? Number.NaN;
      for (const delegate of ['CPU', 'GPU']) {
        for (const [w, h] of [
          [640, 480],
          [1280, 720],
        ] as const) {
          console.log(`effects ratio ${delegate} ${w}x${h}: ${fmt(at('ours', delegate, w) / at('reference', delegate, w))} x`);
        }
      }
      // The headline ratio: each side with its own best delegate on this machine.
      const bestOurs = Math.min(at('ours', 'CPU', 640), at('ours', 'GPU', 640));
      const bestReference = Math.min(at('reference', 'CPU', 640), at('reference', 'GPU', 640));
      if (rows.length > 0) console.log(`effects ratio vs reference: ${fmt(bestOurs / bestReference)}`);
      const { fps, stats } = await cameraFps(page);
      console.log(`effects camera fps 640x480: ${fmt(fps)}`);
      console.log(`effects camera delegate: ${stats.delegate ?? 'none'}`);
      console.log(`effects camera pipeline ms/frame (worker, median): ${fmt(stats.frameMs)} ms`);
      console.log(`effects camera segmentation ms/frame (median): ${fmt(stats.segmentMs)} ms`);
      console.log(`effects camera frames dropped: ${stats.framesDropped} of ${stats.framesDropped + stats.framesProcessed}`);
    } finally {
      await session.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
