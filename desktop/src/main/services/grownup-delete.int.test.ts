/**
 * "Delete my grown-up account" (issue 15 §3) through the IPC contract, against a real relay: the
 * pane says which children go (this grown-up is their last guardian) and which stay; a wrong
 * password deletes nothing; the deletion takes the children who go off this PC and signs the pane
 * out; the other guardian is told. Then the other guardian deletes theirs from parent mode, and
 * that PC leaves parent mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HearthApi, ParentId } from '@hearth/common';
import { must, RELAY_PASSWORD, setUpFamily, startTestDesktop, TEST_PASSWORD, type TestDesktop } from '@hearth/test-kit/desktop';
import { createClosers } from '@hearth/test-kit/closers';
import { waitFor } from '@hearth/test-kit/ports';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';

let relay: TestRelay;
let kidsPc: TestDesktop;
let coParentPc: TestDesktop;
let mia: Awaited<ReturnType<typeof setUpFamily>>;
let noeId = '';
let jordanId = '' as ParentId;
const started = createClosers();
const tag = `${Date.now() % 1_000_000}`;
const jordan = { email: `jordan.${tag}@example.test`, displayName: 'Jordan Rivera' };

async function desktop(): Promise<TestDesktop> {
  const d = await startTestDesktop(relay.url);
  return started.add(d, () => d.close());
}

async function ownPcInParentMode(api: HearthApi): Promise<ParentId> {
  must(await api.registerParent({ email: jordan.email, password: RELAY_PASSWORD, displayName: jordan.displayName }));
  must(await api.setParentPassword({ password: TEST_PASSWORD }));
  const profile = must(await api.startParentMode({ email: jordan.email, password: RELAY_PASSWORD }));
  must(await api.selectProfile({ childId: profile.childId }));
  return profile.childId as ParentId;
}

beforeAll(async () => {
  relay = started.add(await startTestRelay(), () => relay.dispose());
  kidsPc = await desktop();
  coParentPc = await desktop();
  mia = await setUpFamily(kidsPc.api, 'Mia', { avatar: 'fox' });
  const policy = must(await kidsPc.api.getPolicy());
  noeId = must(
    await kidsPc.api.createChild({
      displayName: 'Noé',
      username: `noe${tag}`.slice(0, 24),
      consent: { policyVersion: policy.version, method: 'checkbox', agreed: true },
    }),
  ).child.childId;
  jordanId = await ownPcInParentMode(coParentPc.api);
  const created = must(await kidsPc.api.createGrownUpInvite({ role: 'guardian', childIds: [mia.childId] }));
  must(await coParentPc.api.redeemGrownUpInviteAsMe({ code: created.code }));
  must(await kidsPc.api.answerGrownUpInvite({ inviteId: created.invite.inviteId, answer: 'confirm' }));
});

afterAll(() => started.closeAll());

describe('deleting my grown-up account', () => {
  it('in the pane: says who goes and who stays, needs the password, takes Noé off this PC and signs the pane out', async () => {
    expect(must(await kidsPc.api.previewMyGrownUpAccountDeletion())).toEqual({
      childrenWhoGo: [{ childId: noeId, displayName: 'Noé' }],
      childrenWhoStay: [{ childId: mia.childId, displayName: 'Mia' }],
    });
    expect(await kidsPc.api.deleteMyGrownUpAccount({ password: 'not-my-password' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD' },
    });
    expect(must(await kidsPc.api.getLockStatus()).state).toBe('unlocked');

    must(await kidsPc.api.deleteMyGrownUpAccount({ password: RELAY_PASSWORD }));
    expect(must(await kidsPc.api.getLockStatus()).state).not.toBe('unlocked');
    expect(await kidsPc.api.listChildren()).toMatchObject({ ok: false });
    expect(must(await kidsPc.api.listProfiles()).profiles.map((p) => p.childId)).not.toContain(noeId);
    // The account is gone: signing in with it is refused.
    expect(await kidsPc.api.unlockWithAccount({ email: mia.parentEmail, password: RELAY_PASSWORD })).toMatchObject({ ok: false });

    // Jordan, Mia's other guardian, is told at once, and Mia stays his.
    await waitFor(
      async () =>
        must(await coParentPc.api.listMyNotices()).notices.some(
          (n) => n.kind === 'guardian-removed' && n.childId === mia.childId,
        ),
      10_000,
      'Jordan told',
    );
    expect(must(await coParentPc.api.previewMyGrownUpAccountDeletionAsMe())).toEqual({
      childrenWhoGo: [{ childId: mia.childId, displayName: 'Mia' }],
      childrenWhoStay: [],
    });
  });

  it('in parent mode: deletes the account (Mia goes with it, he was her last guardian) and the PC leaves parent mode', async () => {
    expect(await coParentPc.api.deleteMyGrownUpAccountAsMe({ password: 'not-my-password' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD' },
    });
    must(await coParentPc.api.deleteMyGrownUpAccountAsMe({ password: RELAY_PASSWORD }));
    expect(must(await coParentPc.api.listProfiles()).profiles.map((p) => p.childId)).not.toContain(jordanId);
    expect(await coParentPc.api.startParentMode({ email: jordan.email, password: RELAY_PASSWORD })).toMatchObject({ ok: false });
  });
});
