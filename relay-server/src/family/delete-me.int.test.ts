import { describe, expect, it } from 'vitest';
import type { Child, Notice } from '@hearth/common';
import { api, createChild, enrollDevice, expectStatus, registerParent, relayForFile, type TestRelay } from '../../test/helpers';
import { addGrownUp } from '../../test/family-helpers';
import { sqliteOf } from '../store/sqlite-store';

/**
 * `DELETE /v1/me` (issue 15 §3): a grown-up deletes their own account. The children for whom they
 * are the last guardian go with it; a child with another guardian stays, handed to that guardian,
 * and keeps working on that guardian's PCs, while the PC the deleted grown-up enrolled signs the
 * child out and erases it (a wipe tombstone). Their consent records stay, ids only.
 */
let relay: TestRelay;
relayForFile((r) => (relay = r), { rateLimits: { signInPerMinute: 100_000 } });

async function world() {
  const { app } = relay;
  const ann = await registerParent(app, { displayName: 'Ann' });
  const onlyAnns: Child = await createChild(app, ann.token, { displayName: 'Kit' });
  const shared: Child = await createChild(app, ann.token, { displayName: 'Lou' });
  const bob = await addGrownUp(app, ann.token, 'guardian', [shared.childId], { displayName: 'Bob' });
  const annsPc = await enrollDevice(app, ann.token, [onlyAnns.childId, shared.childId]);
  const bobsPc = await enrollDevice(app, bob.token, [shared.childId]);
  const tokenOn = (pc: typeof annsPc, childId: string): string =>
    (pc.credentials.find((c) => c.childId === childId) as { token: string }).token;
  return { ann, bob, onlyAnns, shared, annsPc, bobsPc, tokenOn };
}

describe('a grown-up deletes their own account (DELETE /v1/me)', () => {
  it('refuses a wrong password and deletes nothing', async () => {
    const w = await world();
    const res = await api(relay.app, 'DELETE', '/v1/me', { token: w.ann.token, body: { password: 'nope' } });
    expect([res.status, res.body]).toMatchObject([401, { error: { code: 'WRONG_PASSWORD' } }]);
    expect((await api(relay.app, 'GET', '/v1/me', { token: w.ann.token })).status).toBe(200);
    expect((await api(relay.app, 'GET', '/v1/me', { token: w.tokenOn(w.annsPc, w.onlyAnns.childId) })).status).toBe(200);
  });

  it('takes the children they were the last guardian of, hands the others on, tells the other guardian, keeps consents by id', async () => {
    const w = await world();
    const { app } = relay;
    expectStatus(await api(app, 'DELETE', '/v1/me', { token: w.ann.token, body: { password: w.ann.password } }), 204);

    // Their session is closed; signing in again finds no account.
    expect((await api(app, 'GET', '/v1/me', { token: w.ann.token })).status).toBe(401);
    expect((await api(app, 'POST', '/v1/sessions', { body: { email: w.ann.email, password: w.ann.password } })).status).toBe(401);

    // Kit had only Ann: gone, and the PC is told to erase.
    const kit = await api(app, 'GET', '/v1/me', { token: w.tokenOn(w.annsPc, w.onlyAnns.childId) });
    expect([kit.status, kit.body]).toMatchObject([401, { error: { code: 'DEVICE_REVOKED', wipe: true } }]);

    // Lou keeps Bob: still there for him, working on Bob's PC, signed out (with a wipe) on Ann's.
    expectStatus(await api(app, 'GET', `/v1/children/${w.shared.childId}`, { token: w.bob.token }), 200);
    expect((await api(app, 'GET', '/v1/me', { token: w.tokenOn(w.bobsPc, w.shared.childId) })).status).toBe(200);
    const onAnns = await api(app, 'GET', '/v1/me', { token: w.tokenOn(w.annsPc, w.shared.childId) });
    expect([onAnns.status, onAnns.body]).toMatchObject([401, { error: { code: 'DEVICE_REVOKED', wipe: true } }]);
    const db = sqliteOf(app.relay);
    expect(db.prepare(`SELECT parent_id FROM children WHERE account_id = ?`).pluck().get(w.shared.childId)).toBe(w.bob.parentId);
    // Bob can still enrol a PC for Lou, and add a guardian.
    await enrollDevice(app, w.bob.token, [w.shared.childId]);

    // Bob is told: Ann is no longer Lou's guardian (named by id only: her name is gone).
    const { notices } = expectStatus(await api<{ notices: Notice[] }>(app, 'GET', '/v1/notices', { token: w.bob.token }), 200);
    const removed = notices.find((n) => n.kind === 'guardian-removed' && n.about?.accountId === w.ann.parentId);
    expect(removed).toMatchObject({ childId: w.shared.childId, childName: 'Lou' });
    expect(JSON.stringify(notices)).not.toContain('Ann');

    // The consent records stay (ids, version, method, times), and no name is kept with them.
    const consents = db.prepare(`SELECT * FROM consents WHERE parent_id = ? ORDER BY child_id`).all(w.ann.parentId) as Array<
      Record<string, unknown>
    >;
    expect(consents.map((c) => c.child_id).sort()).toEqual([w.onlyAnns.childId, w.shared.childId].sort());
    for (const c of consents) {
      expect(Object.keys(c).sort()).toEqual([
        'child_id',
        'given_at',
        'id',
        'method',
        'parent_id',
        'policy_version',
        'withdrawn_at',
      ]);
    }
  });

  it('a trusted grown-up deletes their account: the child and its guardian are untouched', async () => {
    const { app } = relay;
    const guardian = await registerParent(app);
    const kid = await createChild(app, guardian.token);
    const gran = await addGrownUp(app, guardian.token, 'trusted', [kid.childId], { displayName: 'Gran' });
    expectStatus(await api(app, 'DELETE', '/v1/me', { token: gran.token, body: { password: gran.password } }), 204);
    expectStatus(await api(app, 'GET', `/v1/children/${kid.childId}`, { token: guardian.token }), 200);
    const grownUps = expectStatus(
      await api<{ trusted: unknown[] }>(app, 'GET', `/v1/children/${kid.childId}/grown-ups`, { token: guardian.token }),
      200,
    );
    expect(grownUps.trusted).toEqual([]);
  });
});
