/** What people do, step by step, through the UI only. */
import { DEFAULT_CONFIG } from '@hearth/relay-server/config';
import { checked, reads } from './see';
import type { Lang, Window } from './ui';

export type ParentInfo = Readonly<{ name: string; email: string; password: string; paneSecret: string }>;

/**
 * A grown-up of the tests: `key` names their email (`key.tag@example.test`, unique per run with
 * `tag`), relay password and grown-ups' password (`grown-ups-key` unless `paneSecret` says otherwise).
 */
export function testParent(name: string, key: string, tag: string, paneSecret = `grown-ups-${key}`): ParentInfo {
  return { name, email: `${key}.${tag}@example.test`, password: `relay-password-${key}`, paneSecret };
}

/** A family whose PC speaks one language: its grown-up and the one child they add. */
export type LanguageFamily = Readonly<{ lang: Lang; locale: string; parent: ParentInfo; child: string }>;

/** Two families, one in English and one in Spanish; `tag` keeps their emails unique per run. */
export function familyPerLanguage(tag: string): readonly LanguageFamily[] {
  return [
    {
      lang: 'en',
      locale: 'en-US',
      child: 'Ada',
      parent: testParent('Robin Park', 'robin', tag),
    },
    {
      lang: 'es',
      locale: 'es-MX',
      child: 'Luz',
      parent: testParent('Carmen Díaz', 'carmen', tag, 'mayores-carmen'),
    },
  ];
}

/** Clicks and waits until the next screen shows. */
async function next(w: Window, key: string, screen: string): Promise<void> {
  await w.button(key).click();
  await w.screen(screen);
}

/** First run on a children's PC: account, consent, one child, enrollment, grown-ups' password. */
export async function familyFirstRun(
  w: Window,
  url: string,
  parent: ParentInfo,
  child: Readonly<{ name: string; avatar: string }>,
  shots: boolean,
  /** The policy version the relay serves (default: the relay's own default). */
  policyVersion: string = DEFAULT_CONFIG.policyVersion,
): Promise<void> {
  await w.page.goto(url);
  await w.screen('first-run-welcome');
  if (w.lang !== 'en') await w.page.getByRole('button', { name: 'Español' }).click();
  await reads(w.page.locator('h1'), w.text('firstRun.titles.welcome'));
  if (shots) await w.shot('first-run-welcome');
  await w.choice('firstRun.forChildren').click();
  await w.screen('first-run-account');
  await w.field('firstRun.yourName').fill(parent.name);
  await w.field('firstRun.email').fill(parent.email);
  await w.field('firstRun.relayPassword').fill(parent.password);
  if (shots) await w.shot('first-run-account');
  await next(w, 'firstRun.createAccount', 'first-run-policy');
  await reads(w.page.getByTestId('consent-policy-version'), policyVersion);
  await w.page.getByRole('checkbox').check();
  if (shots) await w.shot('first-run-policy');
  await next(w, 'common.continue', 'first-run-children');
  await w.field('child.name').fill(child.name);
  await w.page.getByRole('radio', { name: w.text(`avatars.${child.avatar}`), exact: true }).check();
  if (shots) await w.shot('first-run-add-child');
  await w.button('child.add').click();
  await checked(w.page.getByRole('checkbox', { name: child.name }));
  if (shots) await w.shot('first-run-children');
  await next(w, 'common.continue', 'first-run-enroll');
  if (shots) await w.shot('first-run-enroll');
  await next(w, 'firstRun.enroll', 'first-run-password');
  await w.field('firstRun.paneSecret').fill(parent.paneSecret);
  await w.field('firstRun.paneSecretAgain').fill(parent.paneSecret);
  if (shots) await w.shot('first-run-password');
  await next(w, 'firstRun.savePassword', 'first-run-done');
  if (shots) await w.shot('first-run-done');
  await next(w, 'firstRun.startFamily', 'profile-picker');
}

/** First run's grown-ups' password screen: the password twice, saved, up to "All set". */
export async function savePaneSecret(w: Window, parent: ParentInfo): Promise<void> {
  await w.screen('first-run-password');
  await w.field('firstRun.paneSecret').fill(parent.paneSecret);
  await w.field('firstRun.paneSecretAgain').fill(parent.paneSecret);
  await w.button('firstRun.savePassword').click();
  await w.screen('first-run-done');
}

/** First run from its start: the language of the window, then whose PC this is (`firstRun.forChildren` or `firstRun.forMe`). */
export async function openFirstRun(w: Window, url: string, choice: string): Promise<void> {
  await w.page.goto(url);
  await w.screen('first-run-welcome');
  if (w.lang !== 'en') await w.page.getByRole('button', { name: 'Español' }).click();
  await w.choice(choice).click();
}

/** First run's account step: a new account's name, email and password, then "Create account". */
export async function fillNewAccount(w: Window, parent: ParentInfo): Promise<void> {
  await w.field('firstRun.yourName').fill(parent.name);
  await w.field('firstRun.email').fill(parent.email);
  await w.field('firstRun.relayPassword').fill(parent.password);
  await w.button('firstRun.createAccount').click();
}

/** First run on a children's PC after the account: consent, one child, enrollment, the pane's password, the picker. */
export async function finishFamilyFirstRun(
  w: Window,
  parent: ParentInfo,
  child: Readonly<{ name: string; avatar: string }>,
): Promise<void> {
  await w.screen('first-run-policy');
  await w.page.getByRole('checkbox').check();
  await w.button('common.continue').click();
  await w.screen('first-run-children');
  await w.field('child.name').fill(child.name);
  await w.page.getByRole('radio', { name: w.text(`avatars.${child.avatar}`), exact: true }).check();
  await w.button('child.add').click();
  await checked(w.page.getByRole('checkbox', { name: child.name }));
  await w.button('common.continue').click();
  await w.screen('first-run-enroll');
  await w.button('firstRun.enroll').click();
  await savePaneSecret(w, parent);
  await w.button('firstRun.startFamily').click();
  await w.screen('profile-picker');
}

/** At the profile picker: becomes this child (with secret pictures when asked). */
export async function pickProfile(w: Window, name: string): Promise<void> {
  await w.screen('profile-picker');
  await w.page.locator('.profile-tile', { hasText: name }).click();
  await w.screen('kid-home');
}

/** From a child's home back to the profile picker. */
export async function leaveProfile(w: Window): Promise<void> {
  await w.button('home.switch').click();
  await w.screen('profile-picker');
}

/**
 * From the picker into the grown-ups' pane: the password, then the Hearth account only when main
 * holds no parent session (first visit since Hearth started, after it expired or after "Sign out").
 * Says whether the account was asked for.
 */
export async function openPane(w: Window, parent: ParentInfo, shots: boolean): Promise<'signed-in' | 'kept'> {
  await w.button('picker.grownUps').click();
  await w.screen('grown-ups-locked');
  await w.field('pane.password').fill(parent.paneSecret);
  if (shots) await w.shot('grown-ups-locked');
  await w.button('pane.unlock').click();
  const signIn = w.page.locator('[data-screen="grown-ups-requests-sign-in"]');
  await signIn.or(w.page.locator('[data-screen="grown-ups-requests"]')).waitFor({ timeout: 20_000 });
  if ((await signIn.count()) === 0) return 'kept';
  // The email this PC remembers is filled in already (or typed, the first time).
  await w.field('firstRun.email').fill(parent.email);
  await w.field('firstRun.relayPassword').fill(parent.password);
  if (shots) await w.shot('grown-ups-sign-in');
  await w.page
    .getByRole('form')
    .getByRole('button', { name: w.text('firstRun.signIn') })
    .click();
  await w.screen('grown-ups-requests');
  return 'signed-in';
}

/** Leaves the pane (which locks it) for the picker. */
export async function closePane(w: Window): Promise<void> {
  await w.page.locator('.back-button').click();
  await w.screen('profile-picker');
}

/** Opens the chat with a friend from the child's home. */
export async function openChat(w: Window, friendName: string): Promise<void> {
  await w.page.locator('.friend-open', { hasText: friendName }).click();
  await w.screen('chat');
  await reads(w.page.locator('h1'), friendName);
}

/** Back from a chat to the home. */
export async function backHome(w: Window, home: 'kid-home' | 'parent-home' = 'kid-home'): Promise<void> {
  await w.page.locator('.back-button').click();
  await w.screen(home);
}

/** Sends a text message from the open chat and waits until the relay holds it (or further). */
export async function sendText(w: Window, text: string): Promise<void> {
  await w.page.getByLabel(w.text('chat.writeLabel')).fill(text);
  await w.page.keyboard.press('Enter');
  await bubbleWith(w, text).waitFor();
}

/** The message bubble that shows `text`. */
export function bubbleWith(w: Window, text: string) {
  return w.page.locator('.bubble', { hasText: text });
}
