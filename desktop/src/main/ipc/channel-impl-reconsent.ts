import type { ReconsentChannelName } from '@hearth/common';
import type { ChannelFn } from './channel-impl';
import type { Services } from './services';

/** Re-consent's channels (F15), spread into `channelImpl`. */
export function reconsentChannelImpl(s: Services): { readonly [K in ReconsentChannelName]: ChannelFn<K> } {
  return {
    getPolicyReview: (a) => s.reconsent.review(a.lang),
    consentToPolicy: (a) => s.reconsent.consent(a.consent),
    getConsentHistory: (a) => s.reconsent.history(a.childId),
  };
}
