/**
 * A child's grown-ups through the IPC contract, against a real relay: a second guardian and a
 * trusted grown-up invited with a code, typed in from parent mode on their own PCs, confirmed in
 * the first guardian's pane; the pane unlocking for any guardian of a child on the PC (never for a
 * trusted grown-up or a stranger); consent per guardian; the last guardian kept; notices, live
 * in parent mode; deleting a child with its name typed again.
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
let grandmaPc: TestDesktop;
let mia: Awaited<ReturnType<typeof setUpFamily>>;
const started = createClosers();
const tag = `${Date.now() % 1_000_000}`;
const jordan = { email: `jordan.${tag}@example.test`, displayName: 'Jordan Rivera' };
const rosa = { email: `rosa.${tag}@example.test`, displayName: 'Grandma Rosa' };
let jordanId = '' as ParentId;
let rosaId = '' as ParentId;

async function desktop(): Promise<TestDesktop> {
  const d = await startTestDesktop(relay.url);
  return started.add(d, () => d.close());
}

/** A new grown-up's own PC in parent mode, their messages open: their account id. */
async function ownPcInParentMode(api: HearthApi, who: Readonly<{ email: string; displayName: string }>): Promise<ParentId> {
  must(await api.registerParent({ email: who.email, password: RELAY_PASSWORD, displayName: who.displayName }));
  must(await api.setParentPassword({ password: TEST_PASSWORD }));
  const profile = must(await api.startParentMode({ email: who.email, password: RELAY_PASSWORD }));
  must(await api.selectProfile({ childId: profile.childId }));
  return profile.childId as ParentId;
}

/** Back on the children's PC as the grown-up who set it up. */
async function asAlex(): Promise<void> {
  // Signing out needs the pane open; a locked pane holds nobody's session to end.
  if (must(await kidsPc.api.getLockStatus()).state === 'unlocked') must(await kidsPc.api.signOutParent());
  must(await kidsPc.api.unlockWithAccount({ email: mia.parentEmail, password: RELAY_PASSWORD }));
}

beforeAll(async () => {
  relay = started.add(await startTestRelay(), () => relay.dispose());
  kidsPc = await desktop();
  coParentPc = await desktop();
  grandmaPc = await desktop();
  mia = await setUpFamily(kidsPc.api, 'Mia', { avatar: 'fox' });
  jordanId = await ownPcInParentMode(coParentPc.api, jordan);
  rosaId = await ownPcInParentMode(grandmaPc.api, rosa);
});

afterAll(() => started.closeAll());

describe('a second guardian', () => {
  it('is invited with a code, types it in from parent mode, and is confirmed by the first guardian', async () => {
    const created = must(
      await kidsPc.api.createGrownUpInvite({ role: 'guardian', childIds: [mia.childId], email: jordan.email }),
    );
    expect(created.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    // No SMTP on this relay: nothing was emailed, and the app says so by not claiming it.
    expect(created.emailSent).toBe(false);
    expect(created.invite.expiresAt - created.invite.createdAt).toBe(7 * 24 * 60 * 60 * 1000);

    // Typed the way people type: small letters, no dash.
    const typed = must(await coParentPc.api.redeemGrownUpInviteAsMe({ code: created.code.replace('-', '').toLowerCase() }));
    expect(typed).toMatchObject({ role: 'guardian', state: 'redeemed', invitedBy: { displayName: "Mia's parent" } });
    expect(must(await coParentPc.api.listMyGrownUpInvites()).redeemed.map((i) => i.state)).toEqual(['redeemed']);
    // Single use.
    expect(await grandmaPc.api.redeemGrownUpInviteAsMe({ code: created.code })).toMatchObject({ ok: false });

    const sent = must(await kidsPc.api.listGrownUpInvites()).sent.find((i) => i.inviteId === created.invite.inviteId);
    expect(sent?.invitee).toMatchObject({ parentId: jordanId, displayName: jordan.displayName, email: jordan.email });
    expect(Date.now() - (sent?.invitee?.accountCreatedAt ?? 0)).toBeLessThan(10 * 60_000);
    must(await kidsPc.api.answerGrownUpInvite({ inviteId: created.invite.inviteId, answer: 'confirm' }));

    const grownUps = must(await kidsPc.api.getChildGrownUps({ childId: mia.childId }));
    expect(grownUps.guardians.map((g) => [g.displayName, g.me, g.consentsToCurrentPolicy])).toEqual([
      ["Mia's parent", true, true],
      [jordan.displayName, false, false],
    ]);
    expect(grownUps.covered).toBe(true);
    // Jordan's own PC now has Mia as a contact.
    await waitFor(
      async () => must(await coParentPc.api.listFriends()).friends.some((f) => f.friendship.friend.accountId === mia.childId),
      10_000,
      'Mia on Jordan’s PC',
    );
  });

  it('unlocks the pane of the PC where Mia has her profile with his own account, and gives his consent there', async () => {
    must(await kidsPc.api.signOutParent());
    must(await kidsPc.api.unlockWithAccount({ email: jordan.email, password: RELAY_PASSWORD }));
    expect(must(await kidsPc.api.getParentAccount()).parentId).toBe(jordanId);
    expect(must(await kidsPc.api.listChildren()).children.map((c) => [c.child.displayName, c.onThisPc])).toEqual([['Mia', true]]);
    const policy = must(await kidsPc.api.getPolicy());
    const after = must(
      await kidsPc.api.giveChildConsent({
        childId: mia.childId,
        consent: { policyVersion: policy.version, method: 'checkbox', agreed: true },
      }),
    );
    expect(after.guardians.find((g) => g.me)).toMatchObject({ parentId: jordanId, consentsToCurrentPolicy: true });
    const withdrawn = must(await kidsPc.api.withdrawChildConsent({ childId: mia.childId }));
    expect(withdrawn.guardians.find((g) => g.me)?.consentsToCurrentPolicy).toBe(false);
    // Alex's consent still covers Mia.
    expect(withdrawn.covered).toBe(true);
    // Locked, the pane forgets Jordan's session: its password never opens his account, and the PC
    // still remembers Alex's email.
    must(await kidsPc.api.lock());
    expect(must(await kidsPc.api.unlock({ password: TEST_PASSWORD })).parentSignedIn).toBe(false);
    expect(must(await kidsPc.api.getRememberedEmail()).email).toBe(mia.parentEmail);
  });

  it('hears at once, in parent mode, what another guardian did', async () => {
    const before = coParentPc.events.filter((e) => e.event === 'notice').length;
    await asAlex();
    // Grandma's PC is ready for calls before she is anyone's contact (its peer list is empty).
    must(await grandmaPc.api.getCallSession());
    const created = must(await kidsPc.api.createGrownUpInvite({ role: 'trusted', childIds: [mia.childId], avatar: 'owl' }));
    must(await grandmaPc.api.redeemGrownUpInviteAsMe({ code: created.code }));
    must(await kidsPc.api.answerGrownUpInvite({ inviteId: created.invite.inviteId, answer: 'confirm' }));
    await waitFor(() => coParentPc.events.filter((e) => e.event === 'notice').length > before, 10_000, 'a notice on Jordan’s PC');
    const kinds = must(await coParentPc.api.listMyNotices()).notices.map((n) => n.kind);
    expect(kinds).toContain('trusted-added');
    expect(must(await kidsPc.api.listNotices()).notices.map((n) => n.kind)).toContain('guardian-added');
  });
});

describe('a trusted grown-up', () => {
  it('is Mia’s contact with the picture Alex picked, and Mia is hers', async () => {
    must(await kidsPc.api.selectProfile({ childId: mia.childId }));
    const { friends } = must(await kidsPc.api.listFriends());
    const grandma = friends.find((f) => f.friendship.friend.accountId === rosaId);
    expect(grandma?.friendship).toMatchObject({
      kind: 'family',
      status: 'active',
      friend: { familyRole: 'trusted', avatar: 'owl' },
    });
    await waitFor(
      async () => must(await grandmaPc.api.listFriends()).friends.some((f) => f.friendship.friend.accountId === mia.childId),
      10_000,
      'Mia on Grandma’s PC',
    );
    must(await kidsPc.api.leaveProfile());
  });

  it('can call Mia as soon as she is confirmed, as a parent can', async () => {
    const found = await grandmaPc.api.getCallContact({ contactId: mia.childId });
    expect(found).toMatchObject({ ok: true, value: { contactId: mia.childId, kind: 'family' } });
  });

  it('never unlocks a children’s PC pane, nor does a stranger', async () => {
    must(await kidsPc.api.signOutParent());
    expect(await kidsPc.api.unlockWithAccount({ email: rosa.email, password: RELAY_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const stranger = await desktop();
    await setUpFamily(stranger.api, 'Zed');
    const strangerEmail = must(await stranger.api.getParentAccount()).email;
    expect(await kidsPc.api.unlockWithAccount({ email: strangerEmail, password: RELAY_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(must(await kidsPc.api.getLockStatus()).state).toBe('locked');
  });

  it('gets a new picture and is removed at once', async () => {
    must(await kidsPc.api.unlockWithAccount({ email: mia.parentEmail, password: RELAY_PASSWORD }));
    expect(must(await kidsPc.api.updateTrustedGrownUp({ childId: mia.childId, parentId: rosaId, avatar: 'cat' })).avatar).toBe(
      'cat',
    );
    must(await kidsPc.api.removeTrustedGrownUp({ childId: mia.childId, parentId: rosaId }));
    expect(must(await kidsPc.api.getChildGrownUps({ childId: mia.childId })).trusted).toEqual([]);
  });
});

describe('leaving, and deleting a child', () => {
  it('lets a guardian leave but keeps the last one', async () => {
    must(await kidsPc.api.signOutParent());
    must(await kidsPc.api.unlockWithAccount({ email: jordan.email, password: RELAY_PASSWORD }));
    must(await kidsPc.api.removeGuardian({ childId: mia.childId, parentId: jordanId }));
    await asAlex();
    const alexId = must(await kidsPc.api.getParentAccount()).parentId as ParentId;
    expect(await kidsPc.api.removeGuardian({ childId: mia.childId, parentId: alexId })).toMatchObject({
      ok: false,
      error: { code: 'LAST_GUARDIAN' },
    });
    // Jordan no longer opens this pane.
    must(await kidsPc.api.signOutParent());
    expect(await kidsPc.api.unlockWithAccount({ email: jordan.email, password: RELAY_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('deletes a child only with the name and the account password typed again, on the relay and on this PC', async () => {
    await asAlex();
    const policy = must(await kidsPc.api.getPolicy());
    const { child } = must(
      await kidsPc.api.createChild({
        displayName: 'Noé',
        username: `noe${tag}`.slice(0, 24),
        consent: { policyVersion: policy.version, method: 'checkbox', agreed: true },
      }),
    );
    expect(await kidsPc.api.deleteChild({ childId: child.childId, typedName: 'Mia', password: RELAY_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    // The relay checks the password: a wrong one deletes nothing, and the pane's session stays.
    expect(await kidsPc.api.deleteChild({ childId: child.childId, typedName: 'Noé', password: 'not-my-password' })).toMatchObject(
      { ok: false, error: { code: 'WRONG_PASSWORD' } },
    );
    expect(
      must(await kidsPc.api.listProfiles())
        .profiles.map((p) => p.displayName)
        .sort(),
    ).toEqual(['Mia', 'Noé']);
    must(await kidsPc.api.deleteChild({ childId: child.childId, typedName: ' noe ', password: RELAY_PASSWORD }));
    expect(must(await kidsPc.api.listProfiles()).profiles.map((p) => p.displayName)).toEqual(['Mia']);
    expect(must(await kidsPc.api.listChildren()).children.map((c) => c.child.displayName)).toEqual(['Mia']);
  });
});
