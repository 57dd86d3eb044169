/** The hooks every story told in Chromium shares: its world and the browser, pictures of a failed step. */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Closers } from '@hearth/test-kit/closers';
import { launchChromium } from './browser';
import { resetScreens, shootFailedStep } from './screens';

/**
 * Before the story: a clean screens folder, then `start()`'s world and Chromium, both registered in
 * `started` (closed newest first after the story) and handed to `use`. After a failed step, a
 * picture of every window (`failed-<failedPrefix>…`, `fullPage` when asked).
 */
export function storyHooks<W extends Readonly<{ close: () => Promise<unknown> }>>(
  o: Readonly<{
    started: Closers;
    start: () => Promise<W>;
    use: (world: W, browser: Browser) => void | Promise<void>;
    timeoutMs: number;
    failedPrefix?: string;
    fullPage?: boolean;
  }>,
): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    resetScreens();
    const world: W = await o.start();
    o.started.add(world, () => world.close());
    const opened: Browser = await launchChromium();
    o.started.add(opened, () => opened.close());
    browser = opened;
    await o.use(world, opened);
  }, o.timeoutMs);

  afterEach(async (ctx) => {
    if (browser) await shootFailedStep(browser, ctx, o.failedPrefix, o.fullPage);
  });

  afterAll(() => o.started.closeAll());
}
