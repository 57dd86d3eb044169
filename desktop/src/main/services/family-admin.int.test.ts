import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildId } from '@hearth/common';
import { must, RELAY_PASSWORD, setUpFamily, startTestDesktop, TEST_PASSWORD, type TestDesktop } from '@hearth/test-kit/desktop';
import { waitFor } from '@hearth/test-kit/ports';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';

let relay: TestRelay;
let desk: TestDesktop;
let first: Awaited<ReturnType<typeof setUpFamily>>;

beforeAll(async () => {
  relay = await startTestRelay();
  desk = await startTestDesktop(relay.url);
  first = await setUpFamily(desk.api, 'Noor');
});
afterAll(async () => {
  desk.close();
  await relay.dispose();
});

describe('the grown-ups’ pane: children and this PC', () => {
  it('finishes first run: enrolled, password set, one profile, the child connected', async () => {
    expect(must(await desk.api.getAppInfo())).toMatchObject({ enrolled: true, lockSet: true, profileCount: 1 });
    expect(must(await desk.api.listProfiles()).profiles.map((p) => p.displayName)).toEqual(['Noor']);
    await waitFor(() => desk.core.sync.connectionState(first.childId) === 'online', 5_000, 'online');
    expect(
      await desk.api.registerParent({ email: 'x@example.test', password: 'long-enough-pw', displayName: 'X' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('adds a second child with consent and gives it a profile and its own store', async () => {
    const policy = must(await desk.api.getPolicy());
    const added = must(
      await desk.api.createChild({
        displayName: 'Sami',
        username: `sami${Date.now() % 100_000}`,
        consent: { policyVersion: policy.version, method: 'checkbox', agreed: true },
        avatar: 'fox',
      }),
    );
    expect(added.onThisPc).toBe(true);
    const profiles = must(await desk.api.listProfiles()).profiles;
    expect(profiles.map((p) => [p.displayName, p.avatar])).toEqual([
      ['Noor', null],
      ['Sami', 'fox'],
    ]);
    expect(fs.existsSync(path.join(desk.dataDir, 'children', added.child.childId, 'child.sqlite'))).toBe(true);
    await waitFor(() => desk.core.sync.connectionState(added.child.childId) === 'online', 5_000, 'second child online');
    const devices = must(await desk.api.listDevices()).devices;
    expect(devices).toHaveLength(1);
    expect(devices[0]?.children.map((c) => c.displayName).sort()).toEqual(['Noor', 'Sami']);
  });

  it('removes a child from this PC: credential revoked on the relay, local data wiped, profile gone', async () => {
    const sami = must(await desk.api.listProfiles()).profiles.find((p) => p.displayName === 'Sami');
    if (!sami) throw new Error('no Sami');
    must(await desk.api.selectProfile({ childId: sami.childId }));
    must(await desk.api.removeChildFromPc({ childId: sami.childId as ChildId }));
    expect(must(await desk.api.getCurrentProfile()).profile).toBeNull();
    expect(must(await desk.api.listProfiles()).profiles.map((p) => p.displayName)).toEqual(['Noor']);
    expect(fs.existsSync(path.join(desk.dataDir, 'children', sami.childId))).toBe(false);
    const device = must(await desk.api.listDevices()).devices[0];
    expect(device?.children.find((c) => c.childId === sami.childId)?.revokedAt).not.toBeNull();
    expect(await desk.api.selectProfile({ childId: sami.childId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses another family’s grown-up on this PC', async () => {
    const other = await startTestDesktop(relay.url);
    const stranger = await setUpFamily(other.api, 'Other');
    other.close();
    must(await desk.api.unlock({ password: TEST_PASSWORD }));
    expect(await desk.api.signInParent({ email: stranger.parentEmail, password: RELAY_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    must(await desk.api.signInParent({ email: first.parentEmail, password: RELAY_PASSWORD }));
    expect(must(await desk.api.getParentAccount()).email).toBe(first.parentEmail);
  });

  it('keeps the relay sign-in across a lock, and asks for it again after signing out', async () => {
    must(await desk.api.lock());
    must(await desk.api.unlock({ password: TEST_PASSWORD }));
    expect(must(await desk.api.getLockStatus()).parentSignedIn).toBe(true);
    must(await desk.api.listChildren());
    must(await desk.api.signOutParent());
    must(await desk.api.unlock({ password: TEST_PASSWORD }));
    expect(must(await desk.api.getLockStatus()).parentSignedIn).toBe(false);
    expect(await desk.api.listChildren()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
