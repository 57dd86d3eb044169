import type { ActivityChannelName } from '@hearth/common';
import type { ChannelFn } from './channel-impl';
import type { Services } from './services';

/** The 30-day activity view's channels (spread into `channelImpl`). */
export function activityChannelImpl(s: Services): { readonly [K in ActivityChannelName]: ChannelFn<K> } {
  const a = s.activity;
  return {
    getChildActivityDetail: (x) => a.detail(x.childId, 'guardian'),
    openChildImageLog: (x) => a.openImageLog(x.childId),
    readChildImage: (x) => a.readImage(x.childId, x.hash),
    removeChildImage: (x) => {
      a.removeImage(x.childId, x.messageId);
      return { done: true };
    },
    getDailySummary: (x) => s.dailySummary.get(x.childId),
    setDailySummary: (x) => s.dailySummary.set(x.childId, x.enabled),
    getMyActivityDetail: (_x, child) => a.detail(child(), 'child'),
  };
}
