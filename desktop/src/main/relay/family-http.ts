import { Type, type Static } from 'typebox';
import {
  ChildGrownUps,
  GrownUpInvite,
  GrownUpInviteCreated,
  GrownUpInviteList,
  NoticeList,
  RedeemedGrownUpInvite,
  TrustedGrownUp,
  type ChildId,
  type ConsentInput,
  type CreateGrownUpInviteBody,
  type GrownUpInviteAnswer,
} from '@hearth/common';
import type { RelayCall } from './relay-http';

/** Whatever a route answers where this app only needs it to succeed (it reads the new state again). */
const Anything = Type.Unknown();

/** The relay's routes for a child's grown-ups (issue 12), with a grown-up's session token. */
export type FamilyHttp = Readonly<{
  grownUps: (token: string, childId: ChildId) => Promise<ChildGrownUps>;
  createInvite: (token: string, body: CreateGrownUpInviteBody) => Promise<GrownUpInviteCreated>;
  listInvites: (token: string) => Promise<GrownUpInviteList>;
  redeemInvite: (token: string, code: string) => Promise<RedeemedGrownUpInvite>;
  answerInvite: (token: string, inviteId: string, answer: GrownUpInviteAnswer) => Promise<GrownUpInvite>;
  removeGuardian: (token: string, childId: ChildId, parentId: string) => Promise<unknown>;
  removeTrusted: (token: string, childId: ChildId, parentId: string) => Promise<unknown>;
  updateTrusted: (token: string, childId: ChildId, parentId: string, avatar: string | null) => Promise<TrustedGrownUp>;
  giveConsent: (token: string, childId: ChildId, consent: ConsentInput) => Promise<unknown>;
  withdrawConsent: (token: string, childId: ChildId) => Promise<unknown>;
  deleteChild: (token: string, childId: ChildId) => Promise<unknown>;
  notices: (token: string) => Promise<NoticeList>;
}>;

type Invite = Static<typeof GrownUpInvite>;

/** A client of `/v1/grown-up-invites`, `/v1/children/:id/{grown-ups,guardians,trusted,consents}` and `/v1/notices`. */
export function createFamilyHttp(call: RelayCall): FamilyHttp {
  const invite = (id: string, path: string): string => `/v1/grown-up-invites/${id}${path}`;
  return Object.freeze({
    grownUps: (token, childId) => call('GET', `/v1/children/${childId}/grown-ups`, ChildGrownUps, { token }),
    createInvite: (token, body) => call('POST', '/v1/grown-up-invites', GrownUpInviteCreated, { token, body }),
    listInvites: (token) => call('GET', '/v1/grown-up-invites', GrownUpInviteList, { token }),
    redeemInvite: (token, code) => call('POST', '/v1/grown-up-invites/redeem', RedeemedGrownUpInvite, { token, body: { code } }),
    answerInvite: (token, inviteId, answer): Promise<Invite> =>
      answer === 'cancel'
        ? call('DELETE', invite(inviteId, ''), GrownUpInvite, { token })
        : call('POST', invite(inviteId, `/${answer}`), GrownUpInvite, { token, body: {} }),
    removeGuardian: (token, childId, parentId) =>
      call('DELETE', `/v1/children/${childId}/guardians/${parentId}`, Anything, { token }),
    removeTrusted: (token, childId, parentId) =>
      call('DELETE', `/v1/children/${childId}/trusted/${parentId}`, Anything, { token }),
    updateTrusted: (token, childId, parentId, avatar) =>
      call('PATCH', `/v1/children/${childId}/trusted/${parentId}`, TrustedGrownUp, { token, body: { avatar } }),
    giveConsent: (token, childId, consent) =>
      call('POST', `/v1/children/${childId}/consents`, Anything, { token, body: { consent } }),
    withdrawConsent: (token, childId) => call('DELETE', `/v1/children/${childId}/consents`, Anything, { token }),
    deleteChild: (token, childId) => call('DELETE', `/v1/children/${childId}`, Anything, { token }),
    notices: (token) => call('GET', '/v1/notices', NoticeList, { token }),
  });
}
