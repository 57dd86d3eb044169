import { ErrorCode, HearthError, type PolicyLanguage } from '@hearth/common';
import type { RelayContext } from '../context';
import type { ParentRow } from '../accounts/queries';
import { emailKeyOf, issueCode, sendInBackground, takeSendAllowance } from './codes';
import { verifyMail } from './messages';

type Ctx = Pick<RelayContext, 'store' | 'config' | 'now' | 'newId' | 'mailer'>;

/** Emails a fresh verification code to the account (within the address's hourly limit); earlier codes end. */
export async function sendVerifyCode(ctx: Ctx, parent: Pick<ParentRow, 'id' | 'email'>, lang: PolicyLanguage): Promise<void> {
  const emailKey = emailKeyOf(parent.email);
  if (!(await takeSendAllowance(ctx, emailKey))) return;
  const code = await issueCode(ctx, { purpose: 'verify', emailKey, accountId: parent.id, sentBy: 'email' });
  sendInBackground(ctx, verifyMail(lang, parent.email, code, ctx.config.emailCodeTtlMs));
}

/**
 * On a relay that sends email, an account works only once its address is verified: the right
 * password to an unverified account gets a fresh code and EMAIL_NOT_VERIFIED (a wrong one stays
 * WRONG_PASSWORD). Without email nothing is checked.
 */
export async function requireVerifiedEmail(ctx: Ctx, parent: ParentRow, lang: PolicyLanguage | undefined): Promise<void> {
  if (!ctx.mailer.enabled || parent.emailVerifiedAt !== null) return;
  await sendVerifyCode(ctx, parent, lang ?? 'en');
  throw new HearthError(
    ErrorCode.EmailNotVerified,
    'Please confirm your email first: we sent a code to it. Type it in to finish.',
  );
}
