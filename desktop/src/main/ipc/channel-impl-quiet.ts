import type { QuietChannelName } from '@hearth/common';
import type { ChannelFn } from './channel-impl';
import type { Services } from './services';

/** Quiet time's channels (spread into `channelImpl`): the child's own, the pane's, parent mode's. */
export function quietChannelImpl(s: Services): { readonly [K in QuietChannelName]: ChannelFn<K> } {
  const q = s.quiet;
  return {
    getMyQuiet: (_a, child) => q.mine(child()),
    getChildQuiet: (a) => q.child(a.childId),
    setChildQuiet: (a) => q.setSchedule(a),
    setContactQuietWindows: (a) => q.setContactWindows(a),
    startQuietNow: (a) => q.quietNow(a),
    giveExtraMinutes: (a) => q.extraMinutes(a),
    setQuietTimeZone: (a) => q.setTimeZone(a),
    setMyQuietReach: (a) => q.setMyReach(a),
    getChildQuietAsMe: (a, child) => q.childAsMe(child(), a.childId),
    startQuietNowAsMe: (a, child) => q.quietNowAsMe(child(), a),
    giveExtraMinutesAsMe: (a, child) => q.extraMinutesAsMe(child(), a),
  };
}
