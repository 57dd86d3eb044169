import type { RelayApp } from '../src/app';
import { createFamily, registerParent, type TestFamily } from './helpers';
import { addGrownUp, inviteGrownUp, redeemGrownUpInvite } from './family-helpers';

type Answer = Readonly<{ status: number; body: unknown }>;
type Headers = Readonly<Record<string, string>>;
type Ask = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  headers: Headers,
  options?: Readonly<{ token?: string; body?: unknown }>,
) => Promise<Answer>;

/**
 * How to get each answer of the family routes (since 0.2.0, issue 12) from a real relay, for the
 * compatibility test. Each recipe makes its own family, so the order of the routes does not matter.
 */
export function familyRecipes(
  app: () => RelayApp,
  ask: Ask,
  family: () => TestFamily,
): Record<string, (h: Headers) => Promise<Answer>> {
  const fresh = (): Promise<TestFamily> => createFamily(app());
  const grownUp = async (f: TestFamily, role: 'guardian' | 'trusted'): Promise<string> =>
    (await addGrownUp(app(), f.parent.token, role, [f.child.childId], role === 'trusted' ? { avatar: 'owl' } : {})).parentId;
  const redeemed = async (f: TestFamily): Promise<string> => {
    const created = await inviteGrownUp(app(), f.parent.token, 'guardian', [f.child.childId]);
    await redeemGrownUpInvite(app(), (await registerParent(app())).token, created.code);
    return created.invite.inviteId;
  };
  return {
    'POST /v1/grown-up-invites': (h) =>
      ask('POST', '/v1/grown-up-invites', h, {
        token: family().parent.token,
        body: { role: 'trusted', childIds: [family().child.childId], avatar: 'owl' },
      }),
    'GET /v1/grown-up-invites': (h) => ask('GET', '/v1/grown-up-invites', h, { token: family().parent.token }),
    'POST /v1/grown-up-invites/redeem': async (h) => {
      const created = await inviteGrownUp(app(), family().parent.token, 'guardian', [family().child.childId]);
      return ask('POST', '/v1/grown-up-invites/redeem', h, {
        token: (await registerParent(app())).token,
        body: { code: created.code },
      });
    },
    'POST /v1/grown-up-invites/:id/confirm': async (h) => {
      const f = await fresh();
      return ask('POST', `/v1/grown-up-invites/${await redeemed(f)}/confirm`, h, { token: f.parent.token, body: {} });
    },
    'POST /v1/grown-up-invites/:id/decline': async (h) => {
      const f = await fresh();
      return ask('POST', `/v1/grown-up-invites/${await redeemed(f)}/decline`, h, { token: f.parent.token, body: {} });
    },
    'DELETE /v1/grown-up-invites/:id': async (h) => {
      const f = await fresh();
      const created = await inviteGrownUp(app(), f.parent.token, 'guardian', [f.child.childId]);
      return ask('DELETE', `/v1/grown-up-invites/${created.invite.inviteId}`, h, { token: f.parent.token });
    },
    'GET /v1/children/:id/grown-ups': async (h) => {
      const f = await fresh();
      await grownUp(f, 'guardian');
      await grownUp(f, 'trusted');
      return ask('GET', `/v1/children/${f.child.childId}/grown-ups`, h, { token: f.parent.token });
    },
    'DELETE /v1/children/:id/guardians/:parentId': async (h) => {
      const f = await fresh();
      const second = await grownUp(f, 'guardian');
      return ask('DELETE', `/v1/children/${f.child.childId}/guardians/${second}`, h, { token: f.parent.token });
    },
    'DELETE /v1/children/:id/trusted/:parentId': async (h) => {
      const f = await fresh();
      const gran = await grownUp(f, 'trusted');
      return ask('DELETE', `/v1/children/${f.child.childId}/trusted/${gran}`, h, { token: f.parent.token });
    },
    'PATCH /v1/children/:id/trusted/:parentId': async (h) => {
      const f = await fresh();
      const gran = await grownUp(f, 'trusted');
      return ask('PATCH', `/v1/children/${f.child.childId}/trusted/${gran}`, h, {
        token: f.parent.token,
        body: { avatar: 'cat' },
      });
    },
    'POST /v1/children/:id/consents': async (h) => {
      const f = await fresh();
      const version = app().relay.config.policyVersion;
      return ask('POST', `/v1/children/${f.child.childId}/consents`, h, {
        token: f.parent.token,
        body: { consent: { policyVersion: version, method: 'checkbox', agreed: true } },
      });
    },
    'DELETE /v1/children/:id/consents/mine': async (h) => {
      const f = await fresh();
      return ask('DELETE', `/v1/children/${f.child.childId}/consents/mine`, h, { token: f.parent.token });
    },
    'DELETE /v1/children/:id': async (h) => {
      const f = await fresh();
      // Since issue 15 the account password is typed again (an app before it gets VALIDATION_FAILED).
      return ask('DELETE', `/v1/children/${f.child.childId}`, h, {
        token: f.parent.token,
        body: { password: f.parent.password },
      });
    },
    'GET /v1/notices': async (h) => {
      const f = await fresh();
      const second = await addGrownUp(app(), f.parent.token, 'guardian', [f.child.childId]);
      await ask('DELETE', `/v1/children/${f.child.childId}/consents/mine`, h, { token: f.parent.token });
      return ask('GET', '/v1/notices', h, { token: second.token });
    },
  };
}
