import { describe, expect, it, vi } from 'vitest';
import { ErrorCode, type Me, type SessionGrant } from '@hearth/common';
import { type TestSmtp } from '@hearth/test-kit/smtp';
import { PASSWORD, api, expectStatus, registerParent, relayForFile, unique, type TestRelay } from '../../test/helpers';
import { codeNumber, mailCount, registerVerified, mailingRelayFor, postRegistration } from '../../test/email';

const newEmail = (): string => `${unique('reg')}@example.test`;

describe('registration without email ("no email" mode)', () => {
  let relay: TestRelay;
  relayForFile((r) => (relay = r));

  it('answers 201 with a session at once, and EMAIL_TAKEN for a used address (the account must work now)', async () => {
    const email = newEmail();
    const grant = expectStatus(
      await api<SessionGrant>(relay.app, 'POST', '/v1/parents', { body: { email, password: PASSWORD, displayName: 'Sam' } }),
      201,
    );
    const again = await api<{ error: { code: string } }>(relay.app, 'POST', '/v1/parents', {
      body: { email: email.toUpperCase(), password: PASSWORD, displayName: 'Sam' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe(ErrorCode.EmailTaken);
    const me = expectStatus(await api<Me>(relay.app, 'GET', '/v1/me', { token: grant.token }), 200);
    expect(me).toMatchObject({ kind: 'parent', emailVerified: false, accountCreatedAt: relay.clock.now() });
  });

  it('signs in without any verification, and answers resend with check-email while sending nothing', async () => {
    const parent = await registerParent(relay.app);
    expectStatus(await api(relay.app, 'POST', '/v1/sessions', { body: { email: parent.email, password: parent.password } }), 201);
    const resend = await api(relay.app, 'POST', '/v1/email-verifications/resend', { body: { email: parent.email } });
    expect(resend).toMatchObject({ status: 202, body: { status: 'check-email' } });
  });
});

describe('registration with email', () => {
  let relay: TestRelay;
  let smtp: TestSmtp;
  mailingRelayFor((r, s) => {
    relay = r;
    smtp = s;
  });

  const register = (email: string, password = PASSWORD, extra: Record<string, unknown> = {}) =>
    postRegistration(relay.app, email, password, extra);

  it('answers 202 check-email, emails a six-digit code, and the code verifies and signs in', async () => {
    const email = newEmail();
    const res = await register(email);
    expect(res).toMatchObject({ status: 202, body: { status: 'check-email' } });
    const code = await codeNumber(smtp, email, 1);
    expect(smtp.mailTo(email)[0]?.text).toMatch(/30 minutes/);
    const grant = expectStatus(
      await api<SessionGrant>(relay.app, 'POST', '/v1/email-verifications', { body: { email, code, device: 'family-pc' } }),
      201,
    );
    const me = expectStatus(await api<Me>(relay.app, 'GET', '/v1/me', { token: grant.token }), 200);
    expect(me).toMatchObject({ kind: 'parent', email, emailVerified: true, accountCreatedAt: relay.clock.now() });
    expectStatus(await api(relay.app, 'POST', '/v1/sessions', { body: { email, password: PASSWORD } }), 201);
  });

  it('writes in Spanish when asked', async () => {
    const email = newEmail();
    await register(email, PASSWORD, { lang: 'es' });
    await mailCount(smtp, email, 1);
    expect(smtp.mailTo(email)[0]?.subject).toMatch(/código de verificación/);
  });

  it('gives the same status and body for a new, a verified and an unverified address, hashing the password on each path', async () => {
    const verified = await registerVerified(relay.app, smtp);
    const unverified = newEmail();
    expectStatus(await register(unverified), 202);
    await mailCount(smtp, unverified, 1);
    const hash = vi.spyOn(relay.app.relay.hasher, 'hash');
    try {
      const answers = [];
      for (const email of [newEmail(), verified.email, unverified]) {
        hash.mockClear();
        const res = await register(email, 'another long password');
        expect(hash).toHaveBeenCalledTimes(1);
        answers.push({ status: res.status, body: res.body });
      }
      expect(answers).toEqual([answers[0], answers[0], answers[0]]);
      expect(answers[0]).toEqual({ status: 202, body: { status: 'check-email' } });
    } finally {
      hash.mockRestore();
    }
    // The verified account is untouched, and its owner is told someone tried.
    const told = await smtp.waitForMail(verified.email, /someone tried to register|already have one/i);
    expect(told.text).toMatch(/Forgot password/);
    expect(told.text).not.toMatch(/\b\d{6}\b/);
    expectStatus(await api(relay.app, 'POST', '/v1/sessions', { body: { email: verified.email, password: PASSWORD } }), 201);
    const old = await api(relay.app, 'POST', '/v1/sessions', {
      body: { email: verified.email, password: 'another long password' },
    });
    expect(old.status).toBe(401);
  });

  it('gives a pending account registered again the new name and a fresh code; another password makes its password nobody’s', async () => {
    const email = newEmail();
    expectStatus(await register(email, 'first long password'), 202);
    const first = await codeNumber(smtp, email, 1);
    expectStatus(await postRegistration(relay.app, email, PASSWORD, { displayName: 'Alex' }), 202);
    const second = await codeNumber(smtp, email, 2);
    if (first !== second) {
      const stale = await api<{ error: { code: string } }>(relay.app, 'POST', '/v1/email-verifications', {
        body: { email, code: first },
      });
      expect(stale.body.error.code).toBe(ErrorCode.CodeInvalid);
    }
    const grant = expectStatus(
      await api<SessionGrant>(relay.app, 'POST', '/v1/email-verifications', { body: { email, code: second } }),
      201,
    );
    expect(expectStatus(await api<Me>(relay.app, 'GET', '/v1/me', { token: grant.token }), 200)).toMatchObject({
      displayName: 'Alex',
    });
    // Either registration may have been a stranger's: neither password opens the account until
    // "forgot password" (see family/adversarial.int.test.ts).
    expect((await api(relay.app, 'POST', '/v1/sessions', { body: { email, password: 'first long password' } })).status).toBe(401);
    expect((await api(relay.app, 'POST', '/v1/sessions', { body: { email, password: PASSWORD } })).status).toBe(401);
  });

  it('keeps the password of a pending account registered again with the same one (a second tap)', async () => {
    const email = newEmail();
    expectStatus(await register(email), 202);
    // The second tap comes after the first email arrived: emails go after answering, and two sent at
    // once may arrive in either order (only the newer code works).
    await mailCount(smtp, email, 1);
    expectStatus(await register(email), 202);
    const code = await codeNumber(smtp, email, 2);
    expectStatus(await api<SessionGrant>(relay.app, 'POST', '/v1/email-verifications', { body: { email, code } }), 201);
    expectStatus(await api(relay.app, 'POST', '/v1/sessions', { body: { email, password: PASSWORD } }), 201);
  });

  it('refuses sign-in before verification with EMAIL_NOT_VERIFIED and a fresh code; a wrong password stays WRONG_PASSWORD', async () => {
    const email = newEmail();
    expectStatus(await register(email), 202);
    await mailCount(smtp, email, 1);
    const wrong = await api<{ error: { code: string } }>(relay.app, 'POST', '/v1/sessions', {
      body: { email, password: 'not the password' },
    });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: ErrorCode.WrongPassword } } });
    const early = await api<{ error: { code: string } }>(relay.app, 'POST', '/v1/sessions', {
      body: { email, password: PASSWORD },
    });
    expect(early).toMatchObject({ status: 403, body: { error: { code: ErrorCode.EmailNotVerified } } });
    const fresh = await codeNumber(smtp, email, 2);
    expectStatus(await api(relay.app, 'POST', '/v1/email-verifications', { body: { email, code: fresh } }), 201);
    expectStatus(await api(relay.app, 'POST', '/v1/sessions', { body: { email, password: PASSWORD } }), 201);
  });

  it('resends a code to an unverified address only, answering check-email for every address', async () => {
    const email = newEmail();
    expectStatus(await register(email), 202);
    await mailCount(smtp, email, 1);
    const verified = await registerVerified(relay.app, smtp);
    const nobody = newEmail();
    for (const address of [email, verified.email, nobody]) {
      const res = await api(relay.app, 'POST', '/v1/email-verifications/resend', { body: { email: address } });
      expect(res).toMatchObject({ status: 202, body: { status: 'check-email' } });
    }
    const code = await codeNumber(smtp, email, 2);
    expectStatus(await api(relay.app, 'POST', '/v1/email-verifications', { body: { email, code } }), 201);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mailTo(verified.email)).toHaveLength(1);
    expect(smtp.mailTo(nobody)).toHaveLength(0);
  });
});
