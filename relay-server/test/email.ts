import { afterAll, beforeAll } from 'vitest';
import type { SessionGrant } from '@hearth/common';
import { startTestSmtp, type TestSmtp } from '@hearth/test-kit/smtp';
import type { RelayApp } from '../src/app';
import { issueCode } from '../src/email/codes';
import {
  PASSWORD,
  api,
  buildTestApp,
  expectStatus,
  registerParent,
  unique,
  type ApiResult,
  type TestOverrides,
  type TestParent,
  type TestRelay,
} from './helpers';

/**
 * A test SMTP server and a relay that sends email through it, for the tests of the describe block
 * (or file) this is called in: both started before them (then `use`), the relay closed, then the server.
 */
export function mailingRelayFor(
  use: (relay: TestRelay, smtp: TestSmtp) => void | Promise<void>,
  overrides: TestOverrides = {},
): void {
  let smtp: TestSmtp | undefined;
  let relay: TestRelay | undefined;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    relay = await buildTestApp({ ...overrides, smtpUrl: smtp.url });
    await use(relay, smtp);
  });
  afterAll(async () => {
    await relay?.close();
    await smtp?.close();
  });
}

/** POST /v1/parents: a registration by "Sam" unless `extra` names someone else. */
export function postRegistration(
  app: RelayApp,
  email: string,
  password = PASSWORD,
  extra: Readonly<Record<string, unknown>> = {},
): Promise<ApiResult> {
  return api(app, 'POST', '/v1/parents', { body: { email, password, displayName: 'Sam', ...extra } });
}

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
  expectStatus(await postRegistration(app, email, password), 202);
  const code = await codeNumber(smtp, email, before + 1);
  const grant = expectStatus(await api<SessionGrant>(app, 'POST', '/v1/email-verifications', { body: { email, code } }), 201);
  return { parentId: grant.parentId, token: grant.token, sessionId: grant.sessionId, email, password };
}

type CodeFor = Parameters<typeof issueCode>[1];

/**
 * A new grown-up (registered on a relay that sends no email) and a code made for their account the
 * way the relay (`sentBy: 'email'`) or its operator makes one, without any mail.
 */
export async function registeredWithCode(
  relay: TestRelay,
  purpose: CodeFor['purpose'],
  sentBy: CodeFor['sentBy'],
): Promise<Readonly<{ parent: TestParent; code: string }>> {
  const parent = await registerParent(relay.app);
  const code = await issueCode(relay.app.relay, {
    purpose,
    emailKey: parent.email.toLowerCase(),
    accountId: parent.parentId,
    sentBy,
  });
  return { parent, code };
}
