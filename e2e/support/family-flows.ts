/** The whole family's steps through the UI (issue 12): first runs with the emailed code, the pane's Family grown-ups. */
import type { HearthApi } from '@hearth/common';
import type { TestSmtp } from '@hearth/test-kit/smtp';
import { must, RELAY_PASSWORD, TEST_PASSWORD } from '@hearth/test-kit/desktop';
import { fillNewAccount, finishFamilyFirstRun, openFirstRun, savePaneSecret, type ParentInfo } from './flows';
import { shows, visible } from './see';
import type { Window } from './ui';

/** The account step with a new account, then "Check your email" and the code the SMTP server caught. */
async function newVerifiedAccount(w: Window, parent: ParentInfo, smtp: TestSmtp, shots: boolean): Promise<void> {
  await w.screen('first-run-account');
  await fillNewAccount(w, parent);
  await visible(w.page.locator('[data-step="check-email"]'));
  if (shots) await w.shot('check-email');
  await w.field('checkEmail.code').fill(await smtp.waitForCode(parent.email));
  await w.button('checkEmail.submit').click();
}

/** First run on a children's PC with a verified account: consent, one child, enrollment, the pane's password. */
export async function verifiedFamilyFirstRun(
  w: Window,
  url: string,
  parent: ParentInfo,
  child: Readonly<{ name: string; avatar: string }>,
  smtp: TestSmtp,
): Promise<void> {
  await openFirstRun(w, url, 'firstRun.forChildren');
  await newVerifiedAccount(w, parent, smtp, false);
  await finishFamilyFirstRun(w, parent, child);
}

/** First run on a grown-up's own PC with a new, verified account: parent mode, messages open. */
export async function verifiedParentModeFirstRun(w: Window, url: string, parent: ParentInfo, smtp: TestSmtp): Promise<void> {
  await openFirstRun(w, url, 'firstRun.forMe');
  await newVerifiedAccount(w, parent, smtp, true);
  await savePaneSecret(w, parent);
  await w.button('firstRun.startParent').click();
  await w.screen('parent-home');
}

/** In the unlocked pane: the Family grown-ups section. */
export async function openFamilySection(w: Window): Promise<void> {
  await w.page.getByRole('button', { name: w.text('pane.nav.family') }).click();
  await w.screen('grown-ups-family');
}

/** Makes an invitation in the pane's Family grown-ups section: the code shown. */
export async function makeGrownUpInvite(
  w: Window,
  role: 'guardian' | 'trusted',
  options: Readonly<{ email?: string; avatar?: string; emailed: boolean }>,
  shot: string | null,
): Promise<string> {
  await w.button(role === 'guardian' ? 'pane.invites.inviteGuardian' : 'pane.invites.inviteTrusted').click();
  if (options.email) await w.field('pane.invites.email').fill(options.email);
  if (options.avatar) await w.page.getByRole('radio', { name: w.text(`avatars.${options.avatar}`), exact: true }).check();
  if (shot) await w.shot(`${shot}-form`);
  await w.button('pane.invites.make').click();
  const code = (await w.page.getByTestId('grown-up-code').textContent({ timeout: 15_000 })) ?? '';
  await shows(w.page.locator('.family-code'), w.text('pane.invites.codeRules'));
  if (options.emailed) await shows(w.page.getByTestId('code-emailed'), w.text('pane.invites.emailed'));
  if (shot) await w.shot(`${shot}-code`);
  await w.button('pane.invites.done').click();
  return code;
}

/** "I have a code from a family", in parent mode or the pane: then "waiting for <inviter> to confirm". */
export async function typeFamilyCode(w: Window, code: string, inviter: string, shot: string | null): Promise<void> {
  await w.button('pane.invites.haveCode').click();
  await w.field('pane.invites.codeLabel').fill(code.replace('-', ' ').toLowerCase());
  await w.button('pane.invites.send').click();
  await shows(w.page.getByTestId('redeemed-state').first(), w.text('pane.invites.waitingFor', { name: inviter }));
  if (shot) await w.shot(shot);
}

/** Another family set up through the IPC contract on its own desktop core, its account verified by the emailed code. */
export async function verifiedFamilyByContract(
  api: HearthApi,
  smtp: TestSmtp,
  parent: Readonly<{ name: string; email: string }>,
  child: Readonly<{ name: string; username: string }>,
): Promise<string> {
  const registered = await api.registerParent({ email: parent.email, password: RELAY_PASSWORD, displayName: parent.name });
  if (!registered.ok) {
    if (registered.error.code !== 'EMAIL_NOT_VERIFIED') throw new Error(registered.error.code);
    must(await api.verifyEmail({ email: parent.email, code: await smtp.waitForCode(parent.email) }));
  }
  const policy = must(await api.getPolicy());
  const created = must(
    await api.createChild({
      displayName: child.name,
      username: child.username,
      consent: { policyVersion: policy.version, method: 'checkbox', agreed: true },
      avatar: 'frog',
    }),
  );
  must(await api.enrollPc({ name: `${child.name}'s PC`, childIds: [created.child.childId] }));
  must(await api.setParentPassword({ password: TEST_PASSWORD }));
  return created.child.childId;
}
