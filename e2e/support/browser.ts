/** Debian's Chromium with the flags that work on these machines, one context per PC. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium as launch } from '@hearth/test-kit/chromium';

export function launchChromium(): Promise<Browser> {
  return launch();
}

/** What one PC's browser window saw go wrong, and every request it made (see test-kit's egress.ts). */
export type Watch = { errors: string[]; requests: string[] };

/** A window for one PC, recording page errors and every request. */
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
  const watch: Watch = { errors: [], requests: [] };
  page.on('pageerror', (err) => watch.errors.push(String(err)));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(m.text());
  });
  page.on('request', (r) => watch.requests.push(r.url()));
  return { context, page, watch };
}
