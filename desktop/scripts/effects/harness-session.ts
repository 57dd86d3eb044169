/**
 * One Chromium with the fake camera on the built effects harness: what the e2e tests and the
 * benchmark share.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildEffectsHarness } from './build-harness';
import { launchChromium } from '@hearth/test-kit/chromium';
import { makeFakeCamera, type FakeCamera } from '@hearth/test-kit/fake-camera';
import { EFFECTS_CSP, serveHarness, type HarnessServer } from './harness-server';

export type HarnessSession = Readonly<{
  browser: Browser;
  context: BrowserContext;
  page: Page;
  server: HarnessServer;
  camera: FakeCamera;
  close(): Promise<void>;
}>;

export type HarnessSessionOptions = Readonly<{
  /** Folder for the build and the camera file (a temporary or artifacts folder). */
  workDir: string;
  /** Content-Security-Policy to serve; `null` serves none (only to prove the tests can fail). Default: the app's. */
  csp?: string | null;
  /** Proxy for non-loopback requests (see egress-recorder.ts). */
  proxyUrl?: string;
  /** Called for each page or context request, before the page loads. */
  onContext?: (context: BrowserContext, page: Page) => void;
  /** A `.y4m` for the fake camera instead of the still astronaut (e.g. makeMovingCamera()). */
  cameraFile?: string;
}>;

export async function openHarnessSession(options: HarnessSessionOptions): Promise<HarnessSession> {
  const camera = await makeFakeCamera(path.join(options.workDir, 'camera'));
  const root = await buildEffectsHarness(path.join(options.workDir, 'harness'));
  const server = await serveHarness(root, { csp: options.csp === undefined ? EFFECTS_CSP : options.csp });
  const browser = await launchChromium({
    cameraFile: options.cameraFile ?? camera.y4m,
    ...(options.proxyUrl ? { proxyUrl: options.proxyUrl } : {}),
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    options.onContext?.(context, page);
    await page.goto(server.url);
    await page.waitForFunction(() => 'effectsHarness' in globalThis);
    return {
      browser,
      context,
      page,
      server,
      camera,
      async close(): Promise<void> {
        await browser.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser.close();
    await server.close();
    throw error;
  }
}
