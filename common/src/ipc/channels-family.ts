import {
  ChildGrownUps,
  GrownUpInviteCreated,
  GrownUpInviteList,
  NoticeList,
  RedeemedGrownUpInvite,
  TrustedGrownUp,
} from '../schemas/family';
import { Done, NoArgs } from './models-app';
import {
  AnswerGrownUpInviteArgs,
  ChildGrownUpArgs,
  ChildGrownUpsArgs,
  CreateGrownUpInviteArgs,
  DeleteChildArgs,
  GiveChildConsentArgs,
  RedeemGrownUpInviteArgs,
  UpdateTrustedArgs,
} from './models-family';
import type { ChannelSpec } from './channels';

/**
 * The whole family (issue 12): a child's guardians and trusted grown-ups, the invitations that
 * add them, consent per guardian, deleting a child, and "what happened in your family". The pane's
 * channels act with the signed-in grown-up's session; the `profile` ones act as the grown-up whose
 * parent mode is open on their own PC (refused for a child's profile).
 */
export const FAMILY_CHANNELS = {
  getChildGrownUps: {
    access: 'parent',
    args: ChildGrownUpsArgs,
    result: ChildGrownUps,
    summary: "A child's guardians and trusted grown-ups (guardians of the child only)",
  },
  createGrownUpInvite: {
    access: 'parent',
    args: CreateGrownUpInviteArgs,
    result: GrownUpInviteCreated,
    summary: 'Invite another guardian or a trusted grown-up for some of my children: a code, valid 7 days, single use',
  },
  listGrownUpInvites: {
    access: 'parent',
    args: NoArgs,
    result: GrownUpInviteList,
    summary: 'The invitations my children’s guardians sent, and those I typed in',
  },
  answerGrownUpInvite: {
    access: 'parent',
    args: AnswerGrownUpInviteArgs,
    result: Done,
    summary: 'Confirm or decline the grown-up who typed a code in, or cancel the invitation',
  },
  redeemGrownUpInvite: {
    access: 'parent',
    args: RedeemGrownUpInviteArgs,
    result: RedeemedGrownUpInvite,
    summary: 'Type in a code a family gave me (signed in to the pane); then the inviter confirms',
  },
  removeGuardian: {
    access: 'parent',
    args: ChildGrownUpArgs,
    result: Done,
    summary: 'Remove another guardian of a child, or leave as guardian myself (never the last one: LAST_GUARDIAN)',
  },
  removeTrustedGrownUp: {
    access: 'parent',
    args: ChildGrownUpArgs,
    result: Done,
    summary: 'Remove a trusted grown-up of a child (at once)',
  },
  updateTrustedGrownUp: {
    access: 'parent',
    args: UpdateTrustedArgs,
    result: TrustedGrownUp,
    summary: 'Change the picture a child sees for a trusted grown-up',
  },
  giveChildConsent: {
    access: 'parent',
    args: GiveChildConsentArgs,
    result: ChildGrownUps,
    summary: 'Give (or renew) my own consent for a child',
  },
  withdrawChildConsent: {
    access: 'parent',
    args: ChildGrownUpsArgs,
    result: ChildGrownUps,
    summary: 'Withdraw my own consent for a child (every other guardian is told)',
  },
  deleteChild: {
    access: 'parent',
    args: DeleteChildArgs,
    result: Done,
    summary: 'Delete a child’s account on the relay and on this PC (the name typed again)',
  },
  listNotices: {
    access: 'parent',
    args: NoArgs,
    result: NoticeList,
    summary: 'What happened in my family (requests, approvals, grown-ups added or removed, consents)',
  },
  redeemGrownUpInviteAsMe: {
    access: 'profile',
    args: RedeemGrownUpInviteArgs,
    result: RedeemedGrownUpInvite,
    summary: 'In parent mode on my own PC: type in a code a family gave me',
  },
  listMyGrownUpInvites: {
    access: 'profile',
    args: NoArgs,
    result: GrownUpInviteList,
    summary: 'In parent mode: the codes I typed in and whether they were confirmed',
  },
  listMyNotices: {
    access: 'profile',
    args: NoArgs,
    result: NoticeList,
    summary: 'In parent mode: what happened in my family',
  },
} as const satisfies Record<string, ChannelSpec>;

/** The name of a family channel. */
export type FamilyChannelName = keyof typeof FAMILY_CHANNELS;
