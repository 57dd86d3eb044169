/**
 * The machine policy (issue 17) as a family meets it, in English and Spanish: on a PC whose school
 * or IT locked the relay and relay-only calls, "This computer" shows the relay with "Set by your
 * school or IT", the calls checkbox cannot be changed, and "About this computer" lists each setting
 * with where it comes from and what was skipped. Screens are saved under artifacts/screens/.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { resolvePolicy } from '@hearth/desktop/main/policy/resolve';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { createClosers } from '@hearth/test-kit/closers';
import { launchChromium, openWindow } from './support/browser';
import { familyFirstRun, familyPerLanguage, openPane } from './support/flows';
import { startPc, startWorld, stopPc, type Pc, type World } from './support/hosts';
import { shows, visible } from './support/see';
import { windowFor } from './support/ui';

const STEP_MS = 240_000;
const tag = Date.now().toString(36);

let world: World;
let browser: Browser;
const started = createClosers();

describe.skipIf(withoutChromium())('machine policy: settings set by the school or IT, in the pane', () => {
  beforeAll(async () => {
    world = started.add(await startWorld(), () => world.close());
    browser = started.add(await launchChromium(), () => browser.close());
  }, STEP_MS);

  afterAll(() => started.closeAll());

  for (const person of familyPerLanguage(tag)) {
    it(
      `shows the locked relay and calls, and every setting's source (${person.lang})`,
      async () => {
        const policy = resolvePolicy({
          layers: [
            {
              origin: '/etc/hearth/policies/managed/school.json',
              tier: 'managed',
              values: { relayUrl: world.relay.url, relayOnlyCalls: true, wallpaper: 'x' },
            },
            { origin: '/etc/hearth/policies/recommended/school.json', tier: 'recommended', values: { gamesAllowed: false } },
          ],
        });
        const pc: Pc = {
          name: `policy-${person.lang}`,
          dataDir: path.join(world.work, `policy-${person.lang}`),
          app: null,
          url: '',
        };
        await fs.mkdir(pc.dataDir, { recursive: true });
        started.add(await startPc(pc, world.relay, world.rendererDir, { policy }), () => stopPc(pc));
        const opened = await openWindow(browser, person.locale);
        const w = windowFor(opened.page, person.lang, `machine-policy-${person.lang}`);
        await familyFirstRun(w, pc.url, person.parent, { name: person.child, avatar: 'owl' }, false);
        await openPane(w, person.parent, false);
        await w.page.getByRole('button', { name: w.text('pane.nav.computer') }).click();

        const relay = w.page.getByTestId('relay-url');
        await shows(relay, world.relay.url);
        await shows(relay, w.text('pane.machinePolicy.setByIt'));
        const calls = w.page.getByRole('checkbox', { name: w.text('pane.settings.relayOnlyCalls') });
        await expect.poll(() => calls.isDisabled()).toBe(true);
        expect(await calls.isChecked()).toBe(true);

        const about = w.page.getByTestId('about-this-computer');
        await visible(about);
        await shows(about, w.text('pane.machinePolicy.title'));
        const relayRow = about.locator('[data-policy-key="relayUrl"]');
        await shows(relayRow, w.text('pane.machinePolicy.source.managed'));
        await shows(relayRow, '/etc/hearth/policies/managed/school.json');
        await shows(about.locator('[data-policy-key="gamesAllowed"]'), w.text('pane.machinePolicy.source.recommended'));
        await shows(about.locator('[data-policy-key="effectsAllowed"]'), w.text('pane.machinePolicy.source.default'));
        await shows(w.page.getByTestId('policy-problems'), 'wallpaper');
        await w.shot('machine-policy');
      },
      STEP_MS,
    );
  }
});
