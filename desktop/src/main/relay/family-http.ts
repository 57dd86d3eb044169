import { Type, type Static } from 'typebox';
import {
  ChildGrownUps,
  ConsentRecord,
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

const NoContent = Type.Null();

/** The relay's routes for a child's grown-ups (issue 12), with a grown-up's session token. */
export type FamilyHttp = Readonly<{
  grownUps: (token: string, childId: ChildId) => Promise<ChildGrownUps>;
  createInvite: (token: string, body: CreateGrownUpInviteBody) => Promise<GrownUpInviteCreated>;
  listInvites: (token: string) => Promise<GrownUpInviteList>;
  redeemInvite: (token: string, code: string) => Promise<RedeemedGrownUpInvite>;
  /** The invitation as it is now; null once cancelled (it is gone). */
  answerInvite: (token: string, inviteId: string, answer: GrownUpInviteAnswer) => Promise<GrownUpInvite | null>;
  removeGuardian: (token: string, childId: ChildId, parentId: string) => Promise<null>;
  removeTrusted: (token: string, childId: ChildId, parentId: string) => Promise<null>;
  updateTrusted: (token: string, childId: ChildId, parentId: string, avatar: string | null) => Promise<TrustedGrownUp>;
  giveConsent: (token: string, childId: ChildId, consent: ConsentInput) => Promise<ConsentRecord>;
  withdrawConsent: (token: string, childId: ChildId) => Promise<null>;
  deleteChild: (token: string, childId: ChildId, password: string) => Promise<null>;
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
    answerInvite: (token, inviteId, answer): Promise<Invite | null> =>
      answer === 'cancel'
        ? call('DELETE', invite(inviteId, ''), NoContent, { token })
        : call('POST', invite(inviteId, `/${answer}`), GrownUpInvite, { token, body: {} }),
    removeGuardian: (token, childId, parentId) =>
      call('DELETE', `/v1/children/${childId}/guardians/${parentId}`, NoContent, { token }),
    removeTrusted: (token, childId, parentId) =>
      call('DELETE', `/v1/children/${childId}/trusted/${parentId}`, NoContent, { token }),
    updateTrusted: (token, childId, parentId, avatar) =>
      call('PATCH', `/v1/children/${childId}/trusted/${parentId}`, TrustedGrownUp, { token, body: { avatar } }),
    giveConsent: (token, childId, consent) =>
      call('POST', `/v1/children/${childId}/consents`, ConsentRecord, { token, body: { consent } }),
    withdrawConsent: (token, childId) => call('DELETE', `/v1/children/${childId}/consents/mine`, NoContent, { token }),
    deleteChild: (token, childId, password) =>
      call('DELETE', `/v1/children/${childId}`, NoContent, { token, body: { password } }),
    notices: (token) => call('GET', '/v1/notices', NoticeList, { token }),
  });
}
