/**
 * Background effects end to end in Chromium with the fake camera showing the astronaut photo:
 * the real pipeline (module worker, MediaPipe, our WebGL2 compositor) behind the app's CSP, with
 * every network request recorded. Frames are saved under artifacts/effects/ to look at.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GrabbedFrame } from '@hearth/desktop/effects-harness/frames';
import type { BackgroundSpec, EffectsHarness, StartOptions } from '@hearth/desktop/effects-harness/harness';
import { featherMask, smoothstep } from '@hearth/desktop/renderer/effects/feathering';
import { smoothMask } from '@hearth/desktop/renderer/effects/temporal-smoothing';
import { openHarnessSession, type HarnessSession } from '@hearth/desktop/scripts/effects/harness-session';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { appAttempts, offMachine, startEgressRecorder, type EgressRecorder } from '@hearth/test-kit/egress';

type Win = { effectsHarness: EffectsHarness };
type Rect = Readonly<{ x0: number; y0: number; x1: number; y1: number }>;
type Rgb = readonly [number, number, number];

const ARTIFACTS = path.resolve(import.meta.dirname, '..', 'artifacts', 'effects');

// Regions of the 640×480 astronaut frame: the wall, the flag, her face, her suit.
const BACKGROUND: Readonly<Record<string, Rect>> = {
  'top-left flag': { x0: 5, y0: 5, x1: 60, y1: 60 },
  'left flag': { x0: 5, y0: 180, x1: 45, y1: 260 },
  'wall beside the hair': { x0: 395, y0: 20, x1: 420, y1: 60 },
  'top-right wall': { x0: 600, y0: 5, x1: 635, y1: 100 },
};
const PERSON: Readonly<Record<string, Rect>> = {
  face: { x0: 255, y0: 125, x1: 300, y1: 175 },
  suit: { x0: 220, y0: 380, x1: 290, y1: 420 },
};

// A user picture of eight vertical bands, 1280×720: on a 640×480 output cover-fit shows its middle
// 960 columns at 1.5 picture pixels per output pixel, so output column x shows band
// floor((160 + 1.5 x) / 160). Worked out here from first principles, not with the app's code.
const STRIPES = ['#e6194b', '#3cb44b', '#ffe119', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6'] as const;
const STRIPES_SPEC: BackgroundSpec = { kind: 'stripes', colors: STRIPES, width: 1280, height: 720 };

function bandAt(x: number): number {
  return Math.floor((160 + 1.5 * (x + 0.5) - 0.5) / 160);
}

function hex(color: string): Rgb {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function pixels(frame: GrabbedFrame): Uint8Array {
  return new Uint8Array(Buffer.from(frame.rgba, 'base64'));
}

function rgbAt(data: Uint8Array, width: number, x: number, y: number): Rgb {
  const i = 4 * (y * width + x);
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

/** Mean absolute channel difference over `rect`, and the share of pixels within `tolerance`. */
function compare(rect: Rect, width: number, actual: Uint8Array, expected: (x: number, y: number) => Rgb, tolerance: number) {
  let sum = 0;
  let count = 0;
  let close = 0;
  for (let y = rect.y0; y < rect.y1; y++) {
    for (let x = rect.x0; x < rect.x1; x++) {
      const a = rgbAt(actual, width, x, y);
      const e = expected(x, y);
      const d = (Math.abs(a[0] - e[0]) + Math.abs(a[1] - e[1]) + Math.abs(a[2] - e[2])) / 3;
      sum += d;
      count += 1;
      if (d <= tolerance) close += 1;
    }
  }
  return { meanDiff: sum / count, closeShare: close / count };
}

/** Sum of squared differences between horizontal neighbours: how much fine detail a region has. */
function detail(rect: Rect, width: number, data: Uint8Array): number {
  let energy = 0;
  for (let y = rect.y0; y < rect.y1; y++) {
    for (let x = rect.x0 + 1; x < rect.x1; x++) {
      const a = rgbAt(data, width, x, y);
      const b = rgbAt(data, width, x - 1, y);
      energy += (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2;
    }
  }
  return energy / ((rect.x1 - rect.x0 - 1) * (rect.y1 - rect.y0));
}

const harness = {
  // Pixel checks run without adapting: on a busy 2-core machine the pipeline may rightly turn the
  // effect off, which is tested on its own below.
  start: (page: Page, options: StartOptions = { delegate: 'auto', adaptive: false }) =>
    page.evaluate((o) => (globalThis as unknown as Win).effectsHarness.start(o), options),
  notices: (page: Page) => page.evaluate(() => [...(globalThis as unknown as Win).effectsHarness.notices]),
  background: (page: Page, spec: BackgroundSpec) =>
    page.evaluate((s) => (globalThis as unknown as Win).effectsHarness.setBackground(s), spec),
  grab: (page: Page, which: 'output' | 'camera') =>
    page.evaluate((w) => (globalThis as unknown as Win).effectsHarness.grab(w), which),
  stats: (page: Page) => page.evaluate(() => (globalThis as unknown as Win).effectsHarness.stats()),
  errors: (page: Page) => page.evaluate(() => [...(globalThis as unknown as Win).effectsHarness.errors]),
  stop: (page: Page) => page.evaluate(() => (globalThis as unknown as Win).effectsHarness.stop()),
};

/**
 * Waits until the effect has drawn `frames` more frames with the chosen background (the mask is
 * smoothed over frames; the GPU delegate on software GL makes a few a second, fewer under load),
 * and `minMs` at least: a fixed wait read a frame before the mask settled on a busy machine. A
 * timeout says what the pipeline last reported, its errors and notices.
 */
async function settle(page: Page, kind: BackgroundSpec['kind'], frames = 8, minMs = 1500): Promise<void> {
  const shown = kind === 'bundled' || kind === 'stripes' ? 'picture' : kind;
  const since = Date.now();
  let from: number | null = null;
  let last: Awaited<ReturnType<typeof harness.stats>> | null = null;
  while (Date.now() - since < 40_000) {
    last = await harness.stats(page);
    if (last.background === shown) {
      from ??= last.framesProcessed;
      if (last.framesProcessed - from >= frames && Date.now() - since >= minMs) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const detail = { shown, from, last, errors: await harness.errors(page), notices: await harness.notices(page) };
  throw new Error(`the effect did not draw ${frames} frames with the ${shown} background in 40 s: ${JSON.stringify(detail)}`);
}

async function save(name: string, frame: GrabbedFrame): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(path.join(ARTIFACTS, name), Buffer.from(frame.png, 'base64'));
}

/** Records every request the browser makes: Playwright's page and context events, and a proxy. */
async function openRecordedSession(workDir: string, csp?: string | null) {
  const recorder = await startEgressRecorder();
  const requests: string[] = [];
  const session = await openHarnessSession({
    workDir,
    proxyUrl: recorder.proxyUrl,
    ...(csp === undefined ? {} : { csp }),
    onContext: (context, page) => {
      context.on('request', (r) => requests.push(r.url()));
      page.on('request', (r) => requests.push(r.url()));
      page.on('worker', (worker) => requests.push(worker.url()));
    },
  }).catch(async (error: unknown) => {
    await recorder.close(); // nothing this helper started outlives a failed start
    throw error;
  });
  return { session, recorder, requests };
}

describe.skipIf(withoutChromium())('background effects in Chromium, fake camera showing a person', () => {
  let work: string;
  let session: HarnessSession;
  let recorder: EgressRecorder;
  let requests: string[];

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'hearth-effects-e2e-'));
    ({ session, recorder, requests } = await openRecordedSession(work));
    await harness.start(session.page);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await recorder?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('shows the chosen picture behind the child and the camera where the child is', async () => {
    const { page } = session;
    await harness.background(page, STRIPES_SPEC);
    await settle(page, STRIPES_SPEC.kind);
    const output = await harness.grab(page, 'output');
    const camera = await harness.grab(page, 'camera');
    await save('picture-background.png', output);
    await save('camera.png', camera);
    expect([output.width, output.height]).toEqual([640, 480]);
    const out = pixels(output);
    const cam = pixels(camera);

    for (const [name, rect] of Object.entries(BACKGROUND)) {
      const band = bandAt(rect.x0);
      expect(bandAt(rect.x1 - 1), `${name} lies within one band`).toBe(band);
      const picture = compare(rect, 640, out, () => hex(STRIPES[band]!), 24);
      expect(picture.meanDiff, `${name}: the picture's band ${band}`).toBeLessThan(12);
      expect(picture.closeShare, name).toBeGreaterThan(0.9);
      // And it is not the room any more.
      expect(compare(rect, 640, out, (x, y) => rgbAt(cam, 640, x, y), 24).meanDiff, name).toBeGreaterThan(40);
    }
    for (const [name, rect] of Object.entries(PERSON)) {
      const person = compare(rect, 640, out, (x, y) => rgbAt(cam, 640, x, y), 20);
      expect(person.meanDiff, `${name}: the camera`).toBeLessThan(8);
      expect(person.closeShare, name).toBeGreaterThan(0.95);
    }
    const stats = await harness.stats(page);
    expect(stats.background).toBe('picture');
    expect(stats.delegate).not.toBeNull();
    expect(await harness.errors(page)).toEqual([]);
  }, 60_000);

  it('blurs the room but keeps the child sharp', async () => {
    const { page } = session;
    await harness.background(page, { kind: 'blur' });
    await settle(page, 'blur');
    const output = await harness.grab(page, 'output');
    const camera = await harness.grab(page, 'camera');
    await save('blur-background.png', output);
    const out = pixels(output);
    const cam = pixels(camera);
    // The flag's stripes and stars are fine detail: the blur must wash most of it out.
    for (const name of ['top-left flag', 'left flag'] as const) {
      const rect = BACKGROUND[name]!;
      expect(detail(rect, 640, out), name).toBeLessThan(0.25 * detail(rect, 640, cam));
    }
    for (const [name, rect] of Object.entries(PERSON)) {
      expect(compare(rect, 640, out, (x, y) => rgbAt(cam, 640, x, y), 20).meanDiff, name).toBeLessThan(8);
    }
  }, 60_000);

  it('the shaders compute what the tested TypeScript reference computes (smoothing over two frames, feathering)', async () => {
    const { page } = session;
    const [w, h] = [32, 24];
    // A soft disc (the person), then the same disc moved two texels with ±0.1 of noise on top:
    // both the moving and the still branch of the smoothing are exercised.
    const disc = (cx: number, jitter: number): number[] =>
      Array.from({ length: w * h }, (_, i) => {
        const [x, y] = [i % w, Math.floor(i / w)];
        const d = Math.hypot(x - cx, y - 12) - 7;
        const noise = jitter * Math.sin(i * 12.9898) * 0.1;
        return Math.min(1, Math.max(0, 0.5 - d / 3 + noise));
      });
    const masks = [disc(14, 0), disc(16, 1)];
    const gpu = await page.evaluate(
      ({ m, width, height }) => (globalThis as unknown as Win).effectsHarness.conformance(m, width, height),
      { m: masks, width: w, height: h },
    );
    const smoothed = smoothMask(smoothMask(null, Float32Array.from(masks[0]!)), Float32Array.from(masks[1]!));
    const reference = featherMask(smoothed, w, h);
    let worst = 0;
    for (let i = 0; i < reference.length; i++) worst = Math.max(worst, Math.abs(gpu[i]! - reference[i]!));
    // 8-bit intermediate textures, steepened by the smoothstep edge.
    expect(worst).toBeLessThan(0.04);
    expect(reference.some((v) => v > 0.99) && reference.some((v) => v < 0.01) && reference.some((v) => v > 0.1 && v < 0.9)).toBe(
      true,
    );
  }, 30_000);

  it('draws a CPU mask tile by tile exactly as the one-pass composite would (camera, picture and edge tiles)', async () => {
    const { page } = session;
    // A person disc (0…255 with a soft rim) on a 48×36 mask: 4×3 tiles of 12 texels, some all
    // background, some all person, some edges; drawn at 160×120 (2.5 pixels a texel).
    const [w, h] = [48, 36];
    const out = { width: 160, height: 120 };
    const mask = Array.from({ length: w * h }, (_, i) => {
      const d = Math.hypot((i % w) - 30, Math.floor(i / w) - 20) - 11;
      return Math.round(255 * Math.min(1, Math.max(0, 0.5 - d / 4)));
    });
    const drawn = await page.evaluate(
      ({ m, width, height, output }) => (globalThis as unknown as Win).effectsHarness.tiledConformance(m, width, height, output),
      { m: mask, width: w, height: h, output: out },
    );
    // What the one-pass shader computes at each pixel centre: the bilinear mask (edges clamped), then the smoothstep.
    const at = (x: number, y: number): number =>
      mask[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))]! / 255;
    let worst = 0;
    for (let py = 0; py < out.height; py++)
      for (let px = 0; px < out.width; px++) {
        const sx = ((px + 0.5) * w) / out.width - 0.5;
        const sy = ((py + 0.5) * h) / out.height - 0.5;
        const [x0, y0] = [Math.floor(sx), Math.floor(sy)];
        const [fx, fy] = [sx - x0, sy - y0];
        const v =
          (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) + fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
        worst = Math.max(worst, Math.abs(drawn[py * out.width + px]! - smoothstep(0.3, 0.7, v)));
      }
    // 8-bit mask and output, steepened by the smoothstep edge.
    expect(worst).toBeLessThan(0.04);
    expect(drawn.some((v) => v === 1) && drawn.some((v) => v === 0) && drawn.some((v) => v > 0.1 && v < 0.9)).toBe(true);
  }, 30_000);

  it('reads camera and picture texels under each pixel exactly where the general shaders map them (frame or its bytes)', async () => {
    const { page } = session;
    // An odd size, so that a row flipped or shifted by one shows.
    const out = { width: 161, height: 121 };
    const result = await page.evaluate((output) => (globalThis as unknown as Win).effectsHarness.fetchConformance(output), out);
    for (const pass of [result.tiled, result.onePass]) {
      expect(pass.directFrame).toBe(0);
      expect(pass.directBytes).toBe(0);
      // The comparison means something: both images show, each over a good part of the frame.
      expect(pass.cameraPixels).toBeGreaterThan(out.width * out.height * 0.05);
      expect(pass.picturePixels).toBeGreaterThan(out.width * out.height * 0.3);
    }
  }, 30_000);

  it('copies camera frames (BGRA, I420, NV12) to the same RGBA bytes that uploading the frame itself gives', async () => {
    const result = await session.page.evaluate(() => (globalThis as unknown as Win).effectsHarness.cameraCopyConformance());
    expect(result).toEqual({ BGRA: 0, I420: 0, NV12: 0 });
  }, 30_000);

  /** The stripes picture shows in the wall and flag regions, the camera in the face and suit. */
  async function expectPictureBehindPerson(page: Page, artifact: string): Promise<void> {
    const output = await harness.grab(page, 'output');
    const camera = await harness.grab(page, 'camera');
    await save(artifact, output);
    const out = pixels(output);
    const cam = pixels(camera);
    for (const [name, rect] of Object.entries(BACKGROUND)) {
      expect(compare(rect, 640, out, () => hex(STRIPES[bandAt(rect.x0)]!), 24).meanDiff, name).toBeLessThan(12);
    }
    for (const [name, rect] of Object.entries(PERSON)) {
      expect(compare(rect, 640, out, (x, y) => rgbAt(cam, 640, x, y), 20).meanDiff, name).toBeLessThan(8);
    }
  }

  it('composites masks that stay on the GPU (GPU delegate, shared WebGL2 context, in the worker)', async () => {
    const { page } = session;
    // Software GL makes this delegate slow here (a few frames a second): no adapting, just correctness.
    await harness.start(page, { delegate: 'GPU', adaptive: false });
    await harness.background(page, STRIPES_SPEC);
    await settle(page, STRIPES_SPEC.kind, 8, 3000);
    expect((await harness.stats(page)).delegate).toBe('GPU');
    await expectPictureBehindPerson(page, 'gpu-delegate.png');
  }, 60_000);

  it('runs on the main thread too, where a worker cannot be used', async () => {
    const { page } = session;
    // The first frames the video element cannot give (as between sources) must not end the chain.
    await page.evaluate(() => {
      type FrameClass = new (source: unknown, init?: unknown) => object;
      const scope = globalThis as unknown as { VideoFrame: FrameClass; HTMLVideoElement: new () => object };
      const { VideoFrame: Real, HTMLVideoElement: Video } = scope;
      let refusals = 3;
      scope.VideoFrame = class extends Real {
        constructor(source: unknown, init?: unknown) {
          if (source instanceof Video && refusals-- > 0) throw new DOMException('no frame yet', 'InvalidStateError');
          super(source, init);
        }
      };
    });
    await harness.start(page, { inline: true, adaptive: false });
    await harness.background(page, STRIPES_SPEC);
    await settle(page, STRIPES_SPEC.kind);
    expect((await harness.errors(page)).filter((e) => e === 'no frame yet')).toHaveLength(3);
    await expectPictureBehindPerson(page, 'main-thread.png');
  }, 60_000);

  it('lowers the quality step by step, then turns the effect off and tells the child, when frames are too slow', async () => {
    const { page } = session;
    // A 1 ms budget: every frame is too slow, so the whole ladder is walked in a few seconds. Starting
    // on the GPU ladder also switches delegate mid-call, which re-creates the segmenter in the worker.
    await harness.start(page, { delegate: 'GPU', frameBudgetMs: 1 });
    await harness.background(page, { kind: 'blur' });
    await page.waitForFunction(
      () =>
        (globalThis as unknown as Win).effectsHarness.notices.some(
          (n) => n.code === 'effects-turned-off' || n.code === 'effects-unavailable',
        ),
      null,
      { timeout: 30_000 },
    );
    // Stats arrive twice a second.
    await page.waitForTimeout(700);
    const codes = (await harness.notices(page)).map((n) => n.code);
    expect(codes.at(-1)).toBe('effects-turned-off');
    expect(codes.slice(0, -1).length).toBeGreaterThan(0);
    expect(codes).toContain('effects-quality-lowered');
    expect(codes).toContain('effects-engine-switched');
    expect(codes.slice(0, -1).every((c) => c === 'effects-quality-lowered' || c === 'effects-engine-switched')).toBe(true);
    expect(await harness.errors(page)).toEqual([]);
    const stats = await harness.stats(page);
    expect(stats.level).toBeNull();
    expect(stats.background).toBe('off');
    // The call goes on: frames keep coming, now showing the camera as it is.
    const output = pixels(await harness.grab(page, 'output'));
    const camera = pixels(await harness.grab(page, 'camera'));
    const rect = BACKGROUND['top-left flag']!;
    expect(compare(rect, 640, output, (x, y) => rgbAt(camera, 640, x, y), 20).meanDiff).toBeLessThan(8);
  }, 60_000);

  it('EffectsPreview shows the child with the picture they tap', async () => {
    const { page } = session;
    await harness.stop(page);
    await page.evaluate(() => (globalThis as unknown as Win).effectsHarness.showPreview());
    const space = page.getByRole('radio', { name: /Space/ });
    await space.click();
    // (A busy machine may take more than expect.poll's default second to draw the choice.)
    await expect.poll(() => space.getAttribute('aria-checked'), { timeout: 10_000 }).toBe('true');
    await page.waitForTimeout(1500);
    const preview = await page.evaluate(() => (globalThis as unknown as Win).effectsHarness.grabPreview());
    const picture = await page.evaluate(() => (globalThis as unknown as Win).effectsHarness.bundled('space', 640, 480));
    await save('preview-space.png', preview);
    expect([preview.width, preview.height]).toEqual([640, 480]);
    const rect = BACKGROUND['top-right wall']!;
    const expected = pixels(picture);
    expect(compare(rect, 640, pixels(preview), (x, y) => rgbAt(expected, 640, x, y), 24).meanDiff).toBeLessThan(12);
    await page.evaluate(() => (globalThis as unknown as Win).effectsHarness.hidePreview());
  }, 60_000);

  it('sends nothing to any address but this machine while effects run and when they stop', async () => {
    const { page } = session;
    await harness.start(page);
    await harness.background(page, { kind: 'bundled', id: 'space' });
    await page.waitForTimeout(1000);
    // tasks-vision flushes its usage log when the segmenter closes: stop, then give it time to try.
    await harness.stop(page);
    await page.waitForTimeout(1500);
    expect(requests.length).toBeGreaterThan(3);
    expect(offMachine(requests)).toEqual([]);
    expect(appAttempts(recorder.attempts)).toEqual([]);
  }, 60_000);
});

describe.skipIf(withoutChromium())('the egress check itself', () => {
  it("catches tasks-vision's usage log when the page has no CSP, so a missing CSP cannot pass unnoticed", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'hearth-effects-e2e-nocsp-'));
    const { session, recorder, requests } = await openRecordedSession(work, null);
    try {
      const { page } = session;
      await harness.start(page);
      await harness.background(page, { kind: 'blur' });
      await page.waitForTimeout(1000);
      await harness.stop(page);
      await page.waitForTimeout(1500);
      // Both records see it: Playwright's events (from the worker) and the proxy.
      expect(offMachine(requests)).toContain('https://odml.pa.googleapis.com/v1/log');
      expect(appAttempts(recorder.attempts)).toContain('odml.pa.googleapis.com:443');
    } finally {
      await session.close();
      await recorder.close();
      await rm(work, { recursive: true, force: true });
    }
  }, 120_000);
});
