import type { FamilyChannelName } from '@hearth/common';
import type { ChannelFn } from './channel-impl';
import type { Services } from './services';

/** The whole family's channels (spread into `channelImpl`): the pane's, and parent mode's as the open grown-up. */
export function familyChannelImpl(s: Services): { readonly [K in FamilyChannelName]: ChannelFn<K> } {
  const g = s.grownUps;
  return {
    getChildGrownUps: (a) => g.grownUps(a.childId),
    createGrownUpInvite: (a) => g.invite(a),
    listGrownUpInvites: () => g.invites(),
    answerGrownUpInvite: (a) => g.answer(a),
    redeemGrownUpInvite: (a) => g.redeem(a.code),
    removeGuardian: (a) => g.removeGuardian(a.childId, a.parentId),
    removeTrustedGrownUp: (a) => g.removeTrusted(a.childId, a.parentId),
    updateTrustedGrownUp: (a) => g.updateTrusted(a),
    giveChildConsent: (a) => g.giveConsent(a),
    withdrawChildConsent: (a) => g.withdrawConsent(a.childId),
    deleteChild: (a) => g.deleteChild(a),
    listNotices: () => g.notices(),
    redeemGrownUpInviteAsMe: (a, child) => g.redeemAsMe(child(), a.code),
    listMyGrownUpInvites: (_a, child) => g.invitesAsMe(child()),
    listMyNotices: (_a, child) => g.noticesAsMe(child()),
  };
}
