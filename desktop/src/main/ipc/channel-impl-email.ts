import type { EmailChannelName } from '@hearth/common';
import type { ChannelFn } from './channel-impl';
import type { Services } from './services';

/** The email channels (spread into `channelImpl`): verifying a grown-up's address and "forgot password". */
export function emailChannelImpl(s: Services): { readonly [K in EmailChannelName]: ChannelFn<K> } {
  return {
    verifyEmail: (a) => s.emailAccount.verifyEmail(a),
    resendEmailCode: (a) => s.emailAccount.resendCode(a),
    startPasswordReset: (a) => s.emailAccount.startReset(a),
    completePasswordReset: (a) => s.emailAccount.completeReset(a),
    unlockWithPasswordReset: (a) => s.emailAccount.unlockWithReset(a),
    startParentModeWithReset: (a) => s.emailAccount.startParentModeWithReset(a),
  };
}
