import type { ChildId, ConsentHistory, ConsentInput, PolicyLanguage, PolicyReview, ReconsentResult } from '@hearth/common';
import type { ReconsentHttp } from '../relay/reconsent-http';
import type { ParentAccountService } from './parent-account';

/** Re-consent after a policy change (F15), as the signed-in grown-up (the pane, parent mode). */
export type ReconsentService = Readonly<{
  review: (lang: PolicyLanguage) => Promise<PolicyReview>;
  consent: (consent: ConsentInput) => Promise<ReconsentResult>;
  history: (childId: ChildId) => Promise<ConsentHistory>;
}>;

export function createReconsentService(
  deps: Readonly<{ parent: Pick<ParentAccountService, 'withSession'>; http: ReconsentHttp }>,
): ReconsentService {
  const { parent, http } = deps;
  return Object.freeze({
    review: (lang) => parent.withSession((token) => http.review(token, lang)),
    consent: (consent) => parent.withSession((token) => http.consent(token, consent)),
    history: (childId) => parent.withSession((token) => http.history(token, childId)),
  });
}
