/**
 * The daily summary (issue 14, F10) in Chromium through the real renderer, in English and
 * Spanish: a child writes to her grown-up; the grown-up switches the summary on in the pane; the
 * child's "What my grown-ups can see" now says so in kid words; the family PC starts again the
 * next day (its clock moved on) and sends the day's counts; the grown-up's own PC in parent mode
 * lists it with its date and the PC's name. Screens saved under artifacts/screens/, axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createHearthClient, type HearthApi } from '@hearth/common';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { createClosers } from '@hearth/test-kit/closers';
import { directTransport, must, RELAY_PASSWORD, setUpFamily, TEST_PASSWORD } from '@hearth/test-kit/desktop';
import { waitFor } from '@hearth/test-kit/ports';
import { launchChromium, openWindow } from './support/browser';
import { backHome, closePane, leaveProfile, openPane, pickProfile } from './support/flows';
import { startPc, startWorld, stopPc, type Pc, type World } from './support/hosts';
import { countIs, shows, visible } from './support/see';
import { windowFor, type Lang } from './support/ui';

const STEP_MS = 180_000;
const DAY_MS = 24 * 60 * 60_000;

let world: World;
let browser: Browser;
const started = createClosers();

const apiOf = (pc: Pc): HearthApi => {
  if (!pc.app) throw new Error(`${pc.name} is not running`);
  return createHearthClient(directTransport(pc.app.core));
};

const PEOPLE = [
  { lang: 'en' as Lang, locale: 'en-GB', child: 'Ada' },
  { lang: 'es' as Lang, locale: 'es-ES', child: 'Luz' },
] as const;

describe.skipIf(withoutChromium())('the daily summary, through the UI', () => {
  beforeAll(async () => {
    world = started.add(await startWorld(), () => world.close());
    browser = started.add(await launchChromium(), () => browser.close());
  }, STEP_MS);

  afterAll(() => started.closeAll());

  it.each(PEOPLE)(
    'is switched on in the pane, told to the child, sent the next day and listed in parent mode ($lang)',
    async ({ lang, locale, child }) => {
      const familyPc = await world.newPc(`summary-${lang}`);
      const parentPc = await world.newPc(`summary-parent-${lang}`);
      const kid = await setUpFamily(apiOf(familyPc), child);
      const parent = { name: `${child}'s parent`, email: kid.parentEmail, password: RELAY_PASSWORD, paneSecret: TEST_PASSWORD };

      // The grown-up's own PC, in parent mode.
      const me = apiOf(parentPc);
      must(await me.signInParent({ email: kid.parentEmail, password: RELAY_PASSWORD }));
      must(await me.setParentPassword({ password: TEST_PASSWORD }));
      const { childId: parentId } = must(await me.startParentMode({ email: kid.parentEmail, password: RELAY_PASSWORD }));
      must(await me.selectProfile({ childId: parentId }));

      // The child's day: two messages to her grown-up.
      const family = apiOf(familyPc);
      must(await family.selectProfile({ childId: kid.childId }));
      for (const text of ['Hi!', 'Guess what I did']) {
        must(await family.sendMessage({ contactId: parentId, content: { kind: 'text', text } }));
      }
      must(await family.leaveProfile());
      must(await family.lock());

      // The grown-up switches the summary on in the pane.
      const opened = await openWindow(browser, locale);
      started.add(opened.context, () => opened.context.close());
      const w = windowFor(opened.page, lang, `daily-summary-${lang}`);
      await opened.page.goto(familyPc.url);
      await openPane(w, parent, false);
      await w.page.getByRole('button', { name: w.text('pane.nav.activity') }).click();
      await w.screen('grown-ups-activity');
      const toggle = w.page.getByRole('checkbox', { name: w.text('activityView.summaryToggle', { name: child }) });
      await expect.poll(() => toggle.isEnabled()).toBe(true);
      expect(await toggle.isChecked()).toBe(false);
      await toggle.check();
      await expect.poll(() => toggle.isChecked()).toBe(true);
      await closePane(w);

      // The child is told, in kid words.
      await pickProfile(w, child);
      await w.button('home.whatGrownUpsSee').click();
      await w.screen('what-grown-ups-see');
      const line = w.page.locator('.icon-list li', { hasText: w.text('dailySummaries.kidLine') });
      await visible(line);
      await line.scrollIntoViewIfNeeded();
      await w.shot('child-told');
      await backHome(w);
      await leaveProfile(w);
      await opened.context.close();

      // The next day the family PC starts again: the day's counts go to the grown-up.
      await stopPc(familyPc);
      await startPc(familyPc, world.relay, world.rendererDir, { now: () => Date.now() + DAY_MS });
      await waitFor(
        async () => must(await me.listDailySummariesAsMe({ childId: kid.childId })).summaries.length === 1,
        20_000,
        'the summary on the grown-up’s own PC',
      );
      const [got] = must(await me.listDailySummariesAsMe({ childId: kid.childId })).summaries;
      expect(got?.summary).toMatchObject({ pcName: `${child}'s PC`, sent: 2, received: 0 });
      expect(JSON.stringify(got)).not.toContain('Guess what');

      // Parent mode lists it: the date, the PC's name, the counts.
      const own = await openWindow(browser, locale);
      started.add(own.context, () => own.context.close());
      const p = windowFor(own.page, lang, `daily-summary-${lang}`);
      await own.page.goto(parentPc.url);
      await p.screen('parent-home');
      const section = own.page.getByRole('region', { name: p.text('dailySummaries.title') });
      await visible(section);
      const items = section.locator('.daily-summary-item');
      await countIs(items, 1);
      await shows(items.first(), `${child}'s PC`);
      await shows(items.first(), `${p.text('dailySummaries.sent_other', { count: 2 })} · `);
      await shows(items.first(), p.text('dailySummaries.people_one', { count: 1 }));
      await section.scrollIntoViewIfNeeded();
      await p.shot('parent-mode-list');
      expect(w.problems).toEqual([]);
      expect(p.problems).toEqual([]);
      expect(opened.watch.errors).toEqual([]);
      expect(own.watch.errors).toEqual([]);
    },
    STEP_MS,
  );
});
