import type { SessionGrant } from '@hearth/common';
import type { TestSmtp } from '@hearth/test-kit/smtp';
import type { RelayApp } from '../src/app';
import { PASSWORD, api, expectStatus, unique, type TestParent } from './helpers';

/** Waits for mail number `n` (1 = the first) to the address and returns its six-digit code. */
export async function codeNumber(smtp: TestSmtp, address: string, n: number, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = smtp.mailTo(address);
    if (mails.length >= n) {
      const mail = mails[mails.length - n] as { text: string };
      const match = /\b(\d{6})\b/.exec(mail.text);
      if (!match) throw new Error(`mail ${n} to ${address} has no code: ${mail.text}`);
      return match[1] as string;
    }
    if (Date.now() > deadline) throw new Error(`no mail number ${n} to ${address} (got ${mails.length})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits until the address has received `n` mails in all. */
export async function mailCount(smtp: TestSmtp, address: string, n: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (smtp.mailTo(address).length < n) {
    if (Date.now() > deadline) throw new Error(`expected ${n} mails to ${address}, got ${smtp.mailTo(address).length}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Registers on a relay with SMTP and verifies with the emailed code: a verified, signed-in parent. */
export async function registerVerified(
  app: RelayApp,
  smtp: TestSmtp,
  options: Readonly<{ email?: string; password?: string }> = {},
): Promise<TestParent> {
  const email = options.email ?? `${unique('grownup')}@example.test`;
  const password = options.password ?? PASSWORD;
  const before = smtp.mailTo(email).length;
  expectStatus(await api(app, 'POST', '/v1/parents', { body: { email, password, displayName: 'Sam' } }), 202);
  const code = await codeNumber(smtp, email, before + 1);
  const grant = expectStatus(await api<SessionGrant>(app, 'POST', '/v1/email-verifications', { body: { email, code } }), 201);
  return { parentId: grant.parentId, token: grant.token, sessionId: grant.sessionId, email, password };
}
