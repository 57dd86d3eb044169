import { PolicyReview, ReconsentResult } from '../schemas/reconsent';
import { ConsentToPolicyArgs, PolicyReviewArgs } from './channels-reconsent';
import type { ChannelSpec } from './channels';

/**
 * Parent mode's re-consent (F15, issue 14 §5): right after a grown-up signs into parent mode on
 * their own PC, with the session kept there for them (the pane's channels need the pane's
 * session), what changed and one consent for every child of theirs waiting for it.
 */
export const NOTIFY_CHANNELS = {
  getMyPolicyReview: {
    access: 'profile',
    args: PolicyReviewArgs,
    result: PolicyReview,
    summary: 'In parent mode: what changed in the privacy policy, and which of my children wait for my consent to it',
  },
  consentToPolicyAsMe: {
    access: 'profile',
    args: ConsentToPolicyArgs,
    result: ReconsentResult,
    summary: 'In parent mode: consent to the current privacy policy for every one of my children waiting for it',
  },
} as const satisfies Record<string, ChannelSpec>;

export type NotifyChannelName = keyof typeof NOTIFY_CHANNELS;
