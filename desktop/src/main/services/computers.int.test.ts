import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_VERSION, APP_VERSION_HEADER, type ChildId, type DeviceInfo } from '@hearth/common';
import { openDatabase } from '@hearth/sqlite';
import { must, RELAY_PASSWORD, setUpFamily, startTestDesktop, TEST_PASSWORD, type TestDesktop } from '@hearth/test-kit/desktop';
import { waitFor } from '@hearth/test-kit/ports';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { getProfile } from '../db/family/queries/profiles';

/**
 * Computers (F18) through the real relay and two real desktop cores: PC B is switched off, a
 * guardian signs it out from PC A's pane, and B starts again on the same data folder.
 */
let relay: TestRelay;
const open: TestDesktop[] = [];

beforeAll(async () => {
  relay = await startTestRelay();
});
afterAll(async () => {
  for (const d of open) d.close();
  await relay.dispose();
});

async function desktop(dataDir?: string, osVersion = '6.1'): Promise<TestDesktop> {
  const d = await startTestDesktop(relay.url, {
    ...(dataDir ? { dataDir } : {}),
    deviceInfo: () => ({ os: 'linux', osVersion, appVersion: '0.3.0', language: 'en-GB', timeZone: 'Europe/London' }),
  });
  open.push(d);
  return d;
}

/** PC A (first run for a new family) and PC B, enrolled for the same child; B is then switched off. */
async function familyWithSecondPcOff(): Promise<{ a: TestDesktop; bDir: string; childId: ChildId; bDeviceId: string }> {
  const a = await desktop();
  const child = await setUpFamily(a.api, 'Noor');
  const b = await desktop();
  must(await b.api.signInParent({ email: child.parentEmail, password: RELAY_PASSWORD }));
  const enrolled = must(await b.api.enrollPc({ name: 'Second PC', childIds: [child.childId] }));
  must(await b.api.setParentPassword({ password: TEST_PASSWORD }));
  await waitFor(() => b.core.sync.connectionState(child.childId) === 'online', 5_000, 'B online');
  // Something of the child's on B: the store holds rows, the folder holds the file.
  expect(fs.existsSync(path.join(b.dataDir, 'children', child.childId, 'child.sqlite'))).toBe(true);
  b.close();
  return { a, bDir: b.dataDir, childId: child.childId as ChildId, bDeviceId: enrolled.deviceId };
}

function familyRows(dataDir: string, childId: string): number {
  const db = openDatabase(path.join(dataDir, 'family.sqlite'));
  try {
    return (db.prepare('SELECT count(*) AS n FROM profiles WHERE child_id = ?').get(childId) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('a PC signed out while it was off (F18)', () => {
  it('drops the credential and erases the child’s folder and rows when the guardian ticked "also erase"', async () => {
    const { a, bDir, childId, bDeviceId } = await familyWithSecondPcOff();
    expect(familyRows(bDir, childId)).toBe(1);
    must(await a.api.revokeDevice({ deviceId: bDeviceId, erase: true }));

    const b = await desktop(bDir);
    await waitFor(() => familyRows(bDir, childId) === 0, 5_000, 'the profile row erased');
    await waitFor(() => !fs.existsSync(path.join(bDir, 'children', childId)), 5_000, 'the child folder erased');
    expect(must(await b.api.listProfiles()).profiles).toEqual([]);
    expect(must(await b.api.getAppInfo())).toMatchObject({ enrolled: false, profileCount: 0 });
    // PC A, the guardian's, is untouched.
    expect(must(await a.api.listProfiles()).profiles.map((p) => p.childId)).toEqual([childId]);
    expect(fs.existsSync(path.join(a.dataDir, 'children', childId, 'child.sqlite'))).toBe(true);
  });

  it('drops the credential but keeps the child’s folder when the guardian did not ask to erase', async () => {
    const { a, bDir, childId, bDeviceId } = await familyWithSecondPcOff();
    must(await a.api.revokeDevice({ deviceId: bDeviceId }));

    await desktop(bDir);
    await waitFor(() => familyRows(bDir, childId) === 0, 5_000, 'the credential dropped');
    expect(fs.existsSync(path.join(bDir, 'children', childId, 'child.sqlite'))).toBe(true);
  });

  it('erases at once when the PC is online during the sign-out (its socket is closed, then it asks)', async () => {
    const a = await desktop();
    const child = await setUpFamily(a.api, 'Ines');
    const b = await desktop();
    must(await b.api.signInParent({ email: child.parentEmail, password: RELAY_PASSWORD }));
    const enrolled = must(await b.api.enrollPc({ name: 'Online PC', childIds: [child.childId] }));
    await waitFor(() => b.core.sync.connectionState(child.childId) === 'online', 5_000, 'B online');
    must(await a.api.revokeDevice({ deviceId: enrolled.deviceId, erase: true }));
    await waitFor(() => !fs.existsSync(path.join(b.dataDir, 'children', child.childId)), 5_000, 'erased on B');
    expect(familyRows(b.dataDir, child.childId)).toBe(0);
  });

  it('erases the child’s folder and rows when the child was deleted from another PC while this one was off', async () => {
    const { a, bDir, childId } = await familyWithSecondPcOff();
    expect(familyRows(bDir, childId)).toBe(1);
    must(await a.api.unlock({ password: TEST_PASSWORD }));
    must(await a.api.deleteChild({ childId, typedName: 'Noor', password: RELAY_PASSWORD }));

    const b = await desktop(bDir);
    await waitFor(() => familyRows(bDir, childId) === 0, 5_000, 'the profile row erased');
    await waitFor(() => !fs.existsSync(path.join(bDir, 'children', childId)), 5_000, 'the child folder erased');
    expect(must(await b.api.listProfiles()).profiles).toEqual([]);
  });

  it('keeps a profile whose credential is still live', async () => {
    const a = await desktop();
    const child = await setUpFamily(a.api, 'Sami');
    await waitFor(() => a.core.sync.connectionState(child.childId) === 'online', 5_000, 'A online');
    expect(await a.core.computers.credentialRefused(child.childId)).toBe('kept');
    expect(familyRows(a.dataDir, child.childId)).toBe(1);
  });
});

describe("the PC's info (F18)", () => {
  it('is sent again when it changes, and the pane shows the OS version and last seen', async () => {
    const a = await desktop(undefined, '6.1');
    const child = await setUpFamily(a.api, 'Lina');
    await waitFor(() => a.core.sync.connectionState(child.childId) === 'online', 5_000, 'A online');
    a.close();
    const again = await desktop(a.dataDir, '6.8');
    // The pane's relay session was in memory only: the grown-up signs in again to look.
    must(await again.api.unlock({ password: TEST_PASSWORD }));
    must(await again.api.signInParent({ email: child.parentEmail, password: RELAY_PASSWORD }));
    await waitFor(
      async () => must(await again.api.listDevices()).devices[0]?.info.osVersion === '6.8',
      5_000,
      'the new OS version on the relay',
    );
    const [device] = must(await again.api.listDevices()).devices;
    expect(device?.lastSeen).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await again.core.computers.sendInfoIfChanged()).toBe(false);
  });
});

describe("the PC's info while it runs (F18)", () => {
  /** A timer the test fires by hand: the periodic check runs when told, never on its own. */
  function manualTimer(): { schedule: (fn: () => void, ms: number) => () => void; fire: () => void; everyMs: number[] } {
    let pending: (() => void) | undefined;
    const everyMs: number[] = [];
    return {
      schedule: (fn, ms) => {
        everyMs.push(ms);
        pending = fn;
        return () => (pending = undefined);
      },
      fire: () => {
        const fn = pending;
        pending = undefined;
        fn?.();
      },
      everyMs,
    };
  }

  it('is sent again when the time zone or the language changes, and not otherwise', async () => {
    let system: DeviceInfo = { os: 'linux', osVersion: '6.1', appVersion: '0.3.0', language: 'en-GB', timeZone: 'Europe/London' };
    const timer = manualTimer();
    const d = await startTestDesktop(relay.url, {
      deviceInfo: () => system,
      deviceInfoCheck: { everyMs: 60_000, schedule: timer.schedule },
    });
    open.push(d);
    const child = await setUpFamily(d.api, 'Maya');
    await waitFor(() => d.core.sync.connectionState(child.childId) === 'online', 5_000, 'online');
    const onRelay = async (): Promise<DeviceInfo | undefined> => must(await d.api.listDevices()).devices[0]?.info;
    expect(await onRelay()).toEqual(system);
    expect(timer.everyMs.at(-1)).toBe(60_000);

    // Something else writes the relay's copy; as long as nothing changes here, the PC does not send.
    const marker = { ...system, osVersion: 'marker' };
    const { deviceId } = must(await d.api.listDevices()).devices[0] as { deviceId: string };
    const put = await fetch(`${relay.url}/v1/devices/${deviceId}/info`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        [APP_VERSION_HEADER]: APP_VERSION,
        authorization: `Bearer ${getProfile(d.core.familyDb, child.childId)?.deviceToken ?? ''}`,
      },
      body: JSON.stringify({ info: marker }),
    });
    expect(put.status).toBe(204);
    timer.fire();
    timer.fire();
    expect(await d.core.computers.sendInfoIfChanged()).toBe(false);
    expect(await onRelay()).toEqual(marker);

    // The PC moved to another zone: the next periodic check sends it.
    system = { ...system, timeZone: 'America/New_York' };
    expect(await onRelay()).toEqual(marker);
    timer.fire();
    await waitFor(async () => (await onRelay())?.timeZone === 'America/New_York', 5_000, 'the new zone on the relay');
    expect(await onRelay()).toEqual(system);

    // A grown-up picks Spanish in the settings: sent at once, no timer needed.
    must(await d.api.updateSettings({ language: 'es' }));
    await waitFor(async () => (await onRelay())?.language === 'es', 5_000, 'the new language on the relay');
    // Another setting is not a change of info.
    must(await d.api.updateSettings({ readAloud: true }));
    timer.fire();
    expect(await d.core.computers.sendInfoIfChanged()).toBe(false);
    expect(await onRelay()).toEqual({ ...system, language: 'es' });
    // Back to "follow the system": the system's language again.
    must(await d.api.updateSettings({ language: 'auto' }));
    await waitFor(async () => (await onRelay())?.language === 'en-GB', 5_000, 'the system language again');
  });
});
