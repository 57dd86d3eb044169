import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { silentLogger } from '../logging/logger';
import { launchChromium, withoutChromium } from '@hearth/test-kit/chromium';
import { createClosers } from '@hearth/test-kit/closers';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { launchWebHostApp, type WebHostApp } from './launch';

const DESKTOP = path.resolve(import.meta.dirname, '../../..');

let relay: TestRelay;
let app: WebHostApp;
let browser: Browser;
let work: string;
/** The relay, the web host and the browser, closed newest first. */
const started = createClosers();

describe.skipIf(withoutChromium())('the real renderer in Chromium through the web host', () => {
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-chromium-'));
    const rendererDir = path.join(work, 'renderer');
    await build({ configFile: path.join(DESKTOP, 'vite.config.ts'), logLevel: 'silent', build: { outDir: rendererDir } });
    relay = started.add(await startTestRelay(), () => relay.dispose());
    app = started.add(
      await launchWebHostApp({
        relayUrl: relay.url,
        dataDir: path.join(work, 'data'),
        rendererDir,
        appVersion: '0.1.0-e2e',
        logger: silentLogger(),
      }),
      () => app.close(),
    );
    browser = started.add(await launchChromium(), () => browser.close());
  }, 120_000);

  afterAll(async () => {
    await started.closeAll();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('shows the relay’s policy version through window.hearth, and nothing leaves the machine', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(app.host.url);
    await expect.poll(() => page.getByTestId('policy-version').textContent(), { timeout: 15_000 }).toBe('2026-12-04');
    // No grown-ups' password yet: first run's welcome.
    expect(await page.locator('[data-screen="first-run-welcome"]').count()).toBe(1);
    expect(await page.getByTestId('app-version').textContent()).toBe('0.1.0-e2e');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(requests.filter((u) => !u.startsWith(app.host.origin))).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('gets nothing from main with a wrong token, says to open the new link, and stops trying', async () => {
    const page = await browser.newPage();
    let sockets = 0;
    page.on('websocket', () => void (sockets += 1));
    await page.goto(`${app.host.origin}/?token=not-the-token`);
    await page.locator('[data-screen="stale-link"]').waitFor({ timeout: 15_000 });
    expect(await page.getByRole('alert').textContent()).toContain('npm start');
    expect(await page.getByTestId('policy-version').count()).toBe(0);
    const tried = sockets;
    await new Promise((r) => setTimeout(r, 1_500));
    expect(sockets).toBe(tried);
    expect(tried).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('says the same to a tab opened without any token, without trying at all', async () => {
    const page = await browser.newPage();
    let sockets = 0;
    page.on('websocket', () => void (sockets += 1));
    await page.goto(`${app.host.origin}/`);
    await page.locator('[data-screen="stale-link"]').waitFor({ timeout: 15_000 });
    expect(await page.getByRole('alert').textContent()).toContain('grown-up');
    expect(sockets).toBe(0);
    await page.close();
  });
});
