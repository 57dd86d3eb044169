import { describe, expect, it } from 'vitest';
import { ErrorCode, type Me, type SessionGrant } from '@hearth/common';
import { type TestSmtp } from '@hearth/test-kit/smtp';
import {
  PASSWORD,
  api,
  createChild,
  enrollDevice,
  expectStatus,
  registerParent,
  relayForFile,
  unique,
  type TestParent,
  type TestRelay,
} from '../../test/helpers';
import { connect, listenForWs } from '../../test/ws-client';
import { codeNumber, mailCount, registerVerified, mailingRelayFor, postRegistration, registeredWithCode } from '../../test/email';

type Refusal = { error: { code: string } };
const NEW_PASSWORD = 'a brand new long password';

describe('forgot password without email', () => {
  let relay: TestRelay;
  relayForFile((r) => (relay = r));

  it('answers ask-operator for every address', async () => {
    const parent = await registerParent(relay.app);
    for (const email of [parent.email, `${unique('nobody')}@example.test`]) {
      const res = await api(relay.app, 'POST', '/v1/password-resets', { body: { email } });
      expect(res).toMatchObject({ status: 202, body: { status: 'ask-operator' } });
    }
  });

  it('takes the operator’s code: the password changes, the address is not thereby verified', async () => {
    const { parent, code } = await registeredWithCode(relay, 'reset', 'operator');
    const grant = expectStatus(
      await api<SessionGrant>(relay.app, 'POST', '/v1/password-resets/complete', {
        body: { email: parent.email, code, password: NEW_PASSWORD },
      }),
      201,
    );
    expect(expectStatus(await api<Me>(relay.app, 'GET', '/v1/me', { token: grant.token }), 200)).toMatchObject({
      emailVerified: false,
    });
    expect((await api(relay.app, 'GET', '/v1/me', { token: parent.token })).status).toBe(401);
    expectStatus(await api(relay.app, 'POST', '/v1/sessions', { body: { email: parent.email, password: NEW_PASSWORD } }), 201);
  });
});

describe('forgot password with email', () => {
  let relay: TestRelay;
  let smtp: TestSmtp;
  let wsUrl: string;
  mailingRelayFor(async (r, s) => {
    relay = r;
    smtp = s;
    wsUrl = await listenForWs(relay.app);
  });

  const start = (email: string, lang?: 'en' | 'es') =>
    api(relay.app, 'POST', '/v1/password-resets', { body: { email, ...(lang ? { lang } : {}) } });
  const complete = (email: string, code: string, password = NEW_PASSWORD) =>
    api<SessionGrant & Refusal>(relay.app, 'POST', '/v1/password-resets/complete', { body: { email, code, password } });

  it('answers check-email for every address, and mails a code only where an account is', async () => {
    const parent = await registerVerified(relay.app, smtp);
    const nobody = `${unique('nobody')}@example.test`;
    for (const email of [parent.email, nobody]) {
      expect(await start(email)).toMatchObject({ status: 202, body: { status: 'check-email' } });
    }
    await mailCount(smtp, parent.email, 2);
    expect(smtp.mailTo(parent.email)[0]?.text).toMatch(/change the password/);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mailTo(nobody)).toHaveLength(0);
  });

  it('ends every earlier session (a parent-mode socket closes), keeps the children’s PCs enrolled, clears the backoff', async () => {
    const parent: TestParent = await registerVerified(relay.app, smtp);
    const other = expectStatus(
      await api<SessionGrant>(relay.app, 'POST', '/v1/sessions', { body: { email: parent.email, password: PASSWORD } }),
      201,
    );
    const child = await createChild(relay.app, parent.token);
    const device = await enrollDevice(relay.app, parent.token, [child.childId]);
    const childToken = (device.credentials[0] as { token: string }).token;
    const parentSocket = await connect(wsUrl, other.token);
    const childSocket = await connect(wsUrl, childToken);
    // Someone has been guessing the password: the account backs off.
    for (let i = 0; i < 6; i += 1) {
      await api(relay.app, 'POST', '/v1/sessions', { body: { email: parent.email, password: 'guess guess guess' } });
    }
    expect((await api(relay.app, 'POST', '/v1/sessions', { body: { email: parent.email, password: PASSWORD } })).status).toBe(
      429,
    );

    const mails = smtp.mailTo(parent.email).length;
    expectStatus(await start(parent.email.toUpperCase()), 202);
    const code = await codeNumber(smtp, parent.email, mails + 1);
    const grant = expectStatus(await complete(parent.email, code), 201);

    expect((await parentSocket.closed).code).toBeGreaterThanOrEqual(4000);
    for (const token of [parent.token, other.token]) {
      expect((await api(relay.app, 'GET', '/v1/me', { token })).status).toBe(401);
    }
    expectStatus(await api(relay.app, 'GET', '/v1/me', { token: grant.token }), 200);
    expectStatus(await api(relay.app, 'GET', '/v1/me', { token: childToken }), 200);
    expect(childSocket.ws.readyState).toBe(childSocket.ws.OPEN);
    await childSocket.close();
    // The backoff is gone and the new password works; the old one does not.
    expectStatus(await api(relay.app, 'POST', '/v1/sessions', { body: { email: parent.email, password: NEW_PASSWORD } }), 201);
    expect((await api(relay.app, 'POST', '/v1/sessions', { body: { email: parent.email, password: PASSWORD } })).status).toBe(
      401,
    );
  });

  it('verifies an unverified address, since the code came by email', async () => {
    const email = `${unique('late')}@example.test`;
    expectStatus(await postRegistration(relay.app, email), 202);
    await mailCount(smtp, email, 1);
    expectStatus(await start(email, 'es'), 202);
    await mailCount(smtp, email, 2);
    expect(smtp.mailTo(email)[0]?.subject).toMatch(/contraseña/);
    const code = await codeNumber(smtp, email, 2);
    const grant = expectStatus(await complete(email, code), 201);
    expect(expectStatus(await api<Me>(relay.app, 'GET', '/v1/me', { token: grant.token }), 200)).toMatchObject({
      emailVerified: true,
    });
    expectStatus(await api(relay.app, 'POST', '/v1/sessions', { body: { email, password: NEW_PASSWORD } }), 201);
  });

  it('takes a reset code once, refuses a verification code, and counts wrong tries like verification', async () => {
    const parent = await registerVerified(relay.app, smtp);
    const mails = smtp.mailTo(parent.email).length;
    expectStatus(await start(parent.email), 202);
    const code = await codeNumber(smtp, parent.email, mails + 1);
    const bad = await complete(parent.email, code === '000000' ? '000001' : '000000');
    expect(bad).toMatchObject({ status: 400, body: { error: { code: ErrorCode.CodeInvalid } } });
    expectStatus(await complete(parent.email, code), 201);
    expect((await complete(parent.email, code, 'yet another long password')).body.error.code).toBe(ErrorCode.CodeInvalid);
    // A reset code does not verify through the verification route either.
    expect(
      (await api<Refusal>(relay.app, 'POST', '/v1/email-verifications', { body: { email: parent.email, code } })).body.error.code,
    ).toBe(ErrorCode.CodeInvalid);
  });
});
