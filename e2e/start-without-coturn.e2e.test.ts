/**
 * A first run on a machine without coturn, through `npm start`'s seam for it (`TURNSERVER_PATH`
 * naming a file that does not exist): the terminal says in one line what is missing and the
 * command that installs it, and a child who presses call (the grown-ups' default sends calls
 * through the Hearth server) is told why it cannot work and whom to ask. Two PCs on this machine,
 * as the README's Quick start describes: the second `npm start` uses the running relay.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { COTURN_MISSING_LINE } from '../scripts/start/desktop-session';
import { launchChromium, withoutChromium } from '@hearth/test-kit/chromium';
import { befriend, must, setUpFamily } from '@hearth/test-kit/desktop';
import { bridgeApi } from '@hearth/test-kit/pc-processes';
import { freePort } from '@hearth/test-kit/ports';
import { freshEnv, npmStart, type NpmStart } from './support/npm-start';
import { SCREENS_DIR } from './support/screens';

describe.skipIf(withoutChromium())('npm start on a machine without coturn', () => {
  let work: string | undefined;
  let browser: Browser | undefined;
  const starts: NpmStart[] = [];
  const bridges: { close: () => void }[] = [];

  afterAll(async () => {
    for (const b of bridges) b.close();
    await browser?.close();
    for (const s of starts.reverse()) s.kill();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('says so in one line with the command that installs it, and tells a child who presses call to ask a grown-up', async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'hearth-first-run-'));
    const env = freshEnv(work, await freePort(), { TURNSERVER_PATH: path.join(work, 'no-such-turnserver') });
    const first = npmStart(env);
    starts.push(first);
    const firstUrl = await first.url();
    const coturnLines = first
      .output()
      .split('\n')
      .filter((line) => /coturn|TURN/.test(line));
    expect(coturnLines).toEqual([COTURN_MISSING_LINE]);
    expect(COTURN_MISSING_LINE).toContain('install it with: sudo apt-get install coturn');

    // The second PC on this machine (README, Quick start), once the first is serving.
    const second = npmStart({ ...env, HEARTH_DESKTOP_DATA_DIR: path.join(work, 'desktop-2') });
    starts.push(second);
    const secondUrl = await second.url();
    expect(second.output()).toContain('a relay is already answering');

    const [a, b] = await Promise.all([bridgeApi(firstUrl), bridgeApi(secondUrl)]);
    bridges.push(a, b);
    const alice = await setUpFamily(a.api, 'Alice');
    const bob = await setUpFamily(b.api, 'Bob');
    await befriend(a.api, alice.childId, b.api, bob.childId);
    for (const [pc, childId] of [
      [a.api, alice.childId],
      [b.api, bob.childId],
    ] as const) {
      // The grown-ups' default, said out loud: calls go through the Hearth server (TURN) only.
      must(await pc.updateSettings({ relayOnlyCalls: true }));
      must(await pc.lock());
      must(await pc.selectProfile({ childId }));
    }

    browser = await launchChromium();
    const open = async (url: string): Promise<Page> => {
      const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(url);
      await page.locator('[data-screen="kid-home"]').waitFor({ timeout: 30_000 });
      return page;
    };
    const [alicePage] = await Promise.all([open(firstUrl), open(secondUrl)]);
    const dial = alicePage.getByTestId(`call-video-${bob.childId}`);
    await expect.poll(() => dial.isEnabled(), { timeout: 30_000 }).toBe(true);
    await dial.click();
    const told = alicePage.getByText(
      'Calls here must go through your family’s call server, and none is set up. Ask a grown-up to look at the calls setting.',
    );
    await expect.poll(() => told.isVisible(), { timeout: 30_000 }).toBe(true);
    await mkdir(SCREENS_DIR, { recursive: true });
    await alicePage.screenshot({ path: path.join(SCREENS_DIR, 'call-without-coturn.png') });

    for (const s of [second, first]) expect(await s.interrupt()).toMatch(/^(SIGINT|code 0)$/);
  }, 300_000);
});
