import type { NotifyChannelName, ReconsentChannelName } from '@hearth/common';
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

/** Parent mode's re-consent (issue 14 §5), as the open grown-up, spread into `channelImpl`. */
export function notifyChannelImpl(s: Services): { readonly [K in NotifyChannelName]: ChannelFn<K> } {
  return {
    getMyPolicyReview: (a, child) => s.reconsent.reviewAsMe(child(), a.lang),
    consentToPolicyAsMe: (a, child) => s.reconsent.consentAsMe(child(), a.consent),
  };
}
