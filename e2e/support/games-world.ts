/**
 * Two children's PCs for the games stories: one relay (in this process), per child a web host over
 * its own data folder serving the real renderer (stoppable and startable again, to play across a
 * restart), one Chromium with a window per PC. Families and the friendship are set up through the
 * IPC contract; the games are played in the browser.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createHearthClient, type HearthApi } from '@hearth/common';
import { silentLogger } from '@hearth/desktop/main/logging/logger';
import { launchWebHostApp, type WebHostApp } from '@hearth/desktop/main/web-host/launch';
import { buildAppRenderer, befriendKids } from '@hearth/test-kit/call-world';
import { launchChromium } from '@hearth/test-kit/chromium';
import { createClosers } from '@hearth/test-kit/closers';
import { directTransport, must, setUpFamily } from '@hearth/test-kit/desktop';
import { startTestRelay } from '@hearth/test-kit/relay';

export type GameKid = {
  readonly name: string;
  readonly childId: string;
  readonly parentEmail: string;
  readonly dataDir: string;
  readonly page: Page;
  readonly errors: string[];
  app: WebHostApp;
  api: HearthApi;
};

export type GamesWorld = Readonly<{
  kids: readonly [GameKid, GameKid];
  /** Quits one PC's web host (Hearth closed on that PC). */
  stop: (kid: GameKid) => Promise<void>;
  /** Starts a stopped PC's web host again over the same data folder; the page reopens on the home. */
  start: (kid: GameKid) => Promise<void>;
  close: () => Promise<void>;
}>;

async function launch(relayUrl: string, dataDir: string, rendererDir: string): Promise<WebHostApp> {
  return launchWebHostApp({ relayUrl, dataDir, rendererDir, appVersion: '0.1.0-e2e', logger: silentLogger() });
}

/** Opens (or reopens) the kid's page on the child's home. */
async function openHome(kid: GameKid): Promise<void> {
  must(await kid.api.lock());
  must(await kid.api.selectProfile({ childId: kid.childId }));
  await kid.page.goto(kid.app.host.url);
  await kid.page.locator('[data-screen="kid-home"]').waitFor({ timeout: 30_000 });
}

/** `languages`: each PC's app language (the second child's PC may speak Spanish). */
export async function openGamesWorld(
  workDir: string,
  names: readonly [string, string],
  languages: readonly ['en' | 'es', 'en' | 'es'],
): Promise<GamesWorld> {
  const opened = createClosers();
  try {
    const [relay, rendererDir] = await Promise.all([
      startTestRelay({}).then((r) => opened.add(r, r.dispose)),
      buildAppRenderer(path.join(workDir, 'app')),
    ]);
    const browser: Browser = await launchChromium();
    opened.add(browser, () => browser.close());
    const kids: GameKid[] = [];
    opened.add(kids, async () => {
      for (const kid of kids) await kid.app.close();
    });
    for (const [i, name] of names.entries()) {
      const dataDir = path.join(workDir, 'data', name);
      const app = await launch(relay.url, dataDir, rendererDir);
      const api = createHearthClient(directTransport(app.core));
      const child = await setUpFamily(api, name);
      must(await api.updateSettings({ relayOnlyCalls: false, language: languages[i] ?? 'en' }));
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: languages[i] ?? 'en' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      const kid: GameKid = { name, childId: child.childId, parentEmail: child.parentEmail, dataDir, page, errors, app, api };
      kids.push(kid);
    }
    const [a, b] = kids as [GameKid, GameKid];
    await befriendKids(
      { ...a, kind: 'app', url: '', browser, requests: [], consoleErrors: [] },
      { ...b, kind: 'app', url: '', browser, requests: [], consoleErrors: [] },
    );
    await Promise.all(kids.map((k) => openHome(k)));
    const stop = (kid: GameKid): Promise<void> => kid.app.close();
    const start = async (kid: GameKid): Promise<void> => {
      kid.app = await launch(relay.url, kid.dataDir, rendererDir);
      kid.api = createHearthClient(directTransport(kid.app.core));
      await openHome(kid);
    };
    return { kids: [a, b], stop, start, close: opened.closeAll };
  } catch (error) {
    await opened.closeAll();
    throw error;
  }
}
