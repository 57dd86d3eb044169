/**
 * Every screen of the story is saved as a picture under artifacts/screens/ (to look at) and
 * checked with axe-core: no serious or critical accessibility problem may stay, and no unfilled
 * `{{…}}` of a translation.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { TestContext } from 'vitest';
import { unfilledPlaceholders } from './placeholders';

export const SCREENS_DIR = path.resolve(import.meta.dirname, '..', '..', 'artifacts', 'screens');
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type AxeProblem = Readonly<{ screen: string; id: string; impact: string; help: string; targets: string[] }>;

type AxeResult = {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
};

/**
 * Runs axe-core in the page (injected through the DevTools protocol, so the app's CSP stays as it
 * is); an unfilled `{{…}}` anywhere on the screen counts as a critical problem too.
 */
export async function axeProblems(page: Page, screen: string): Promise<AxeProblem[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as AxeResult;
  const axe = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      screen,
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  const raw = (await unfilledPlaceholders(page)).map((p) => ({
    screen,
    id: 'unfilled-placeholder',
    impact: 'critical',
    help: `shows a raw {{…}}: “${p.text}”`,
    targets: [p.where],
  }));
  return [...axe, ...raw];
}

let counter = 0;
const seen: string[] = [];

/** Every screen name captured so far, in order. */
export function capturedScreens(): readonly string[] {
  return seen;
}

/**
 * Waits for fonts and images, saves `NN-name.png` and returns the serious or critical axe
 * problems of the screen as it is now (the caller expects none).
 */
export async function capture(page: Page, name: string): Promise<AxeProblem[]> {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  // Emoji faces load when first drawn: let layout ask for them, then wait for them and the images.
  await page.evaluate(`(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await document.fonts.ready;
    await Promise.all([...document.images].filter((i) => !i.complete).map((i) => new Promise((r) => i.addEventListener('load', r, { once: true }))));
  })()`);
  counter += 1;
  const file = `${String(counter).padStart(2, '0')}-${name}.png`;
  seen.push(file);
  await shoot(page, path.join(SCREENS_DIR, file), name);
  return axeProblems(page, name);
}

const SHOT_TRY_MS = 15_000;

/**
 * The picture is for people to look at, not what a step checks. On a loaded CI machine a
 * full-page capture has stalled past Playwright's 30 s once (the page still answered scripts), so a
 * capture that takes longer than SHOT_TRY_MS is tried once more, as the viewport only, and says so.
 * A second failure is the test's failure.
 */
async function shoot(page: Page, file: string, name: string): Promise<void> {
  try {
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled', timeout: SHOT_TRY_MS });
  } catch (err) {
    if (!(err instanceof Error) || err.name !== 'TimeoutError') throw err;
    console.warn(`screen ${name}: the full-page capture took over ${SHOT_TRY_MS} ms; capturing the viewport`);
    await page.screenshot({ path: file, animations: 'disabled', timeout: SHOT_TRY_MS });
  }
}

/**
 * Clears this story's screenshots (numbered, and pictures of failed steps) before a run; other
 * tests' named screenshots in the same folder (backgrounds, calls) stay.
 */
export function resetScreens(): void {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  for (const file of fs.readdirSync(SCREENS_DIR)) {
    if (/^(\d+-|failed-).*\.png$/.test(file)) fs.rmSync(path.join(SCREENS_DIR, file), { force: true });
  }
  counter = 0;
  seen.length = 0;
}

/**
 * After a failed step, a picture of every window `browser` has open, to see what went wrong:
 * `failed-<prefix><first 24 characters of the step>-<n>.png`. Does nothing after a step that passed.
 */
export async function shootFailedStep(
  browser: Browser,
  ctx: Pick<TestContext, 'task'>,
  prefix = '',
  fullPage = false,
): Promise<void> {
  if (ctx.task.result?.state !== 'fail') return;
  for (const [i, page] of browser
    .contexts()
    .flatMap((c) => c.pages())
    .entries()) {
    await page
      .screenshot({
        path: `${SCREENS_DIR}/failed-${prefix}${ctx.task.name.slice(0, 24).replace(/\W+/g, '-')}-${i}.png`,
        fullPage,
      })
      .catch(() => undefined);
  }
}
