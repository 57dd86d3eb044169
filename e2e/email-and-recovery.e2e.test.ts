/**
 * Verified email and "forgot password" (issue 12), through the UI only, in Debian's Chromium, with
 * a real relay sending through a real SMTP server on loopback, and a relay in "no email" mode:
 * - registering shows "Check your email", the same words whether the address is new or already
 *   has an account; the emailed code finishes first run;
 * - "Forgot password?" from the pane's sign-in: the code read from the SMTP server, a new
 *   password, signed in, the old sessions gone, the children's PC still enrolled;
 * - without email: "ask the person who runs it", and a code from `npm run relay:admin --
 *   reset-password` opens the locked pane through the same form.
 * Every screen is saved under artifacts/screens/ and checked with axe-core.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { createClosers } from '@hearth/test-kit/closers';
import type { TestRelay } from '@hearth/test-kit/relay';
import { openWindow } from './support/browser';
import { hasRelayAdmin, nextCode, operatorResetCode, startEmailWorld, type EmailWorld } from './support/email-world';
import {
  familyFirstRun,
  fillNewAccount,
  finishFamilyFirstRun,
  openFirstRun,
  pickProfile,
  testParent,
  type ParentInfo,
} from './support/flows';
import type { Pc } from './support/hosts';
import { storyHooks } from './support/story';
import { countIs, shows, visible } from './support/see';
import { windowFor, type Lang, type Window } from './support/ui';

const STEP_MS = 180_000;
const tag = Date.now().toString(36);
const robin = testParent('Robin Park', 'robin', tag);
const carmen = testParent('Carmen Díaz', 'carmen', tag, 'mayores-carmen');
const noEmail = testParent('Pat Quinn', 'pat', tag);

let world: EmailWorld;
let browser: Browser;
const started = createClosers();

async function window(pc: Pc, lang: Lang, locale: string): Promise<Window> {
  const opened = await openWindow(browser, locale);
  await opened.page.goto(pc.url);
  return windowFor(opened.page, lang, `email-${pc.name}`);
}

/** The relay's answer to a request with a parent token: its HTTP status. */
async function statusWith(relay: TestRelay, token: string): Promise<number> {
  return (await fetch(`${relay.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status;
}

/** Signs in as another device would (a phone): its session token. */
async function otherDeviceSession(relay: TestRelay, email: string, password: string): Promise<string> {
  const res = await fetch(`${relay.url}/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

/** First run's account step up to the button: a new account's name, email and password. */
async function registerOnFirstRun(w: Window, url: string, parent: ParentInfo): Promise<void> {
  await openFirstRun(w, url, 'firstRun.forChildren');
  await w.screen('first-run-account');
  await fillNewAccount(w, parent);
}

/** The "Check your email" step's words, with the address and the seconds of its countdown taken out. */
async function checkEmailText(w: Window, email: string): Promise<string> {
  const step = w.page.locator('[data-step="check-email"]');
  await visible(step);
  await shows(step, w.text('checkEmail.lead', { email }));
  return (await step.innerText()).replace(email, 'ADDRESS').replace(/\d+/g, 'N');
}

/** The picker's grown-ups button, then the pane's password: the pane asks for the Hearth account. */
async function toPaneSignIn(w: Window, parent: ParentInfo): Promise<void> {
  await w.screen('profile-picker');
  await w.button('picker.grownUps').click();
  await w.screen('grown-ups-locked');
  await w.field('pane.password').fill(parent.paneSecret);
  await w.button('pane.unlock').click();
  await w.screen('grown-ups-requests-sign-in');
}

describe.skipIf(withoutChromium())('verified email and a way back into an account', () => {
  let pcA: Pc;
  let a: Window;
  let newAddressText = '';
  let pcD: Pc;
  let d: Window;

  storyHooks({
    started,
    start: startEmailWorld,
    timeoutMs: STEP_MS,
    failedPrefix: 'email-',
    use: (w, b) => {
      world = w;
      browser = b;
    },
  });

  it(
    'asks a new grown-up for the emailed code, and the code finishes first run',
    async () => {
      pcA = await world.newPc('family-a', world.mailing);
      a = await window(pcA, 'en', 'en-US');
      await registerOnFirstRun(a, pcA.url, robin);
      newAddressText = await checkEmailText(a, robin.email);
      await a.shot('check-email-new-address');
      // Nothing works before the code: the account cannot sign in yet.
      const before = await fetch(`${world.mailing.url}/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: robin.email, password: robin.password }),
      });
      expect(((await before.json()) as { error: { code: string } }).error.code).toBe('EMAIL_NOT_VERIFIED');
      // A wrong code says so, in words.
      await a.field('checkEmail.code').fill('000000');
      await a.button('checkEmail.submit').click();
      await shows(a.page.getByRole('alert'), a.text('errors.emailCode.CODE_INVALID'));
      await a.shot('check-email-wrong-code');
      const code = await world.smtp.waitForCode(robin.email);
      await a.field('checkEmail.code').fill(code);
      await a.button('checkEmail.submit').click();
      await finishFamilyFirstRun(a, robin, { name: 'Ada', avatar: 'fox' });
      expect(a.problems).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'shows the same screen, word for word, when the email already has an account',
    async () => {
      const mailsBefore = world.smtp.mailTo(robin.email).length;
      const pcB = await world.newPc('family-b', world.mailing);
      const b = await window(pcB, 'en', 'en-US');
      await registerOnFirstRun(b, pcB.url, { ...robin, name: 'Someone Else', password: 'another-password-1' });
      expect(await checkEmailText(b, robin.email)).toBe(newAddressText);
      await b.shot('check-email-used-address');
      // The owner of the address hears about it; the other PC gets no session.
      await expect.poll(() => world.smtp.mailTo(robin.email).length, { timeout: 15_000 }).toBeGreaterThan(mailsBefore);
      await b.button('checkEmail.differentEmail').click();
      await visible(b.field('firstRun.yourName'));
      expect(b.problems).toEqual([]);
      await b.page.context().close();
    },
    STEP_MS,
  );

  it(
    'says the same in Spanish for a used and a new address, and the new one finishes with its code',
    async () => {
      const pcC = await world.newPc('familia-c', world.mailing);
      const c = await window(pcC, 'es', 'es-MX');
      await registerOnFirstRun(c, pcC.url, { ...carmen, email: robin.email });
      const used = await checkEmailText(c, robin.email);
      await c.shot('revisa-tu-correo-correo-usado');
      await c.button('checkEmail.differentEmail').click();
      await c.field('firstRun.email').fill(carmen.email);
      await c.button('firstRun.createAccount').click();
      expect(await checkEmailText(c, carmen.email)).toBe(used);
      await c.shot('revisa-tu-correo-correo-nuevo');
      // The email is written in the language of the screen.
      const mail = await world.smtp.waitForMail(carmen.email);
      expect(mail.subject).toMatch(/código de verificación/);
      await c.field('checkEmail.code').fill(await world.smtp.waitForCode(carmen.email));
      await c.button('checkEmail.submit').click();
      await finishFamilyFirstRun(c, carmen, { name: 'Luz', avatar: 'fox' });
      expect(c.problems).toEqual([]);
      await c.page.context().close();
    },
    STEP_MS,
  );

  it(
    'gets a grown-up who forgot the password back in from the pane’s sign-in, and ends the old sessions',
    async () => {
      const phone = await otherDeviceSession(world.mailing, robin.email, robin.password);
      expect(await statusWith(world.mailing, phone)).toBe(200);
      // Hearth starts again: main holds no parent session, so the pane asks for the account.
      await a.page.context().close();
      pcA = await world.restart(pcA, world.mailing);
      a = await window(pcA, 'en', 'en-US');
      await toPaneSignIn(a, robin);
      await a.shot('pane-sign-in-with-forgot-link');
      await a.button('forgot.link').click();
      const ask = a.page.locator('[data-step="forgot-email"]');
      await visible(ask);
      // The email this PC remembers is filled in.
      expect(await a.field('firstRun.email').inputValue()).toBe(robin.email);
      await a.shot('forgot-password-email');
      const mails = world.smtp.mailTo(robin.email).length;
      await a.button('forgot.send').click();
      const form = a.page.locator('[data-step="forgot-code"]');
      await shows(form, a.text('forgot.sentEmail'));
      const code = await nextCode(world.smtp, robin.email, mails);
      // The same rules as the other account forms: the button says why it is grey.
      await a.field('forgot.code').fill(code);
      await a.field('forgot.newPassword').fill('short');
      await a.field('forgot.newPasswordAgain').click();
      await shows(form, a.text('firstRun.relayPasswordShort'));
      await expect.poll(() => a.button('forgot.save').isDisabled()).toBe(true);
      await a.field('forgot.newPassword').fill('a-brand-new-password');
      await a.field('forgot.newPasswordAgain').fill('a-brand-new-passwordX');
      await shows(form, a.text('forgot.mismatch'));
      await a.field('forgot.newPasswordAgain').fill('a-brand-new-password');
      await a.shot('forgot-password-new-password');
      await a.button('forgot.save').click();
      const done = a.page.locator('[data-step="forgot-done"]');
      await shows(done, a.text('forgot.done'));
      await a.shot('forgot-password-done');
      await a.button('forgot.continue').click();
      await a.screen('grown-ups-requests');
      await countIs(done, 0);

      // The phone's session is gone; the old password no longer works, the new one does.
      expect(await statusWith(world.mailing, phone)).toBe(401);
      const old = await fetch(`${world.mailing.url}/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: robin.email, password: robin.password }),
      });
      expect(old.ok).toBe(false);
      expect(await statusWith(world.mailing, await otherDeviceSession(world.mailing, robin.email, 'a-brand-new-password'))).toBe(
        200,
      );
      // The children's PC keeps working: Ada gets a friend code from the relay with her PC's credential.
      await a.page.locator('.back-button').click();
      await pickProfile(a, 'Ada');
      await a.page.locator('.add-friend-tile').click();
      await a.choice('addFriend.showMine').click();
      await expect
        .poll(() => a.page.getByTestId('invite-code').textContent(), { timeout: 15_000 })
        .toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect(a.problems).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'on a Hearth server without email, says to ask the person who runs it, from the locked pane',
    async () => {
      pcD = await world.newPc('familia-d', world.plain);
      d = await window(pcD, 'es', 'es-ES');
      await familyFirstRun(d, pcD.url, noEmail, { name: 'Sol', avatar: 'fox' }, false);
      await d.button('picker.grownUps').click();
      await d.screen('grown-ups-locked');
      await d.button('pane.account.show').click();
      await d.shot('cuenta-con-olvide-la-contrasena');
      await d.button('forgot.link').click();
      await visible(d.page.locator('[data-step="forgot-email"]'));
      await d.shot('olvide-la-contrasena-correo');
      await d.button('forgot.send').click();
      const form = d.page.locator('[data-step="forgot-code"]');
      await shows(form, d.text('forgot.askOperator'));
      await shows(form, d.text('forgot.operatorCommand', { email: noEmail.email }));
      await d.shot('olvide-la-contrasena-pregunta-al-operador');
      expect(d.problems).toEqual([]);
    },
    STEP_MS,
  );

  it.skipIf(!hasRelayAdmin())(
    'takes the code the operator made with relay:admin in the same form, and it opens the locked pane',
    async () => {
      const code = await operatorResetCode(world.plain, noEmail.email);
      await d.field('forgot.code').fill(code);
      await d.field('forgot.newPassword').fill('otra-contrasena-nueva');
      await d.field('forgot.newPasswordAgain').fill('otra-contrasena-nueva');
      await d.shot('olvide-la-contrasena-codigo-del-operador');
      await d.button('forgot.save').click();
      await shows(d.page.locator('[data-step="forgot-done"]'), d.text('forgot.done'));
      await d.shot('olvide-la-contrasena-listo');
      await d.button('forgot.continue').click();
      await d.screen('grown-ups-requests');
      await countIs(d.page.locator('[data-step="forgot-done"]'), 0);
      expect(await statusWith(world.plain, await otherDeviceSession(world.plain, noEmail.email, 'otra-contrasena-nueva'))).toBe(
        200,
      );
      expect(d.problems).toEqual([]);
    },
    STEP_MS,
  );
});
