import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, withoutChromium } from '@hearth/test-kit/chromium';
import { build } from 'vite';
import { silentLogger } from '../logging/logger';
import { setUpFamily, startTestDesktop } from '@hearth/test-kit/desktop';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { launchWebHostApp, type WebHostApp } from './launch';

const DESKTOP = path.resolve(import.meta.dirname, '../../..');

/**
 * The real renderer when the relay serves only newer apps: the children at the profile picker
 * read kid words, the grown-ups (first run on another PC) read "Hearth needs an update", in
 * English and Spanish, and nobody reads a schema error.
 */
describe.skipIf(withoutChromium())('"Hearth needs an update" in Chromium', () => {
  let work: string;
  let rendererDir: string;
  let relay: TestRelay;
  let familyPc: WebHostApp;
  let newPc: WebHostApp;
  let browser: Browser;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-update-'));
    rendererDir = path.join(work, 'renderer');
    await build({ configFile: path.join(DESKTOP, 'vite.config.ts'), logLevel: 'silent', build: { outDir: rendererDir } });
    // The family PC is set up while the relay serves this app; then its operator raises the minimum.
    const first = await startTestRelay();
    const setUp = await startTestDesktop(first.url, { dataDir: path.join(work, 'family-pc') });
    await setUpFamily(setUp.api, 'Nia');
    setUp.close();
    await first.stop();
    relay = await startTestRelay({ dataDir: first.dataDir, port: first.port, minAppVersion: '9.0.0' });
    const launch = (dataDir: string): Promise<WebHostApp> =>
      launchWebHostApp({ relayUrl: relay.url, dataDir, rendererDir, appVersion: '0.2.0-e2e', logger: silentLogger() });
    familyPc = await launch(path.join(work, 'family-pc'));
    newPc = await launch(path.join(work, 'new-pc'));
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await familyPc?.close();
    await newPc?.close();
    await relay?.dispose();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const cases = [
    { pc: () => familyPc, locale: 'en-GB', screen: 'profile-picker', title: 'Hearth needs a grown-up', body: /ask a grown-up/ },
    {
      pc: () => familyPc,
      locale: 'es-ES',
      screen: 'profile-picker',
      title: 'Hearth necesita a un adulto',
      body: /Pide ayuda a un adulto/,
    },
    { pc: () => newPc, locale: 'en-GB', screen: 'first-run-welcome', title: 'Hearth needs an update', body: /9\.0\.0 or later/ },
    {
      pc: () => newPc,
      locale: 'es-ES',
      screen: 'first-run-welcome',
      title: 'Hearth necesita actualizarse',
      body: /9\.0\.0 o posterior/,
    },
  ] as const;

  it.each(cases)('says $title on the $screen screen ($locale)', async ({ pc, locale, screen, title, body }) => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(pc().host.url);
    const notice = page.getByTestId('update-notice');
    await expect.poll(() => notice.count(), { timeout: 20_000 }).toBe(1);
    expect(await notice.getByRole('heading').textContent()).toBe(title);
    expect(await page.locator(`[data-screen="${screen}"]`).count()).toBe(1);
    expect(await notice.textContent()).toMatch(body);
    expect(await page.content()).not.toMatch(/does not understand|schema/i);
    await context.close();
  });
});
