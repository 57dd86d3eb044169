import type { GrownUpInvite, GrownUpInviteCreated, GrownUpRole, RedeemedGrownUpInvite } from '@hearth/common';
import type { RelayApp } from '../src/app';
import { api, expectStatus, registerParent, type TestParent } from './helpers';

/** A guardian makes an invitation for some of their children (issue 12). */
export async function inviteGrownUp(
  app: RelayApp,
  inviterToken: string,
  role: GrownUpRole,
  childIds: readonly string[],
  extra: Readonly<Record<string, unknown>> = {},
): Promise<GrownUpInviteCreated> {
  return expectStatus(
    await api<GrownUpInviteCreated>(app, 'POST', '/v1/grown-up-invites', {
      token: inviterToken,
      body: { role, childIds, ...extra },
    }),
    201,
  );
}

export async function redeemGrownUpInvite(app: RelayApp, token: string, code: string): Promise<RedeemedGrownUpInvite> {
  return expectStatus(
    await api<RedeemedGrownUpInvite>(app, 'POST', '/v1/grown-up-invites/redeem', { token, body: { code } }),
    201,
  );
}

export async function confirmGrownUpInvite(app: RelayApp, token: string, inviteId: string): Promise<GrownUpInvite> {
  return expectStatus(
    await api<GrownUpInvite>(app, 'POST', `/v1/grown-up-invites/${inviteId}/confirm`, { token, body: {} }),
    200,
  );
}

/**
 * The whole way in: the guardian invites, the grown-up (a new account unless given) types the
 * code, the guardian confirms. Returns the grown-up.
 */
export async function addGrownUp(
  app: RelayApp,
  inviterToken: string,
  role: GrownUpRole,
  childIds: readonly string[],
  options: Readonly<{ grownUp?: TestParent; displayName?: string; avatar?: string }> = {},
): Promise<TestParent> {
  const grownUp = options.grownUp ?? (await registerParent(app, { displayName: options.displayName ?? 'Gran' }));
  const created = await inviteGrownUp(app, inviterToken, role, childIds, options.avatar ? { avatar: options.avatar } : {});
  await redeemGrownUpInvite(app, grownUp.token, created.code);
  await confirmGrownUpInvite(app, inviterToken, created.invite.inviteId);
  return grownUp;
}
