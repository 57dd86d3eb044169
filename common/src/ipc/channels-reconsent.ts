import { Type } from 'typebox';
import { closed } from '../schemas/primitives';
import { ChildIdSchema } from '../schemas/primitives';
import { ConsentInput, PolicyLanguage } from '../schemas/accounts';
import { ConsentHistory, PolicyReview, ReconsentResult } from '../schemas/reconsent';
import type { ChannelSpec } from './channels';

export const PolicyReviewArgs = Type.Object({ lang: PolicyLanguage }, closed);
export const ConsentToPolicyArgs = Type.Object({ consent: ConsentInput }, closed);
export const ConsentHistoryArgs = Type.Object({ childId: ChildIdSchema }, closed);

/**
 * Re-consent after a policy change (F15), with the signed-in grown-up's session: what changed and
 * which children wait (asked at the pane's unlock and parent mode's sign-in), one consent for all
 * of them, and a child's consent history.
 */
export const RECONSENT_CHANNELS = {
  getPolicyReview: {
    access: 'parent',
    args: PolicyReviewArgs,
    result: PolicyReview,
    summary: 'What changed in the privacy policy, and which of my children wait for my consent to it',
  },
  consentToPolicy: {
    access: 'parent',
    args: ConsentToPolicyArgs,
    result: ReconsentResult,
    summary: 'Consent to the current privacy policy for every one of my children waiting for it',
  },
  getConsentHistory: {
    access: 'parent',
    args: ConsentHistoryArgs,
    result: ConsentHistory,
    summary: "A child's consent records: which version, who, when",
  },
} as const satisfies Record<string, ChannelSpec>;

export type ReconsentChannelName = keyof typeof RECONSENT_CHANNELS;
