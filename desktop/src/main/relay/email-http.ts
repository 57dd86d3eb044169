import {
  CheckEmail,
  PasswordResetStarted,
  SessionGrant,
  type CompletePasswordResetBody,
  type ResendVerificationBody,
  type StartPasswordResetBody,
  type VerifyEmailBody,
} from '@hearth/common';
import type { RelayCall } from './relay-http';

/** The relay's email routes (issue 12): verifying an address and "forgot password". */
export type EmailHttp = Readonly<{
  /** The emailed code: verifies the address and signs the grown-up in. CODE_INVALID for a wrong, used or old code. */
  verifyEmail: (body: VerifyEmailBody) => Promise<SessionGrant>;
  /** Sends the code again; the same answer whatever the address. */
  resendVerification: (body: ResendVerificationBody) => Promise<CheckEmail>;
  /** "Forgot password": check-email (the relay sends email) or ask-operator (it does not), whatever the address. */
  startPasswordReset: (body: StartPasswordResetBody) => Promise<PasswordResetStarted>;
  /** The reset code and a new password: every session of the account ends; a new one comes back. */
  completePasswordReset: (body: CompletePasswordResetBody) => Promise<SessionGrant>;
}>;

export function createEmailHttp(call: RelayCall): EmailHttp {
  return Object.freeze({
    verifyEmail: (body: VerifyEmailBody) => call('POST', '/v1/email-verifications', SessionGrant, { body }),
    resendVerification: (body: ResendVerificationBody) => call('POST', '/v1/email-verifications/resend', CheckEmail, { body }),
    startPasswordReset: (body: StartPasswordResetBody) => call('POST', '/v1/password-resets', PasswordResetStarted, { body }),
    completePasswordReset: (body: CompletePasswordResetBody) =>
      call('POST', '/v1/password-resets/complete', SessionGrant, { body }),
  });
}
