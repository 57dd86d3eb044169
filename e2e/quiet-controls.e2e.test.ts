/**
 * The grown-ups' quiet-time controls (issue 14), in Chromium through the UI, against a real relay
 * whose clock the test sets: every time is on the 24-hour clock in both languages (Chromium's
 * en-US `type="time"` would say AM/PM), and "quiet now until T" refuses a T that does not happen
 * that day. The relay's clock is 00:30 on Sunday 28 March 2027 in London, the night the clocks go
 * forward from 01:00 to 02:00: 01:30 does not exist. In the pane of the children's PC (English)
 * and in parent mode on the grown-up's own PC (English and Spanish). Screens saved under
 * artifacts/screens/ and checked with axe-core.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { createHearthClient, type ChildId, type HearthApi } from '@hearth/common';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { createClosers } from '@hearth/test-kit/closers';
import { directTransport, must, RELAY_PASSWORD, setUpFamily, TEST_PASSWORD } from '@hearth/test-kit/desktop';
import { startTestRelay } from '@hearth/test-kit/relay';
import { openWindow } from './support/browser';
import { buildRenderer, startPc, stopPc, type Pc } from './support/hosts';
import { shows, visible } from './support/see';
import { storyHooks } from './support/story';
import { windowFor, type Window } from './support/ui';

const STEP_MS = 180_000;
/** 00:30 GMT on 28 March 2027: in London the clocks go from 01:00 to 02:00 tonight. */
const RELAY_NOW = Date.UTC(2027, 2, 28, 0, 30);

type ControlsWorld = Readonly<{
  kidsPc: Pc;
  parentPc: Pc;
  kids: HearthApi;
  parent: HearthApi;
  close: () => Promise<void>;
}>;

let world: ControlsWorld;
let browser: Browser;
let mia: Awaited<ReturnType<typeof setUpFamily>>;
const started = createClosers();

async function startControlsWorld(): Promise<ControlsWorld> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-quiet-controls-'));
  const rendererDir = await buildRenderer(work);
  const relay = await startTestRelay({}, { now: () => RELAY_NOW });
  const kidsPc: Pc = { name: 'kids', dataDir: path.join(work, 'kids'), app: null, url: '' };
  const parentPc: Pc = { name: 'parent', dataDir: path.join(work, 'parent'), app: null, url: '' };
  for (const pc of [kidsPc, parentPc]) {
    await fs.mkdir(pc.dataDir);
    await startPc(pc, relay, rendererDir);
  }
  const api = (pc: Pc): HearthApi => {
    if (!pc.app) throw new Error(`${pc.name} is not running`);
    return createHearthClient(directTransport(pc.app.core));
  };
  return {
    kidsPc,
    parentPc,
    kids: api(kidsPc),
    parent: api(parentPc),
    close: async () => {
      for (const pc of [kidsPc, parentPc]) await stopPc(pc).catch(() => undefined);
      await relay.dispose();
      await fs.rm(work, { recursive: true, force: true });
    },
  };
}

/** Picks a time in a 24-hour time field by its label: the hour, then the minutes. */
async function pickTime(w: Window, scope: Locator, labelKey: string, time: string): Promise<void> {
  const [hour = '', minutes = ''] = time.split(':');
  const field = w.text(labelKey);
  await scope.getByLabel(w.text('pane.timeField.hours', { field }), { exact: true }).selectOption(hour);
  await scope.getByLabel(w.text('pane.timeField.minutes', { field }), { exact: true }).selectOption(minutes);
}

/** What a 24-hour time field shows now, `HH:MM`. */
async function shownTime(w: Window, scope: Locator, labelKey: string): Promise<string> {
  const field = w.text(labelKey);
  const hour = await scope.getByLabel(w.text('pane.timeField.hours', { field }), { exact: true }).inputValue();
  const minutes = await scope.getByLabel(w.text('pane.timeField.minutes', { field }), { exact: true }).inputValue();
  return `${hour}:${minutes}`;
}

/** "Quiet now until 01:30" refused with TIME_NOT_IN_DAY's sentence, and the child's quiet time as it was. */
async function refusedSkippedTime(w: Window, scope: Locator, until: string): Promise<void> {
  await pickTime(w, scope, 'pane.quiet.quietNow', until);
  expect(await shownTime(w, scope, 'pane.quiet.quietNow')).toBe(until);
  await scope.getByRole('button', { name: w.text('pane.quiet.quietNowButton') }).click();
  await shows(scope, w.text('errors.TIME_NOT_IN_DAY'));
  await shows(scope.getByTestId('quiet-status'), w.text('pane.quiet.status.open'));
}

/** The relay's view of Mia's quiet time, asked as her grown-up on the parent's PC. */
async function miaQuietNow(): Promise<boolean> {
  return must(await world.parent.getChildQuietAsMe({ childId: mia.childId as ChildId })).status.quiet;
}

describe.skipIf(withoutChromium())(
  'the grown-ups’ quiet-time controls, on the 24-hour clock, on the night the clocks change',
  () => {
    storyHooks({
      started,
      timeoutMs: STEP_MS,
      failedPrefix: 'quiet-controls-',
      fullPage: true,
      start: startControlsWorld,
      use: async (made, opened) => {
        world = made;
        browser = opened;
        mia = await setUpFamily(world.kids, 'Mia');
        must(
          await world.kids.setQuietTimeZone({ childId: mia.childId as ChildId, timeZone: 'Europe/London', wholeFamily: true }),
        );
        must(await world.kids.lock());
        // Mia's grown-up on their own PC, in parent mode.
        must(await world.parent.signInParent({ email: mia.parentEmail, password: RELAY_PASSWORD }));
        must(await world.parent.setParentPassword({ password: TEST_PASSWORD }));
        const me = must(await world.parent.startParentMode({ email: mia.parentEmail, password: RELAY_PASSWORD }));
        // "Open my messages".
        must(await world.parent.selectProfile({ childId: me.childId }));
      },
    });

    it(
      'shows 24-hour times in the pane under an en-US locale, and refuses quiet until a time the clocks skip',
      async () => {
        const { page } = await openWindow(browser, 'en-US');
        const w = windowFor(page, 'en', 'quiet-controls-en');
        await page.goto(world.kidsPc.url);
        await w.screen('profile-picker');
        await w.button('picker.grownUps').click();
        await w.screen('grown-ups-locked');
        await w.field('pane.password').fill(TEST_PASSWORD);
        await w.button('pane.unlock').click();
        const signIn = page.locator('[data-screen="grown-ups-requests-sign-in"]');
        await signIn.or(page.locator('[data-screen="grown-ups-requests"]')).waitFor({ timeout: 20_000 });
        if ((await signIn.count()) > 0) {
          await w.field('firstRun.email').fill(mia.parentEmail);
          await w.field('firstRun.relayPassword').fill(RELAY_PASSWORD);
          await page
            .getByRole('form')
            .getByRole('button', { name: w.text('firstRun.signIn') })
            .click();
          await w.screen('grown-ups-requests');
        }
        await page.getByRole('button', { name: w.text('pane.nav.quiet') }).click();
        await w.screen('grown-ups-quiet');
        const main = page.locator('main');
        await visible(main.getByTestId('quiet-status'));
        // No time field of the browser's own (AM/PM under en-US) is left.
        expect(await page.locator('input[type="time"]').count()).toBe(0);
        // The school-nights preset reads 20:00 in the weekly editor, not 8:00 PM.
        await w.button('pane.quiet.preset.schoolNights').click();
        const monday = main.locator('.quiet-day[data-day="mon"]');
        expect(await shownTime(w, monday, 'pane.quiet.from')).toBe('20:00');
        expect(await shownTime(w, monday, 'pane.quiet.to')).toBe('07:00');
        // Hours run 00 to 23.
        const hours = monday.getByLabel(w.text('pane.timeField.hours', { field: w.text('pane.quiet.from') }), { exact: true });
        expect(await hours.locator('option').allTextContents()).toEqual(
          Array.from({ length: 24 }, (_x, h) => String(h).padStart(2, '0')),
        );
        await pickTime(w, monday, 'pane.quiet.from', '21:15');
        expect(await shownTime(w, monday, 'pane.quiet.from')).toBe('21:15');
        await w.shot('pane');

        await refusedSkippedTime(w, main, '01:30');
        expect(await miaQuietNow()).toBe(false);
        await w.shot('pane-time-not-in-day');
        expect(w.problems).toEqual([]);
      },
      STEP_MS,
    );

    it.each([
      { lang: 'en' as const, locale: 'en-US' },
      { lang: 'es' as const, locale: 'es-ES' },
    ])(
      'shows the child’s quiet time in parent mode, refuses a skipped time, and starts quiet until a real one ($lang)',
      async ({ lang, locale }) => {
        must(await world.parent.updateSettings({ language: lang }));
        const { page, context } = await openWindow(browser, locale);
        const w = windowFor(page, lang, `quiet-controls-parent-${lang}`);
        await page.goto(world.parentPc.url);
        await w.screen('parent-home');
        const card = page.locator(`.quiet-card[data-child="${mia.childId}"]`);
        await visible(card.getByTestId('quiet-status'));
        expect(await page.locator('input[type="time"]').count()).toBe(0);
        expect(await shownTime(w, card, 'pane.quiet.quietNow')).toBe('07:00');
        await card.scrollIntoViewIfNeeded();
        await w.shot('parent-mode');

        await refusedSkippedTime(w, card, '01:30');
        expect(await miaQuietNow()).toBe(false);
        await w.shot('parent-mode-time-not-in-day');

        if (lang === 'es') {
          // 03:00 happens tonight (the clocks jump from 01:00 to 02:00): quiet until then.
          await pickTime(w, card, 'pane.quiet.quietNow', '03:00');
          await card.getByRole('button', { name: w.text('pane.quiet.quietNowButton') }).click();
          await shows(card.getByTestId('quiet-status'), w.text('pane.quiet.status.quietUntil', { time: '3:00' }));
          expect(await miaQuietNow()).toBe(true);
          await w.shot('parent-mode-quiet-now');
        }
        expect(w.problems).toEqual([]);
        await context.close();
      },
      STEP_MS,
    );
  },
);
