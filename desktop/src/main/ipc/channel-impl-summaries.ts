import type { SummaryChannelName } from '@hearth/common';
import type { ChannelFn } from './channel-impl';
import type { Services } from './services';

/** The daily summary's channels (spread into `channelImpl`): the child's own, parent mode's. */
export function summaryChannelImpl(s: Services): { readonly [K in SummaryChannelName]: ChannelFn<K> } {
  return {
    getMyDailySummary: (_a, child) => s.summaries.mine(child()),
    listDailySummariesAsMe: (a, child) => s.summaries.receivedAsMe(child(), a.childId),
  };
}
