import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HearthApi, IpcResult } from '@hearth/common';
import { must, RELAY_PASSWORD, startTestDesktop, TEST_PASSWORD, type TestDesktop } from '@hearth/test-kit/desktop';
import { createClosers } from '@hearth/test-kit/closers';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { startTestSmtp, type TestSmtp } from '@hearth/test-kit/smtp';
import { waitFor } from '@hearth/test-kit/ports';

/**
 * Main's email channels against a real relay that sends through a real SMTP server (and one in
 * "no email" mode): registration and sign-in wait for the emailed code; "forgot password" signs in,
 * opens the locked pane or starts parent mode, ends the other sessions and leaves the children's
 * PC enrolled.
 */
let smtp: TestSmtp;
let relay: TestRelay;
let plain: TestRelay;
const started = createClosers();
let counter = 0;

const address = (name: string): string => `${name}.${++counter}.${Date.now().toString(36)}@example.test`;

async function desktop(on: TestRelay = relay): Promise<TestDesktop> {
  const d = await startTestDesktop(on.url);
  return started.add(d, () => d.close());
}

function codeOf<T>(result: IpcResult<T>): string {
  return result.ok ? 'ok' : result.error.code;
}

/** The code in the `n`-th mail (1 = first) to an address. */
async function mailedCode(email: string, n: number): Promise<string> {
  const mail = await waitFor(() => {
    const mails = smtp.mailTo(email);
    return mails.length >= n ? mails[0] : undefined;
  }, 15_000);
  return (/\b(\d{6})\b/.exec(mail.text) as RegExpExecArray)[1] as string;
}

async function phoneSession(on: TestRelay, email: string, password: string): Promise<string> {
  const res = await fetch(`${on.url}/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 201) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

async function meStatus(on: TestRelay, token: string): Promise<number> {
  return (await fetch(`${on.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status;
}

/** A verified grown-up with a child on this PC and the pane's password set (first run, with email). */
async function family(api: HearthApi, email: string): Promise<string> {
  expect(codeOf(await api.registerParent({ email, password: RELAY_PASSWORD, displayName: 'Robin' }))).toBe('EMAIL_NOT_VERIFIED');
  must(await api.verifyEmail({ email, code: await mailedCode(email, 1) }));
  const policy = must(await api.getPolicy());
  const { child } = must(
    await api.createChild({
      displayName: 'Ada',
      username: `ada${counter}${Date.now().toString(36)}`.slice(0, 24),
      consent: { policyVersion: policy.version, method: 'checkbox', agreed: true },
    }),
  );
  must(await api.enrollPc({ name: 'Family PC', childIds: [child.childId] }));
  must(await api.setParentPassword({ password: TEST_PASSWORD }));
  return child.childId;
}

beforeAll(async () => {
  smtp = started.add(await startTestSmtp(), () => smtp.close());
  relay = started.add(await startTestRelay({ smtpUrl: smtp.url }), () => relay.dispose());
  plain = started.add(await startTestRelay(), () => plain.dispose());
}, 60_000);

afterAll(() => started.closeAll());

describe('checking a grown-up’s email', () => {
  it('answers a registration with the emailed-code step, whether or not the address has an account', async () => {
    const pc = await desktop();
    const email = address('new');
    const first = await pc.api.registerParent({ email, password: RELAY_PASSWORD, displayName: 'New' });
    expect(codeOf(first)).toBe('EMAIL_NOT_VERIFIED');
    expect(must(await pc.api.getLockStatus()).parentSignedIn).toBe(false);
    expect(codeOf(await pc.api.verifyEmail({ email, code: '000000' }))).toBe('CODE_INVALID');
    const account = must(await pc.api.verifyEmail({ email, code: await mailedCode(email, 1) }));
    expect(account.email).toBe(email);
    expect(must(await pc.api.getLockStatus()).parentSignedIn).toBe(true);

    // The same address again on another PC: the very same answer, and no session there.
    const other = await desktop();
    const again = await other.api.registerParent({ email, password: 'someone-elses-password', displayName: 'Else' });
    expect(again).toEqual({ ok: false, error: first.ok ? null : first.error });
    expect(must(await other.api.getLockStatus()).parentSignedIn).toBe(false);
    await waitFor(() => smtp.mailTo(email).length >= 2, 15_000);
    // The owner's password still works; the other one never did.
    expect(await meStatus(relay, await phoneSession(relay, email, RELAY_PASSWORD))).toBe(200);
  });

  it('keeps the password this PC registered with, even when someone registered the same address in between', async () => {
    const pc = await desktop();
    const email = address('owner');
    expect(codeOf(await pc.api.registerParent({ email, password: RELAY_PASSWORD, displayName: 'Owner' }))).toBe(
      'EMAIL_NOT_VERIFIED',
    );
    await mailedCode(email, 1);
    // A stranger registers the same address with their own password before the owner types the code.
    const stranger = await desktop();
    expect(codeOf(await stranger.api.registerParent({ email, password: 'a-strangers-password', displayName: 'X' }))).toBe(
      'EMAIL_NOT_VERIFIED',
    );
    must(await pc.api.verifyEmail({ email, code: await mailedCode(email, 2) }));
    expect(await meStatus(relay, await phoneSession(relay, email, RELAY_PASSWORD))).toBe(200);
    await expect(phoneSession(relay, email, 'a-strangers-password')).rejects.toThrow(/401/);
  });

  it('turns a sign-in to an unconfirmed address into the code step, and sends the code again', async () => {
    const pc = await desktop();
    const email = address('later');
    expect(codeOf(await pc.api.registerParent({ email, password: RELAY_PASSWORD, displayName: 'Later' }))).toBe(
      'EMAIL_NOT_VERIFIED',
    );
    await mailedCode(email, 1);
    expect(codeOf(await pc.api.signInParent({ email, password: RELAY_PASSWORD }))).toBe('EMAIL_NOT_VERIFIED');
    // The refused sign-in mails a fresh code too; the one sent again comes after it.
    const before = (await waitFor(() => (smtp.mailTo(email).length >= 2 ? smtp.mailTo(email) : undefined), 15_000)).length;
    expect(must(await pc.api.resendEmailCode({ email, lang: 'es' }))).toEqual({ status: 'check-email' });
    const code = await mailedCode(email, before + 1);
    must(await pc.api.verifyEmail({ email, code }));
    // Single use.
    const fresh = await desktop();
    expect(codeOf(await fresh.api.verifyEmail({ email, code }))).toBe('CODE_INVALID');
  });

  it('changes nothing on a relay without email: registration signs in at once', async () => {
    const pc = await desktop(plain);
    must(await pc.api.registerParent({ email: address('plain'), password: RELAY_PASSWORD, displayName: 'Plain' }));
    expect(must(await pc.api.getLockStatus()).parentSignedIn).toBe(true);
  });
});

describe('forgot password', () => {
  it('signs the pane in with a new password, ends the other sessions and keeps the children’s PC working', async () => {
    const pc = await desktop();
    const email = address('forgot');
    const childId = await family(pc.api, email);
    const phone = await phoneSession(relay, email, RELAY_PASSWORD);
    must(await pc.api.signOutParent());
    must(await pc.api.unlock({ password: TEST_PASSWORD }));

    const mails = smtp.mailTo(email).length;
    expect(must(await pc.api.startPasswordReset({ email, lang: 'en' }))).toEqual({ status: 'check-email' });
    // An address with no account: the same answer, and no mail.
    const nobody = address('nobody');
    expect(must(await pc.api.startPasswordReset({ email: nobody }))).toEqual({ status: 'check-email' });
    const code = await mailedCode(email, mails + 1);
    expect(codeOf(await pc.api.completePasswordReset({ email, code: '000000', password: 'a-new-password-1' }))).toBe(
      'CODE_INVALID',
    );
    expect(must(await pc.api.completePasswordReset({ email, code, password: 'a-new-password-1' })).email).toBe(email);
    expect(smtp.mailTo(nobody)).toHaveLength(0);
    expect(must(await pc.api.getLockStatus()).parentSignedIn).toBe(true);
    must(await pc.api.listChildren());
    expect(await meStatus(relay, phone)).toBe(401);
    await expect(phoneSession(relay, email, RELAY_PASSWORD)).rejects.toThrow(/answered 4/);
    // The children's PC is still enrolled: Ada's credential still gets her a friend code.
    must(await pc.api.lock());
    must(await pc.api.selectProfile({ childId }));
    expect(must(await pc.api.createInvite()).code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  });

  it('opens the locked pane for the grown-up of this PC only', async () => {
    const pc = await desktop();
    const email = address('unlock');
    await family(pc.api, email);
    must(await pc.api.lock());
    must(await pc.api.startPasswordReset({ email }));
    const status = must(
      await pc.api.unlockWithPasswordReset({ email, code: await mailedCode(email, 2), password: 'a-new-password-2' }),
    );
    expect(status.state).toBe('unlocked');

    // Another family's grown-up resets their own password here: the pane stays locked.
    must(await pc.api.lock());
    const stranger = await desktop();
    const strangerEmail = address('stranger');
    await family(stranger.api, strangerEmail);
    must(await pc.api.startPasswordReset({ email: strangerEmail }));
    const refused = await pc.api.unlockWithPasswordReset({
      email: strangerEmail,
      code: await mailedCode(strangerEmail, 2),
      password: 'a-new-password-3',
    });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(must(await pc.api.getLockStatus()).state).toBe('locked');
  });

  it('starts parent mode with the new password on a grown-up’s own PC', async () => {
    const setUp = await desktop();
    const email = address('parentmode');
    expect(codeOf(await setUp.api.registerParent({ email, password: RELAY_PASSWORD, displayName: 'Pat' }))).toBe(
      'EMAIL_NOT_VERIFIED',
    );
    must(await setUp.api.verifyEmail({ email, code: await mailedCode(email, 1) }));
    const own = await desktop();
    must(await own.api.startPasswordReset({ email }));
    const profile = must(
      await own.api.startParentModeWithReset({ email, code: await mailedCode(email, 2), password: 'a-new-password-4' }),
    );
    expect(profile.kind).toBe('parent');
  });

  it('says to ask the operator on a relay without email', async () => {
    const pc = await desktop(plain);
    expect(must(await pc.api.startPasswordReset({ email: address('anyone') }))).toEqual({ status: 'ask-operator' });
  });
});
