/**
 * The language switch of first run, through the UI in Debian's Chromium, on a browser whose system
 * language is English: "Español" turns the welcome screen and every set-up step into Spanish at
 * once, "English" turns it back, any step can switch, and the choice is remembered across a reload
 * of the page and a restart of the PC's app. Screens are saved to artifacts/screens/ and checked
 * with axe-core (and for unfilled `{{…}}`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { createClosers } from '@hearth/test-kit/closers';
import { launchChromium, openWindow } from './support/browser';
import type { ParentInfo } from './support/flows';
import { startPc, startWorld, stopPc, type Pc, type World } from './support/hosts';
import { axeProblems, SCREENS_DIR, type AxeProblem } from './support/screens';
import { attr, checked, lacks, reads, shows } from './support/see';
import { windowFor, type Lang, type Window } from './support/ui';

const STEP_MS = 180_000;
const parent: ParentInfo = {
  name: 'Ana Gómez',
  email: `ana.${Date.now().toString(36)}@example.test`,
  password: 'relay-password-ana',
  paneSecret: 'grown-ups-ana',
};
const NATIVE: Readonly<Record<Lang, string>> = { en: 'English', es: 'Español' };

let world: World;
let browser: Browser;
/** The world and the browser, closed newest first. */
const started = createClosers();
let pc: Pc;
let page: Page;
/** The same window read in each language. */
let w: Readonly<Record<Lang, Window>>;
const problems: AxeProblem[] = [];

/** Saves the screen (named, not numbered with the families story) and collects its problems. */
async function shot(name: string): Promise<void> {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  await page.evaluate('document.fonts.ready');
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
  problems.push(...(await axeProblems(page, name)));
}

/** Presses the language's button and sees the page speak it. */
async function switchTo(lang: Lang, title: string): Promise<void> {
  await page.getByRole('button', { name: NATIVE[lang], exact: true }).click();
  await reads(page.locator('h1'), w[lang].text(title));
  await attr(page.locator('html'), 'lang', lang);
  await attr(page.getByRole('button', { name: NATIVE[lang], exact: true }), 'aria-pressed', 'true');
}

/** The relay's bundled policy of today, as a parent reads it: its first heading and one paragraph. */
const POLICY_DIR = path.resolve(import.meta.dirname, '../relay-server/policies/2026-12-04');
const policyLines = (lang: Lang): string[] =>
  fs
    .readFileSync(path.join(POLICY_DIR, `${lang}.md`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');

/**
 * The policy step shows the relay's policy in `lang` as paragraphs, in a box that scrolls, and says
 * what the app now has (deleting a child, saving a copy, deleting one's own grown-up account, and
 * what the server keeps after a deletion), no longer that it is not built yet.
 */
async function seePolicy(lang: Lang): Promise<void> {
  const box = page.getByRole('region', { name: w[lang].text('policy.fullTitle') });
  const [title, lead] = policyLines(lang);
  await reads(box.locator('h3').first(), (title ?? '').replace(/^#\s*/, ''));
  await reads(box.locator('p').first(), lead ?? '');
  // The box scrolls: its text is taller than the box.
  expect(
    await box.evaluate((el) => [el.ownerDocument.defaultView?.getComputedStyle(el).overflowY, el.scrollHeight > el.clientHeight]),
  ).toEqual(['auto', true]);
  await shows(page.locator('main'), w[lang].text('policy.notYet'));
  await lacks(page.locator('main'), lang === 'es' ? 'Puedes borrarlo todo' : 'You can delete everything');
  await lacks(page.locator('main'), lang === 'es' ? 'Todavía no existe' : 'Not built yet');
  await shows(page.locator('main'), lang === 'es' ? 'borrar tu propia cuenta de adulto' : 'delete your own grown-up account');
}

/** The step shows with its title in `lang`. */
async function atStep(lang: Lang, step: string): Promise<void> {
  await w[lang].screen(`first-run-${step}`);
  await reads(page.locator('h1'), w[lang].text(`firstRun.titles.${step}`));
}

describe.skipIf(withoutChromium())('the language of first run', () => {
  beforeAll(async () => {
    world = started.add(await startWorld(), () => world.close());
    browser = started.add(await launchChromium(), () => browser.close());
    pc = await world.newPc('first-run-language');
    const opened = await openWindow(browser, 'en-US');
    page = opened.page;
    w = { en: windowFor(page, 'en', 'lang'), es: windowFor(page, 'es', 'lang') };
  }, STEP_MS);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await page
      ?.screenshot({ path: path.join(SCREENS_DIR, `failed-first-run-language.png`), fullPage: true })
      .catch(() => undefined);
  });

  afterAll(() => started.closeAll());

  it(
    'switches the welcome screen at once, both ways, and remembers the choice when the page reloads',
    async () => {
      await page.goto(pc.url);
      await atStep('en', 'welcome');
      await shot('first-run-language-welcome-en');
      await switchTo('es', 'firstRun.titles.welcome');
      await reads(page.locator('.lead'), w.es.text('firstRun.welcomeLead'));
      await shot('first-run-language-welcome-es');
      await switchTo('en', 'firstRun.titles.welcome');
      await reads(page.locator('.lead'), w.en.text('firstRun.welcomeLead'));
      await page.reload();
      await atStep('en', 'welcome');
      await switchTo('es', 'firstRun.titles.welcome');
      await page.reload();
      await atStep('es', 'welcome');
      await attr(page.locator('html'), 'lang', 'es');
      expect(problems).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'speaks the chosen language on every set-up step, switches on any of them, and after a restart',
    async () => {
      const es = w.es;
      await es.choice('firstRun.forChildren').click();
      await atStep('es', 'account');
      await switchTo('en', 'firstRun.titles.account');
      await w.en.field('firstRun.yourName').fill(parent.name);
      await switchTo('es', 'firstRun.titles.account');
      await es.field('firstRun.email').fill(parent.email);
      await es.field('firstRun.relayPassword').fill(parent.password);
      await shot('first-run-language-account-es');
      await es.button('firstRun.createAccount').click();
      await atStep('es', 'policy');
      await seePolicy('es');
      await shot('first-run-language-policy-es');
      await switchTo('en', 'firstRun.titles.policy');
      await seePolicy('en');
      await shot('first-run-language-policy-en');
      await switchTo('es', 'firstRun.titles.policy');
      await seePolicy('es');
      await page.getByRole('checkbox').check();
      await es.button('common.continue').click();
      await atStep('es', 'children');
      await es.field('child.name').fill('Lucía');
      await page.getByRole('radio', { name: es.text('avatars.cat'), exact: true }).check();
      await es.button('child.add').click();
      await checked(page.getByRole('checkbox', { name: 'Lucía' }));
      await es.button('common.continue').click();
      await atStep('es', 'enroll');
      await es.button('firstRun.enroll').click();
      await atStep('es', 'password');
      await es.field('firstRun.paneSecret').fill(parent.paneSecret);
      await es.field('firstRun.paneSecretAgain').fill(parent.paneSecret);
      await es.button('firstRun.savePassword').click();
      await atStep('es', 'done');
      await shot('first-run-language-done-es');
      await es.button('firstRun.startFamily').click();
      await es.screen('profile-picker');
      await reads(page.locator('h1'), es.text('picker.title'));

      await stopPc(pc);
      await startPc(pc, world.relay, world.rendererDir);
      await page.goto(pc.url);
      await es.screen('profile-picker');
      await reads(page.locator('h1'), es.text('picker.title'));
      await attr(page.locator('html'), 'lang', 'es');
      expect(problems).toEqual([]);
    },
    STEP_MS,
  );
});
