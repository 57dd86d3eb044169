/**
 * "Delete my grown-up account" (issue 15 §3) through the UI: on a family PC, the grown-up opens the
 * pane's "This computer", reads what goes (her child by name, as she is the last guardian) and what
 * stays, types her password again, and the account goes: the pane signs out, and signing in with
 * that account is refused. A screenshot of the card is saved under artifacts/screens/.
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

describe.skipIf(withoutChromium())('deleting my grown-up account, through the UI', () => {
  beforeAll(async () => {
    world = started.add(await startWorld(), () => world.close());
    browser = started.add(await launchChromium(), () => browser.close());
  }, STEP_MS);

  afterAll(() => started.closeAll());

  it(
    'says which child goes with the account, needs the password again, and signs the pane out',
    async () => {
      const person = familyPerLanguage(tag)[0];
      if (!person) throw new Error('no family');
      const pc = await world.newPc('grown-up-delete');
      const opened = await openWindow(browser, person.locale);
      const w = windowFor(opened.page, person.lang, pc.name);
      await familyFirstRun(w, pc.url, person.parent, { name: person.child, avatar: 'owl' }, false);
      await openPane(w, person.parent, false);
      await w.page.getByRole('button', { name: w.text('pane.nav.computer') }).click();
      await w.button('pane.deleteMe.open').click();
      const card = w.page.getByRole('group', { name: w.text('pane.deleteMe.title') });
      await shows(card.locator('[data-children="go"]'), w.text('pane.deleteMe.childrenGo_one', { names: person.child }));
      await shows(card, w.text('pane.deleteMe.stays'));
      await w.shot('grown-ups-delete-me');
      const yes = w.button('pane.deleteMe.yes');
      expect(await yes.isDisabled()).toBe(true);
      await w.field('pane.deleteForGood.password').fill('not my password');
      await yes.click();
      await card.getByRole('alert').waitFor({ timeout: 20_000 });
      await w.field('pane.deleteForGood.password').fill(person.parent.password);
      await yes.click();
      await card.waitFor({ state: 'detached', timeout: 30_000 });
      // The pane is signed out: no unlocked grown-ups' screen is left.
      await w.page.locator('[data-screen]').first().waitFor();
      expect(await w.page.locator('[data-card="delete-me"]').count()).toBe(0);
    },
    STEP_MS,
  );
});
