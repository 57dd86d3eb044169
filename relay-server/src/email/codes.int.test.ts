import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@hearth/common';
import { type TestSmtp } from '@hearth/test-kit/smtp';
import { api, expectStatus, unique, type ApiResult, type TestRelay } from '../../test/helpers';
import { codeNumber, mailCount, mailingRelayFor, postRegistration } from '../../test/email';
import { sqliteOf } from '../store/sqlite-store';

type Refusal = { error: { code: string; message: string } };

let relay: TestRelay;
let smtp: TestSmtp;
mailingRelayFor(
  (r, s) => {
    relay = r;
    smtp = s;
  },
  { rateLimits: { emailsPerAddressPerHour: 3 } },
);

/** A pending registration and its emailed code. */
async function pending(): Promise<Readonly<{ email: string; code: string }>> {
  const email = `${unique('code')}@example.test`;
  expectStatus(await postRegistration(relay.app, email), 202);
  return { email, code: await codeNumber(smtp, email, 1) };
}

const verify = (email: string, code: string): Promise<ApiResult<Refusal>> =>
  api<Refusal>(relay.app, 'POST', '/v1/email-verifications', { body: { email, code } });

/** Another six-digit code than this one. */
const wrongFor = (code: string): string => ((Number(code) + 1) % 1_000_000).toString().padStart(6, '0');

describe('emailed codes', () => {
  let message: string;
  it('are single use', async () => {
    const { email, code } = await pending();
    expectStatus(await verify(email, code), 201);
    const again = await verify(email, code);
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe(ErrorCode.CodeInvalid);
    message = again.body.error.message;
  });

  it('expire after 30 minutes (the relay’s clock)', async () => {
    const { email, code } = await pending();
    relay.clock.advance(30 * 60_000);
    const late = await verify(email, code);
    expect(late.body.error).toEqual({ ...late.body.error, code: ErrorCode.CodeInvalid, message });
  });

  it('work until just before they expire', async () => {
    const { email, code } = await pending();
    relay.clock.advance(30 * 60_000 - 1);
    expectStatus(await verify(email, code), 201);
  });

  it('die after five wrong tries: the right code fails after that, with the same answer', async () => {
    const { email, code } = await pending();
    for (let i = 0; i < 5; i += 1) {
      const wrong = await verify(email, wrongFor(code));
      expect(wrong.body.error).toMatchObject({ code: ErrorCode.CodeInvalid, message });
    }
    expect((await verify(email, code)).body.error).toMatchObject({ code: ErrorCode.CodeInvalid, message });
  });

  it('still work after four wrong tries', async () => {
    const { email, code } = await pending();
    for (let i = 0; i < 4; i += 1) expect((await verify(email, wrongFor(code))).status).toBe(400);
    expectStatus(await verify(email, code), 201);
  });

  it('give the same answer for an address that has no code or no account', async () => {
    for (const email of [`${unique('nobody')}@example.test`]) {
      expect((await verify(email, '123456')).body.error).toMatchObject({ code: ErrorCode.CodeInvalid, message });
    }
  });

  it('are not stored in clear', async () => {
    const { email, code } = await pending();
    const rows = sqliteOf(relay.app.relay).prepare(`SELECT * FROM email_codes WHERE email_key = ?`).all(email.toLowerCase());
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
  });

  it('are sent at most N times per address per hour (the answer stays the same), and again after the hour', async () => {
    const { email } = await pending();
    for (let i = 0; i < 4; i += 1) {
      const res = await api(relay.app, 'POST', '/v1/email-verifications/resend', { body: { email } });
      expect(res).toMatchObject({ status: 202, body: { status: 'check-email' } });
    }
    await mailCount(smtp, email, 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mailTo(email)).toHaveLength(3);
    relay.clock.advance(60 * 60_000 + 1);
    expectStatus(await api(relay.app, 'POST', '/v1/email-verifications/resend', { body: { email } }), 202);
    const code = await codeNumber(smtp, email, 4);
    expectStatus(await verify(email, code), 201);
  });

  it('refuse a malformed code with MALFORMED_REQUEST, not CODE_INVALID', async () => {
    const res = await verify('someone@example.test', '12345');
    expect(res.status).toBe(400);
    expect(res.body.error.code).not.toBe(ErrorCode.CodeInvalid);
  });
});
