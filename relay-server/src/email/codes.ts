import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { ErrorCode, HearthError } from '@hearth/common';
import type { RelayContext } from '../context';
import type { OutgoingMail } from '../mail/mailer';
import type { CodePurpose, CodeSender, EmailCodeRow } from './queries';

type Ctx = Pick<RelayContext, 'store' | 'config' | 'now' | 'newId'>;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The lower-cased, trimmed address: the key of codes, sends and sign-in backoff. */
export const emailKeyOf = (email: string): string => email.trim().toLowerCase();

/** A code's stored form: SHA-256 of its row id and the six digits (the row id salts it). */
export function hashCode(id: string, code: string): Buffer {
  return createHash('sha256').update(`${id}:${code}`).digest();
}

/** Six random digits, leading zeros kept. */
export function newSixDigitCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/**
 * Makes a fresh code for the account (ending its earlier ones of the same purpose) and returns it
 * in clear, once, for an email or the operator's screen. Old codes and sends go on the way.
 */
export async function issueCode(
  ctx: Ctx,
  c: Readonly<{
    purpose: CodePurpose;
    emailKey: string;
    accountId: string;
    sentBy: CodeSender;
  }>,
): Promise<string> {
  const now = ctx.now();
  const code = newSixDigitCode();
  const id = ctx.newId();
  await ctx.store.transaction(async (tx) => {
    await tx.email.deleteOldCodes(now - DAY);
    await tx.email.endLiveCodes(c.accountId, c.purpose, now);
    await tx.email.insertEmailCode({
      id,
      purpose: c.purpose,
      emailKey: c.emailKey,
      accountId: c.accountId,
      codeHash: hashCode(id, code),
      sentBy: c.sentBy,
      createdAt: now,
      expiresAt: now + ctx.config.emailCodeTtlMs,
    });
  });
  return code;
}

/** One answer for every wrong, used, expired, worn-out or unknown code: nothing tells them apart. */
export const codeInvalid = (): HearthError =>
  new HearthError(ErrorCode.CodeInvalid, 'That code is wrong or too old. Check the newest email, or ask for a new code.');

/**
 * The live code of this purpose for the address if `code` is it; a wrong code counts a try
 * against it (the fifth wrong one kills it). Throws CODE_INVALID otherwise. Does not use it up:
 * the caller does, in the transaction that acts on it.
 */
export async function matchCode(
  ctx: Pick<Ctx, 'store' | 'config' | 'now'>,
  emailKey: string,
  purpose: CodePurpose,
  code: string,
): Promise<EmailCodeRow> {
  const row = await ctx.store.email.getLiveCode(emailKey, purpose, ctx.now(), ctx.config.rateLimits.codeAttempts);
  if (!row) throw codeInvalid();
  const given = hashCode(row.id, code);
  if (!timingSafeEqual(given, Buffer.from(row.codeHash))) {
    await ctx.store.email.countWrongTry(row.id);
    throw codeInvalid();
  }
  return row;
}

/**
 * Whether one more email may go to this address this hour (`emailsPerAddressPerHour`); counts it
 * when it may. Over the limit nothing is sent, and the caller's answer stays the same.
 */
export async function takeSendAllowance(ctx: Ctx, emailKey: string): Promise<boolean> {
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    await tx.email.deleteOldSends(now - HOUR);
    if ((await tx.email.countSends(emailKey, now - HOUR)) >= ctx.config.rateLimits.emailsPerAddressPerHour) return false;
    await tx.email.recordSend(emailKey, now);
    return true;
  });
}

/**
 * Runs `work` once the answer has gone out, so that what an address with an account costs the
 * relay (writing a code, handing an email over) never shows in how long the answer takes. A
 * failure (the relay closing meanwhile) is dropped: the answer is the same either way.
 */
export function afterAnswering(work: () => Promise<void>): void {
  setImmediate(() => {
    work().catch(() => {
      // Nothing to tell anyone: the answer went out already, and an email can be asked for again.
    });
  });
}

/**
 * Sends without waiting: the answer to the request goes out at once and takes the same time
 * whether or not an email is sent (the mailer never throws; a failure is logged).
 */
export function sendInBackground(ctx: Pick<RelayContext, 'mailer'>, mail: OutgoingMail): void {
  void ctx.mailer.send(mail);
}
