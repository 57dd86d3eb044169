import { Type, type Static } from 'typebox';
import { Email, Password, closed } from './primitives';
import { PolicyLanguage, SessionDevice } from './accounts';

/**
 * Verified email, recovery and no account enumeration (issue 12). A relay configured with SMTP
 * (`--smtp-url`) verifies every grown-up's email before the account works and answers
 * registration and "forgot password" the same way whatever the address. A relay without SMTP
 * ("no email" mode, the default for a family's own relay) turns verification off, sends
 * invitations by code only, and leaves recovery to its operator (`npm run relay:admin`).
 */

/** `POST /v1/parents` on a relay with SMTP: the same answer for a new and a used address. */
export const CheckEmail = Type.Object({ status: Type.Literal('check-email') }, closed);
export type CheckEmail = Static<typeof CheckEmail>;

/** A six-digit code from an email (or, for a reset on a relay without email, from its operator). */
export const EmailCode = Type.String({ pattern: '^[0-9]{6}$', description: 'six digits' });

/**
 * `POST /v1/email-verifications`: the emailed code; signs the grown-up in at once. `password`: the
 * one the grown-up chose when registering (or typed at the refused sign-in). With it, the account's
 * password becomes this one: whoever holds the mailbox's code chooses the password, so a stranger who
 * registered the same address in between never does.
 */
export const VerifyEmailBody = Type.Object(
  { email: Email, code: EmailCode, password: Type.Optional(Password), device: Type.Optional(SessionDevice) },
  closed,
);
export type VerifyEmailBody = Static<typeof VerifyEmailBody>;

/** `POST /v1/email-verifications/resend`: always 202 with {@link CheckEmail}. */
export const ResendVerificationBody = Type.Object({ email: Email, lang: Type.Optional(PolicyLanguage) }, closed);
export type ResendVerificationBody = Static<typeof ResendVerificationBody>;

/** `POST /v1/password-resets`: "forgot password". */
export const StartPasswordResetBody = Type.Object({ email: Email, lang: Type.Optional(PolicyLanguage) }, closed);
export type StartPasswordResetBody = Static<typeof StartPasswordResetBody>;

/**
 * The answer to "forgot password", the same whatever the address: `check-email` where the relay
 * sends email; `ask-operator` where it does not (the person who runs it makes a code with
 * `npm run relay:admin -- reset-password`).
 */
export const PasswordResetStarted = Type.Object(
  { status: Type.Union([Type.Literal('check-email'), Type.Literal('ask-operator')]) },
  closed,
);
export type PasswordResetStarted = Static<typeof PasswordResetStarted>;

/** `POST /v1/password-resets/complete`: the code and a new password; every session of the account ends. */
export const CompletePasswordResetBody = Type.Object(
  { email: Email, code: EmailCode, password: Password, device: Type.Optional(SessionDevice) },
  closed,
);
export type CompletePasswordResetBody = Static<typeof CompletePasswordResetBody>;
