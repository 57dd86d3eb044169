import type { ChildId, ConsentHistory, ConsentInput, PolicyLanguage, PolicyReview, ReconsentResult } from '@hearth/common';
import type { ReadableDB } from '@hearth/sqlite';
import { ErrorCode, HearthError } from '@hearth/common';
import { requireProfile } from '../db/family/queries/profiles';
import type { ReconsentHttp } from '../relay/reconsent-http';
import type { ParentAccountService } from './parent-account';

/** Re-consent after a policy change (F15), as the signed-in grown-up (the pane, parent mode). */
export type ReconsentService = Readonly<{
  review: (lang: PolicyLanguage) => Promise<PolicyReview>;
  consent: (consent: ConsentInput) => Promise<ReconsentResult>;
  history: (childId: ChildId) => Promise<ConsentHistory>;
  /** Parent mode, as the open grown-up (the session kept on their own PC): what changed for them. */
  reviewAsMe: (profileId: string, lang: PolicyLanguage) => Promise<PolicyReview>;
  /** Parent mode, as the open grown-up: one consent for each of their children waiting for it. */
  consentAsMe: (profileId: string, consent: ConsentInput) => Promise<ReconsentResult>;
}>;

export function createReconsentService(
  deps: Readonly<{ parent: Pick<ParentAccountService, 'withSession'>; http: ReconsentHttp; familyDb: ReadableDB }>,
): ReconsentService {
  const { parent, http } = deps;
  /** The relay session parent mode keeps on this PC; a child's profile has none to lend. */
  const parentModeToken = (profileId: string): string => {
    const p = requireProfile(deps.familyDb, profileId);
    if (p.kind !== 'parent') throw new HearthError(ErrorCode.Forbidden, 'Only a grown-up in parent mode can do this.');
    return p.deviceToken;
  };
  return Object.freeze({
    review: (lang) => parent.withSession((token) => http.review(token, lang)),
    consent: (consent) => parent.withSession((token) => http.consent(token, consent)),
    history: (childId) => parent.withSession((token) => http.history(token, childId)),
    reviewAsMe: (profileId, lang) => http.review(parentModeToken(profileId), lang),
    consentAsMe: (profileId, consent) => http.consent(parentModeToken(profileId), consent),
  });
}
