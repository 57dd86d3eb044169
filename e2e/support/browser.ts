/** Debian's Chromium with the flags that work on these machines, one context per PC. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium as launch } from '../../desktop/scripts/effects/chromium';

export const CHROMIUM = CHROMIUM_PATH;

export function launchChromium(): Promise<Browser> {
  return launch();
}

/** What one PC's browser window saw go wrong or leave the machine. */
export type Watch = { errors: string[]; offMachine: string[] };

/** A window for one PC, recording page errors and any request that is not to this machine. */
export async function openWindow(
  browser: Browser,
  locale: string,
): Promise<{ context: BrowserContext; page: Page; watch: Watch }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    locale,
    permissions: ['microphone', 'camera'],
  });
  const page = await context.newPage();
  const watch: Watch = { errors: [], offMachine: [] };
  page.on('pageerror', (err) => watch.errors.push(String(err)));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(m.text());
  });
  page.on('request', (r) => {
    const url = r.url();
    if (/^(https?|wss?):/.test(url) && !/^(https?|wss?):\/\/127\.0\.0\.1[:/]/.test(url)) watch.offMachine.push(url);
  });
  return { context, page, watch };
}
