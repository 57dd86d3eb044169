/**
 * The grown-ups' pane as a family meets it, in English and Spanish, through the UI only: one
 * sign-in that lasts across pane locks (until "Sign out"), the lock-out after wrong passwords told
 * in words with the Hearth account as the way in, and a stale browser tab that says what to do.
 * Screens are saved under artifacts/screens/ and checked with axe-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { createClosers } from '@hearth/test-kit/closers';
import { launchChromium, openWindow } from './support/browser';
import {
  backHome,
  bubbleWith,
  closePane,
  familyFirstRun,
  familyPerLanguage,
  leaveProfile,
  openChat,
  openPane,
  pickProfile,
  sendText,
  type ParentInfo,
} from './support/flows';
import { startPc, startWorld, stopPc, type Pc, type World } from './support/hosts';
import { lacks, reads, shows, valueIs, visible } from './support/see';
import { windowFor, type Lang, type Window } from './support/ui';

const STEP_MS = 180_000;
const tag = Date.now().toString(36);

type Family = { lang: Lang; locale: string; parent: ParentInfo; child: string; pc: Pc; w: Window; context: BrowserContext };

const PEOPLE = familyPerLanguage(tag);

let world: World;
let browser: Browser;
/** The world and the browser, closed newest first. */
const started = createClosers();
const families: Family[] = [];

/** Starts the family's PC again (Hearth quit: the parent session in main's memory is gone) and reopens its page. */
async function restart(f: Family): Promise<void> {
  await stopPc(f.pc);
  await startPc(f.pc, world.relay, world.rendererDir);
  await f.w.page.goto(f.pc.url);
  await f.w.screen('profile-picker');
}

/** Types a wrong grown-ups' password once the last wait is over, and waits until the pane shows the new wait. */
async function wrongPassword(w: Window): Promise<void> {
  const wait = w.page.locator('.field-problem[role="status"]');
  await expect.poll(() => wait.count(), { timeout: 20_000 }).toBe(0);
  await w.field('pane.password').fill('not-the-password');
  await w.button('pane.unlock').click();
  await visible(wait);
}

describe.skipIf(withoutChromium())("the grown-ups' pane, through the UI", () => {
  beforeAll(async () => {
    world = started.add(await startWorld(), () => world.close());
    browser = started.add(await launchChromium(), () => browser.close());
  }, STEP_MS);

  afterAll(() => started.closeAll());

  it(
    'sets up two family PCs, one in English and one in Spanish',
    async () => {
      for (const person of PEOPLE) {
        const pc = await world.newPc(`pane-${person.lang}`);
        const opened = await openWindow(browser, person.locale);
        const w = windowFor(opened.page, person.lang, pc.name);
        await familyFirstRun(w, pc.url, person.parent, { name: person.child, avatar: 'owl' }, false);
        families.push({ ...person, pc, w, context: opened.context });
      }
    },
    STEP_MS,
  );

  it(
    'asks for the Hearth account once, with the email remembered, and not again after the pane locks until "Sign out"',
    async () => {
      for (const f of families) {
        const { w, parent } = f;
        await restart(f);
        await w.button('picker.grownUps').click();
        await w.field('pane.password').fill(parent.paneSecret);
        await w.button('pane.unlock').click();
        await w.screen('grown-ups-requests-sign-in');
        await valueIs(w.field('firstRun.email'), parent.email);
        await shows(w.page.locator('form'), w.text('pane.signInLead'));
        await w.shot('sign-in-email-remembered');
        await w.field('firstRun.relayPassword').fill(parent.password);
        await w.page
          .getByRole('form')
          .getByRole('button', { name: w.text('firstRun.signIn') })
          .click();
        await w.screen('grown-ups-requests');
        await visible(w.button('pane.signOut'));
        await w.shot('pane-signed-in');

        // Back to the children (the pane locks), then in again: the password only.
        await closePane(w);
        expect(await openPane(w, parent, false)).toBe('kept');
        await w.shot('pane-again-password-only');

        // "Sign out" ends it: the next visit asks for the account again.
        await w.button('pane.signOut').click();
        await w.screen('profile-picker');
        expect(await openPane(w, parent, false)).toBe('signed-in');
        await closePane(w);
        expect(w.problems).toEqual([]);
      }
    },
    STEP_MS,
  );

  it(
    'tells the lock-out in words and lets the grown-up who set up the PC in with their Hearth account, not another one',
    async () => {
      for (const [i, f] of families.entries()) {
        const { w, parent } = f;
        const stranger = (families[1 - i] as Family).parent;
        await w.button('picker.grownUps').click();
        await w.screen('grown-ups-locked');
        for (let tries = 0; tries < 5; tries++) await wrongPassword(w);
        const wait = w.page.locator('.field-problem[role="status"]');
        await reads(wait, w.text('pane.waitMinutes_other', { count: 15 }));
        await lacks(w.page.locator('main'), '879');
        await visible(w.page.getByRole('heading', { name: w.text('pane.account.title') }));
        await valueIs(w.field('firstRun.email'), parent.email);
        await w.shot('locked-out-in-words');

        // Another family's grown-up is refused before the pane opens.
        await w.field('firstRun.email').fill(stranger.email);
        await w.field('firstRun.relayPassword').fill(stranger.password);
        await w.button('pane.account.submit').click();
        await visible(w.page.getByText(w.text('errors.accountUnlock.FORBIDDEN')));
        await w.screen('grown-ups-locked');
        await w.shot('locked-out-other-account-refused');

        // The grown-up who set it up is let in at once, and the wait is over.
        await w.field('firstRun.email').fill(parent.email);
        await w.field('firstRun.relayPassword').fill(parent.password);
        await w.button('pane.account.submit').click();
        await w.screen('grown-ups-requests');
        await w.shot('unlocked-with-account');
        await closePane(w);
        await w.button('picker.grownUps').click();
        await w.screen('grown-ups-locked');
        await expect.poll(() => wait.count()).toBe(0);
        await w.page.locator('.back-button').click();
        await w.screen('profile-picker');
        expect(await openPane(w, parent, false)).toBe('kept');
        await closePane(w);
        expect(w.problems).toEqual([]);
      }
    },
    STEP_MS,
  );

  it(
    'brings a child’s message to "My grown-up" into the pane, and the grown-up’s answer back to the child',
    async () => {
      for (const f of families) {
        const { w, parent, child } = f;
        const note = `Pizza tonight? ${child} ${tag}`;
        const answer = `OK, pizza ${tag}!`;
        await pickProfile(w, child);
        await openChat(w, parent.name);
        await shows(w.page.getByTestId('grown-up-where'), w.text('grownUpChat.where', { name: parent.name }));
        await sendText(w, note);
        await w.shot('chat-to-my-grown-up');
        await backHome(w);
        await leaveProfile(w);

        // The pane (the session kept since the last visit) shows it, and answers with that session.
        expect(await openPane(w, parent, false)).toBe('kept');
        await w.button('pane.nav.messages').click();
        await w.screen('grown-ups-messages');
        const convo = w.page.getByRole('region', { name: w.text('pane.messages.with', { name: child }) });
        await shows(convo, note);
        await w.field('pane.messages.replyLabel', { name: child }).fill(answer);
        await w.button('pane.messages.send').click();
        await shows(convo, answer);
        await expect.poll(() => convo.locator('em').count(), { timeout: 20_000 }).toBe(0);
        await w.shot('pane-messages');
        await closePane(w);

        await pickProfile(w, child);
        await openChat(w, parent.name);
        await bubbleWith(w, answer).waitFor();
        await w.shot('chat-answer-from-the-pane');
        await backHome(w);
        await leaveProfile(w);
        expect(w.problems).toEqual([]);
      }
    },
    STEP_MS,
  );

  it(
    'tells a tab without this launch’s token to open the new link, and stops trying',
    async () => {
      for (const f of families) {
        const origin = new URL(f.pc.url).origin;
        for (const [name, url] of [
          ['stale-link-no-token', `${origin}/`],
          ['stale-link-old-token', `${origin}/?token=a-token-of-an-earlier-launch`],
        ] as const) {
          const page = await f.context.newPage();
          let sockets = 0;
          page.on('websocket', () => void (sockets += 1));
          await page.goto(url);
          const w = windowFor(page, f.lang, f.pc.name);
          await w.screen('stale-link');
          await reads(page.locator('h1'), w.text('app.staleLink.title'));
          await shows(page.getByRole('alert'), w.text('app.staleLink.grownUps'));
          await lacks(page.locator('main'), w.text('app.lostConnection'));
          await w.shot(name);
          const tried = sockets;
          await new Promise((r) => setTimeout(r, 2_000));
          expect(sockets).toBe(tried);
          expect(w.problems).toEqual([]);
          await page.close();
        }
      }
    },
    STEP_MS,
  );
});
