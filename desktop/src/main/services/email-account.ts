import type {
  CodeResent,
  EmailAddressArgs,
  EmailCodeArgs,
  LockStatus,
  ParentAccount,
  PasswordResetArgs,
  PasswordResetStarted,
  Profile,
} from '@hearth/common';
import type { Logger } from '../logging/logger';
import type { EmailHttp } from '../relay/email-http';
import type { RelayHttp } from '../relay/relay-http';
import type { ParentAccountService } from './parent-account';
import type { ParentModeService } from './parent-mode';

/**
 * Verified email and "forgot password" for the grown-ups (issue 12). Every code goes to the relay,
 * which alone knows whether an address has an account: nothing here tells one from the other.
 * A reset ends every session of the account on the relay; this PC's enrollment and the children's
 * device credentials are not sessions, so the children's computers keep working.
 */
export type EmailAccountService = Readonly<{
  verifyEmail: (args: EmailCodeArgs) => Promise<ParentAccount>;
  resendCode: (args: EmailAddressArgs) => Promise<CodeResent>;
  startReset: (args: EmailAddressArgs) => Promise<PasswordResetStarted>;
  /** The new password signs this PC in, as signing in does. */
  completeReset: (args: PasswordResetArgs) => Promise<ParentAccount>;
  /** The new password opens the locked pane, for the grown-up who owns this PC only. */
  unlockWithReset: (args: PasswordResetArgs) => Promise<LockStatus>;
  /** The new password starts (or renews) parent mode. */
  startParentModeWithReset: (args: PasswordResetArgs) => Promise<Profile>;
}>;

export function createEmailAccountService(
  deps: Readonly<{
    email: EmailHttp;
    relay: RelayHttp;
    parent: ParentAccountService;
    parentMode: ParentModeService;
    logger: Logger;
  }>,
): EmailAccountService {
  const log = deps.logger.child({ component: 'email-account' });
  const reset = (args: PasswordResetArgs) =>
    deps.email.completePasswordReset({ email: args.email, code: args.code, password: args.password, device: 'family-pc' });

  return Object.freeze({
    verifyEmail: (args: EmailCodeArgs) =>
      deps.parent.signInWith(() => {
        const password = deps.parent.pendingPasswordFor(args.email);
        return deps.email.verifyEmail({
          email: args.email,
          code: args.code,
          device: 'family-pc',
          ...(password ? { password } : {}),
        });
      }),
    resendCode: (args: EmailAddressArgs) => deps.email.resendVerification(args),
    startReset: (args: EmailAddressArgs) => deps.email.startPasswordReset(args),
    completeReset: (args: PasswordResetArgs) => deps.parent.signInWith(() => reset(args)),
    unlockWithReset: (args: PasswordResetArgs) => deps.parent.unlockWith(() => reset(args)),
    async startParentModeWithReset(args: PasswordResetArgs): Promise<Profile> {
      // Parent mode keeps a full-length session of its own: the reset's short one ends at once.
      const grant = await reset(args);
      await deps.relay
        .signOut(grant.token, grant.sessionId)
        .catch((err: unknown) => log.warn({ err }, 'could not end the session of a password reset'));
      return deps.parentMode.start({ email: args.email, password: args.password });
    },
  });
}
