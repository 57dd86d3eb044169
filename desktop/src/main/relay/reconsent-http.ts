import {
  ConsentHistory,
  PolicyReview,
  ReconsentResult,
  type ChildId,
  type ConsentInput,
  type PolicyLanguage,
} from '@hearth/common';
import type { RelayCall } from './relay-http';

/** The relay's re-consent routes (F15), with a grown-up's session token. */
export type ReconsentHttp = Readonly<{
  review: (token: string, lang: PolicyLanguage) => Promise<PolicyReview>;
  consent: (token: string, consent: ConsentInput) => Promise<ReconsentResult>;
  history: (token: string, childId: ChildId) => Promise<ConsentHistory>;
}>;

/** A client of `/v1/policy-review` and `/v1/children/:id/consent-history`. */
export function createReconsentHttp(call: RelayCall): ReconsentHttp {
  return Object.freeze({
    review: (token, lang) => call('GET', `/v1/policy-review?lang=${lang}`, PolicyReview, { token }),
    consent: (token, consent) => call('POST', '/v1/policy-review/consent', ReconsentResult, { token, body: { consent } }),
    history: (token, childId) => call('GET', `/v1/children/${childId}/consent-history`, ConsentHistory, { token }),
  });
}
