/**
 * Forms that say why their button is grey, and the secret-picture setup at laptop sizes, in
 * English and Spanish, through the UI only (issue 11, items 7 and 9): a bad email, a birthday
 * ticked without a date, an empty computer name and a friend code with a character codes never
 * use are each said next to the field (`aria-invalid`, `aria-describedby`), and the grey button's
 * description reads the same reason; the picture pad shows one slot per picture of the secret,
 * and its "not the same" error is on screen at 1280×800 and 1366×768.
 * Screens are saved under artifacts/screens/ and checked with axe-core.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { launchChromium, openWindow } from './support/browser';
import { closePane, familyPerLanguage, openPane, savePaneSecret } from './support/flows';
import { startWorld, type World } from './support/hosts';
import { SCREENS_DIR } from './support/screens';
import { attr, checked, countIs, reads, shows, visible } from './support/see';
import { windowFor, type Lang, type Window } from './support/ui';

const STEP_MS = 180_000;
const tag = Date.now().toString(36);
const LAPTOPS = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
] as const;

const PEOPLE = familyPerLanguage(tag);

let world: World;
let browser: Browser;
const windows = new Map<Lang, Window>();

/** What a screen reader says after an element's name: the text of the elements its aria-describedby names. */
async function description(w: Window, l: Locator): Promise<string> {
  const ids = ((await l.getAttribute('aria-describedby', { timeout: 1_000 }).catch(() => null)) ?? '').split(/\s+/);
  const texts = await Promise.all(
    ids
      .filter((id) => id !== '')
      .map((id) =>
        w.page
          .locator(`[id="${id}"]`)
          .innerText({ timeout: 1_000 })
          .catch(() => ''),
      ),
  );
  return texts.join(' ');
}

/**
 * A field tells `problem` next to it (marked invalid, described by it), and the grey button is
 * described by the same sentence.
 */
async function saysWhy(w: Window, field: Locator, button: Locator, problem: string): Promise<void> {
  await attr(field, 'aria-invalid', 'true');
  await expect.poll(() => description(w, field)).toContain(problem);
  await visible(w.page.locator('.field-problem', { hasText: problem }));
  await expect.poll(() => button.isDisabled()).toBe(true);
  await expect.poll(() => description(w, button)).toContain(problem);
}

/** The first match is wholly inside the window as it is now. */
async function inView(w: Window, l: Locator): Promise<void> {
  const size = w.page.viewportSize();
  if (!size) throw new Error('the page has no viewport size');
  await expect
    .poll(async () => {
      const box = await l
        .first()
        .boundingBox({ timeout: 1_000 })
        .catch(() => null);
      if (!box) return 'not shown';
      // A pixel's slack for sub-pixel layout.
      const inside = box.y >= -1 && box.y + box.height <= size.height + 1 && box.x >= -1 && box.x + box.width <= size.width + 1;
      return inside ? 'inside' : `at ${JSON.stringify(box)} in ${size.width}×${size.height}`;
    })
    .toBe('inside');
}

/**
 * Clicks a button scrolled only just into view, at the bottom edge of the window: as a grown-up
 * scrolls down to the button and no further.
 */
async function clickAtBottom(w: Window, l: Locator): Promise<void> {
  const size = w.page.viewportSize();
  const box = await l.first().boundingBox();
  if (!size || !box) throw new Error('the button is not on the page');
  await w.page.evaluate(`window.scrollBy(0, ${Math.round(box.y + box.height - size.height + 4)})`);
  await l.click();
}

/** Taps pictures in the picture pad inside `within`. */
async function tap(w: Window, within: Locator, pictures: readonly string[]): Promise<void> {
  for (const p of pictures) await within.getByRole('button', { name: w.text(`pictures.${p}`), exact: true }).click();
}

describe.skipIf(withoutChromium())('forms say why a button is grey; the picture pad fits a laptop', () => {
  beforeAll(async () => {
    world = await startWorld();
    browser = await launchChromium();
  }, STEP_MS);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it(
    'says next to each field what is wrong during first run, and the grey button reads it too',
    async () => {
      for (const { lang, locale, parent, child } of PEOPLE) {
        const pc = await world.newPc(`forms-${lang}`);
        const opened = await openWindow(browser, locale);
        await opened.page.setViewportSize(LAPTOPS[0]);
        const w = windowFor(opened.page, lang, pc.name);
        windows.set(lang, w);
        await w.page.goto(pc.url);
        await w.screen('first-run-welcome');
        if (lang !== 'en') await w.page.getByRole('button', { name: 'Español' }).click();
        await reads(w.page.locator('h1'), w.text('firstRun.titles.welcome'));
        await w.choice('firstRun.forChildren').click();

        // The account: an email without an @ (said once the grown-up moves on to the password).
        await w.screen('first-run-account');
        const create = w.button('firstRun.createAccount');
        await expect.poll(() => description(w, create)).toBe(w.text('firstRun.needName'));
        await w.field('firstRun.yourName').fill(parent.name);
        await w.field('firstRun.email').fill(parent.email.replace('@', '.'));
        await w.field('firstRun.relayPassword').fill(parent.password);
        await saysWhy(w, w.field('firstRun.email'), create, w.text('firstRun.emailProblem'));
        await w.shot('account-bad-email');
        await w.field('firstRun.email').fill(parent.email);
        await expect.poll(() => create.isDisabled()).toBe(false);
        expect(await create.getAttribute('aria-describedby')).toBeNull();
        await create.click();

        // The next step starts at its top (its title and "Step 3 of 7" in view), not as far down as the last.
        await w.screen('first-run-policy');
        expect(await w.page.evaluate('scrollY')).toBe(0);
        await w.page.getByRole('checkbox').check();
        await w.button('common.continue').click();

        // A child: a birthday asked for, but no date.
        await w.screen('first-run-children');
        // The username is suggested from the name once there is one; nothing made up before.
        expect(await w.field('child.username').inputValue()).toBe('');
        await w.field('child.name').fill(child);
        expect(await w.field('child.username').inputValue()).toMatch(/^[a-z0-9]{3,}$/);
        await w.page.getByRole('radio', { name: w.text('child.addBirthday'), exact: true }).check();
        await saysWhy(w, w.field('child.birthdayDate'), w.button('child.add'), w.text('child.birthdayProblem'));
        await w.shot('child-birthday-without-date');
        await w.page
          .getByRole('radio', { name: w.text('child.skip'), exact: true })
          .first()
          .check();
        await w.button('child.add').click();
        await checked(w.page.getByRole('checkbox', { name: child }));
        await w.button('common.continue').click();

        // This computer, with its name cleared.
        await w.screen('first-run-enroll');
        await w.field('firstRun.pcName').fill('');
        await saysWhy(w, w.field('firstRun.pcName'), w.button('firstRun.enroll'), w.text('firstRun.pcNameProblem'));
        await w.shot('enroll-without-name');
        await w.field('firstRun.pcName').fill(w.text('firstRun.pcNameDefault'));
        await w.button('firstRun.enroll').click();

        await savePaneSecret(w, parent);
        await w.button('firstRun.startFamily').click();
        await w.screen('profile-picker');
        expect(w.problems).toEqual([]);
      }
    },
    STEP_MS,
  );

  it(
    'shows one slot per secret picture, and the "not the same" error on screen at 1280×800 and 1366×768',
    async () => {
      for (const { lang, parent, child } of PEOPLE) {
        const w = windows.get(lang);
        if (!w) throw new Error(`no ${lang} window`);
        await openPane(w, parent, false);
        await w.page.getByRole('button', { name: w.text('pane.nav.children') }).click();
        await w.screen('grown-ups-children');
        const row = w.page.locator('.child-row', { hasText: child });
        await row.getByRole('button', { name: w.text('pane.children.setPictures') }).click();
        const slots = row.locator('.picture-slot');
        for (const [i, size] of LAPTOPS.entries()) {
          await w.page.setViewportSize(size);
          await tap(w, row, ['star', 'cat', 'moon']);
          await countIs(slots, 3);
          await row.getByRole('button', { name: w.text('common.continue') }).click();
          // Tapping it again: exactly three slots, before and after.
          await countIs(slots, 3);
          await countIs(row.locator('.picture-slot-on'), 0);
          await tap(w, row, ['cat', 'star', 'moon']);
          await countIs(slots, 3);
          if (i === 0) await w.shot('pictures-again-three-slots');
          await clickAtBottom(w, row.getByRole('button', { name: w.text('common.save') }));
          const mismatch = row.getByRole('alert').filter({ hasText: w.text('pane.children.picturesMismatch') });
          await inView(w, mismatch);
          await w.page.screenshot({
            path: path.join(SCREENS_DIR, `forms-${lang}-pictures-mismatch-${size.width}x${size.height}.png`),
          });
          await w.shot(`pictures-mismatch-${size.width}x${size.height}`);
        }
        // And the same pictures twice: saved.
        await tap(w, row, ['star', 'cat', 'moon']);
        await row.getByRole('button', { name: w.text('common.continue') }).click();
        await tap(w, row, ['star', 'cat', 'moon']);
        await row.getByRole('button', { name: w.text('common.save') }).click();
        await shows(row, w.text('pane.children.hasPictures'));
        await closePane(w);

        // The child's wrong pictures are said on screen too.
        await w.page.locator('.profile-tile', { hasText: child }).click();
        await w.screen('picture-password');
        await tap(w, w.page.locator('main'), ['moon', 'cat', 'star']);
        await clickAtBottom(w, w.button('pictures.go'));
        await inView(w, w.page.getByRole('alert').filter({ hasText: w.text('errors.pictures.WRONG_PASSWORD') }));
        await w.page.screenshot({ path: path.join(SCREENS_DIR, `forms-${lang}-pictures-wrong-1366x768.png`) });
        await tap(w, w.page.locator('main'), ['star', 'cat', 'moon']);
        await w.button('pictures.go').click();
        await w.screen('kid-home');
        expect(w.problems).toEqual([]);
      }
    },
    STEP_MS,
  );

  it(
    'says which character of a friend code is wrong, next to the box and on the grey button',
    async () => {
      for (const { lang } of PEOPLE) {
        const w = windows.get(lang);
        if (!w) throw new Error(`no ${lang} window`);
        await w.page.setViewportSize(LAPTOPS[0]);
        await w.page.locator('.add-friend-tile').click();
        await w.choice('addFriend.typeTheirs').click();
        await w.screen('add-friend-type');
        const box = w.page.getByLabel(w.text('addFriend.typeLabel'));
        const send = w.button('addFriend.send');
        await expect.poll(() => description(w, send)).toBe(w.text('addFriend.needCode'));
        await box.fill('ACDE-5FGH');
        await saysWhy(w, box, send, w.text('addFriend.codeProblem', { chars: '5' }));
        await w.shot('friend-code-wrong-character');
        await box.fill('ACDE-FGHJ');
        await expect.poll(() => send.isDisabled()).toBe(false);
        await expect.poll(() => box.getAttribute('aria-invalid')).toBeNull();
        expect(w.problems).toEqual([]);
      }
    },
    STEP_MS,
  );
});
