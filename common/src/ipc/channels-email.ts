import { Type, type Static } from 'typebox';
import { PolicyLanguage } from '../schemas/accounts';
import { EmailCode, PasswordResetStarted } from '../schemas/email';
import { Email, Password, closed } from '../schemas/primitives';
import { LockStatus, ParentAccount, Profile } from './models-app';
import type { ChannelSpec } from './channels';

/**
 * Verified email and "forgot password" (issue 12), as the grown-ups' screens use them. A relay
 * with SMTP answers a registration with "check your email" whether or not the address has an
 * account (main turns that answer, and a sign-in refused with EMAIL_NOT_VERIFIED, into the error
 * EMAIL_NOT_VERIFIED, which the screens show as the "Check your email" step); the emailed code then
 * signs the grown-up in. A reset code comes by email, or from the relay's operator where it sends none.
 */

/** The emailed code for an address: a correct one signs the grown-up in. */
export const EmailCodeArgs = Type.Object({ email: Email, code: EmailCode }, closed);
export type EmailCodeArgs = Static<typeof EmailCodeArgs>;

/** An address to send a code to, and the language the email is written in. */
export const EmailAddressArgs = Type.Object({ email: Email, lang: Type.Optional(PolicyLanguage) }, closed);
export type EmailAddressArgs = Static<typeof EmailAddressArgs>;

/** A reset code and the new Hearth password (every session of the account ends). */
export const PasswordResetArgs = Type.Object({ email: Email, code: EmailCode, password: Password }, closed);
export type PasswordResetArgs = Static<typeof PasswordResetArgs>;

/** The answer to "send the code again": always the same, whatever the address. */
export const CodeResent = Type.Object({ status: Type.Literal('check-email') }, closed);
export type CodeResent = Static<typeof CodeResent>;

export const EMAIL_CHANNELS = {
  verifyEmail: {
    access: 'grown-up',
    args: EmailCodeArgs,
    result: ParentAccount,
    summary:
      'The code emailed to a grown-up who registered (or whose sign-in said EMAIL_NOT_VERIFIED): verifies the address and signs them in, as signInParent does',
  },
  resendEmailCode: {
    access: 'grown-up',
    args: EmailAddressArgs,
    result: CodeResent,
    summary: 'Send the verification code again (the same answer whatever the address)',
  },
  startPasswordReset: {
    access: 'open',
    args: EmailAddressArgs,
    result: PasswordResetStarted,
    summary:
      '"Forgot password": check-email where the relay sends email (the same answer whatever the address), ask-operator where it does not',
  },
  completePasswordReset: {
    access: 'grown-up',
    args: PasswordResetArgs,
    result: ParentAccount,
    summary: 'A reset code and a new password: every session of the account ends, and this PC signs in, as signInParent does',
  },
  unlockWithPasswordReset: {
    access: 'open',
    args: PasswordResetArgs,
    result: LockStatus,
    summary:
      'A reset code and a new password from the locked pane: as unlockWithAccount, only the account of the grown-up who enrolled this PC or owns a profile on it opens the pane',
  },
  startParentModeWithReset: {
    access: 'grown-up',
    args: PasswordResetArgs,
    result: Profile,
    summary:
      'A reset code and a new password, then parent mode starts (or renews) with the new password, as startParentMode does',
  },
} as const satisfies Record<string, ChannelSpec>;

/** The name of an email channel. */
export type EmailChannelName = keyof typeof EMAIL_CHANNELS;
