import { eraseWal } from '@hearth/sqlite';
import {
  ErrorCode,
  HearthError,
  type AnswerGrownUpInviteArgs,
  type ChildGrownUps,
  type ChildId,
  type CreateGrownUpInviteBody,
  type DeleteChildArgs,
  type Done,
  type GiveChildConsentArgs,
  type GrownUpInviteCreated,
  type GrownUpInviteList,
  type NoticeList,
  type RedeemedGrownUpInvite,
  type TrustedGrownUp,
  type UpdateTrustedArgs,
} from '@hearth/common';
import { deleteProfile, getProfile, requireProfile } from '../db/family/queries/profiles';
import type { FamilyHttp } from '../relay/family-http';
import type { FamilyDeps } from './family-admin';

/** A child's grown-ups (issue 12): guardians, trusted grown-ups, their invitations, consents and notices. */
export type FamilyGrownUpsService = Readonly<{
  grownUps: (childId: ChildId) => Promise<ChildGrownUps>;
  invite: (body: CreateGrownUpInviteBody) => Promise<GrownUpInviteCreated>;
  invites: () => Promise<GrownUpInviteList>;
  answer: (args: AnswerGrownUpInviteArgs) => Promise<Done>;
  redeem: (code: string) => Promise<RedeemedGrownUpInvite>;
  removeGuardian: (childId: ChildId, parentId: string) => Promise<Done>;
  removeTrusted: (childId: ChildId, parentId: string) => Promise<Done>;
  updateTrusted: (args: UpdateTrustedArgs) => Promise<TrustedGrownUp>;
  giveConsent: (args: GiveChildConsentArgs) => Promise<ChildGrownUps>;
  withdrawConsent: (childId: ChildId) => Promise<ChildGrownUps>;
  deleteChild: (args: DeleteChildArgs) => Promise<Done>;
  notices: () => Promise<NoticeList>;
  /** Parent mode on the grown-up's own PC (`profileId`: the open parent profile). */
  redeemAsMe: (profileId: string, code: string) => Promise<RedeemedGrownUpInvite>;
  invitesAsMe: (profileId: string) => Promise<GrownUpInviteList>;
  noticesAsMe: (profileId: string) => Promise<NoticeList>;
}>;

const DONE = { done: true } as const;

/** Codes are shown in capitals with a dash; people type them any way. */
export function normalizeCode(code: string): string {
  const bare = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return bare.length === 8 ? `${bare.slice(0, 4)}-${bare.slice(4)}` : code.toUpperCase();
}

/** Names compared as a person reads them: no case, no accents, no extra spaces. */
const sameName = (a: string, b: string): boolean => {
  const plain = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return plain(a) === plain(b);
};

/** The pane's grown-ups part with the signed-in session; parent mode's with the session kept on the grown-up's own PC. */
export function createFamilyGrownUpsService(deps: FamilyDeps & Readonly<{ family: FamilyHttp }>): FamilyGrownUpsService {
  const { family, parent } = deps;
  /** The relay session kept by parent mode on this PC; a child's profile has none to lend. */
  const parentModeToken = (profileId: string): string => {
    const p = requireProfile(deps.familyDb, profileId);
    if (p.kind !== 'parent') throw new HearthError(ErrorCode.Forbidden, 'Only a grown-up in parent mode can do this.');
    return p.deviceToken;
  };
  /** A deleted child leaves this PC too: connection, profile and store. */
  const forgetHere = (childId: string): void => {
    if (!getProfile(deps.familyDb, childId)) return;
    deps.sync.stop(childId);
    if (deps.profiles.activeChildId() === childId) deps.profiles.leave();
    deleteProfile(deps.familyDb, childId);
    deps.stores.wipe(childId);
    // secure_delete zeroed the rows in the file; truncating the WAL takes their old copies (F12).
    eraseWal(deps.familyDb);
  };

  return Object.freeze({
    grownUps: (childId) => parent.withSession((token) => family.grownUps(token, childId)),
    invite: (body) => parent.withSession((token) => family.createInvite(token, body)),
    invites: () => parent.withSession((token) => family.listInvites(token)),
    answer: ({ inviteId, answer }) =>
      parent.withSession(async (token) => {
        await family.answerInvite(token, inviteId, answer);
        return DONE;
      }),
    redeem: (code) => parent.withSession((token) => family.redeemInvite(token, normalizeCode(code))),
    removeGuardian: (childId, parentId) =>
      parent.withSession(async (token) => {
        await family.removeGuardian(token, childId, parentId);
        return DONE;
      }),
    removeTrusted: (childId, parentId) =>
      parent.withSession(async (token) => {
        await family.removeTrusted(token, childId, parentId);
        return DONE;
      }),
    updateTrusted: ({ childId, parentId, avatar }) =>
      parent.withSession((token) => family.updateTrusted(token, childId, parentId, avatar)),
    giveConsent: ({ childId, consent }) =>
      parent.withSession(async (token) => {
        await family.giveConsent(token, childId, consent);
        return family.grownUps(token, childId);
      }),
    withdrawConsent: (childId) =>
      parent.withSession(async (token) => {
        await family.withdrawConsent(token, childId);
        return family.grownUps(token, childId);
      }),
    deleteChild: ({ childId, typedName, password }) =>
      parent.withSession(async (token) => {
        const child = (await deps.relay.listChildren(token)).children.find((c) => c.childId === childId);
        if (!child) throw new HearthError(ErrorCode.NotFound, 'There is no such child in your family.');
        if (!sameName(child.displayName, typedName)) {
          throw new HearthError(ErrorCode.ValidationFailed, 'Type the child’s name exactly to delete their account.');
        }
        await family.deleteChild(token, childId, password);
        forgetHere(childId);
        return DONE;
      }),
    notices: () => parent.withSession((token) => family.notices(token)),
    redeemAsMe: (profileId, code) => family.redeemInvite(parentModeToken(profileId), normalizeCode(code)),
    invitesAsMe: (profileId) => family.listInvites(parentModeToken(profileId)),
    noticesAsMe: (profileId) => family.notices(parentModeToken(profileId)),
  });
}
