/**
 * Updates and sign-in protection in the pane's "This computer" (issue 17 §3–4), through the UI on
 * the web host: a copy of Hearth not installed from a package says it is not updated here, and the
 * web host says plainly that it does not encrypt sign-ins (it has no safeStorage). In both languages,
 * each screen checked with axe-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { createClosers } from '@hearth/test-kit/closers';
import { launchChromium, openWindow } from './support/browser';
import { familyFirstRun, familyPerLanguage, openPane } from './support/flows';
import { startWorld, type World } from './support/hosts';
import { shows } from './support/see';
import { windowFor } from './support/ui';

const STEP_MS = 180_000;
const tag = Date.now().toString(36);

let world: World;
let browser: Browser;
const started = createClosers();

describe.skipIf(withoutChromium())('updates and sign-in protection in "This computer"', () => {
  beforeAll(async () => {
    world = started.add(await startWorld(), () => world.close());
    browser = started.add(await launchChromium(), () => browser.close());
  }, STEP_MS);

  afterAll(() => started.closeAll());

  for (const person of familyPerLanguage(tag)) {
    it(
      `shows the updates card and how sign-ins are kept (${person.lang})`,
      async () => {
        const pc = await world.newPc(`updates-${person.lang}`);
        const opened = await openWindow(browser, person.locale);
        const w = windowFor(opened.page, person.lang, pc.name);
        await familyFirstRun(w, pc.url, person.parent, { name: person.child, avatar: 'owl' }, false);
        await openPane(w, person.parent, false);
        await w.page.getByRole('button', { name: w.text('pane.nav.computer') }).click();
        const card = w.page.getByTestId('updates-card');
        await shows(card, w.text('updates.title'));
        await shows(card, w.text('updates.notPackaged'));
        await shows(card, w.text('updates.channel', { channel: w.text('updates.channelStable') }));
        await w.button('updates.checkNow').click();
        await shows(card, w.text('updates.problems.feed-not-configured'));
        const note = w.page.getByTestId('credential-protection');
        await shows(note, w.text('credentials.plain'));
        await w.shot(`grown-ups-updates-${person.lang}`);
        expect(w.problems).toEqual([]);
      },
      STEP_MS,
    );
  }
});
