import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must, RELAY_PASSWORD, setUpFamily, startTestDesktop, type TestDesktop } from '@hearth/test-kit/desktop';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { silentLogger } from '../logging/logger';
import { loadMachinePolicy, policyConfig } from './index';

/**
 * The machine policy applied (issue 17), through the IPC channels of a real desktop core talking
 * to a real relay: the policy is read from a Linux policy folder the test writes, as at start.
 */
let relay: TestRelay;
let root: string;
const open: TestDesktop[] = [];

beforeAll(async () => {
  relay = await startTestRelay();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-policy-apply-'));
  fs.mkdirSync(path.join(root, 'managed'));
  fs.mkdirSync(path.join(root, 'recommended'));
});
afterAll(async () => {
  for (const d of open) d.close();
  await relay.dispose();
  fs.rmSync(root, { recursive: true, force: true });
});

async function desktopUnder(managed: Record<string, unknown>, recommended: Record<string, unknown> = {}): Promise<TestDesktop> {
  fs.writeFileSync(path.join(root, 'managed', 'school.json'), JSON.stringify(managed));
  fs.writeFileSync(path.join(root, 'recommended', 'school.json'), JSON.stringify(recommended));
  const policy = await loadMachinePolicy(silentLogger(), { platform: 'linux', linuxRoot: root });
  const config = policyConfig(
    { relayUrl: 'http://127.0.0.1:1', dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-d-')) },
    policy,
  );
  const d = await startTestDesktop(config.relayUrl, { dataDir: config.dataDir, policy });
  open.push(d);
  return d;
}

describe('the machine policy, applied', () => {
  it('locks the relay URL and relay-only calls: the channels refuse a change, anyone can read where each comes from', async () => {
    const d = await desktopUnder({ relayUrl: relay.url, relayOnlyCalls: true, colour: 'blue' }, { gamesAllowed: false });
    // Read at the lock screen: the relay is the policy's, locked.
    const view = must(await d.api.getMachinePolicy());
    expect(view.relayUrl).toBe(relay.url);
    expect(view.settings.relayUrl).toEqual({
      value: relay.url,
      source: 'managed',
      locked: true,
      origin: path.join(root, 'managed', 'school.json'),
    });
    expect(view.settings.gamesAllowed).toMatchObject({ value: false, source: 'recommended', locked: false });
    expect(view.problems.map((p) => `${p.code}:${p.key}`)).toEqual(['POLICY_UNKNOWN_KEY:colour']);
    await setUpFamily(d.api, 'Ana');
    // No channel takes a relay URL: the settings are closed to it…
    const relayChange = await d.api.updateSettings({ relayUrl: 'https://elsewhere.example' } as never);
    expect(relayChange.ok ? null : relayChange.error.code).toBe('VALIDATION_FAILED');
    // …and a locked setting is refused with SET_BY_POLICY, the stored value untouched.
    const calls = await d.api.updateSettings({ relayOnlyCalls: false });
    expect(calls.ok ? null : calls.error.code).toBe('SET_BY_POLICY');
    expect(must(await d.api.getSettings()).relayOnlyCalls).toBe(true);
    expect(must(await d.api.getMachinePolicy()).settings.relayUrl.value).toBe(relay.url);
  });

  it('refuses a child profile beyond the maximum, a language not offered and parent mode; sends the quiet floor to the relay', async () => {
    const d = await desktopUnder({
      relayUrl: relay.url,
      maxChildProfiles: 1,
      languages: ['es'],
      parentModeAllowed: false,
      quietHoursFloor: '21:00-07:00',
    });
    const child = await setUpFamily(d.api, 'Bo');
    const policyText = must(await d.api.getPolicy());
    const second = await d.api.createChild({
      displayName: 'Cy',
      username: `cy${Date.now()}`.slice(0, 20),
      consent: { policyVersion: policyText.version, method: 'checkbox', agreed: true },
    });
    expect(second.ok ? null : second.error.code).toBe('SET_BY_POLICY');
    // Without a profile here the relay may still make the child (another PC can hold it).
    expect(
      (
        await d.api.createChild({
          displayName: 'Cy',
          username: `cy${Date.now()}`.slice(0, 20),
          consent: { policyVersion: policyText.version, method: 'checkbox', agreed: true },
          addToThisPc: false,
        })
      ).ok,
    ).toBe(true);
    const english = await d.api.updateSettings({ language: 'en' });
    expect(english.ok ? null : english.error.code).toBe('SET_BY_POLICY');
    expect(must(await d.api.updateSettings({ language: 'es' })).language).toBe('es');
    const pm = await d.api.startParentMode({ email: child.parentEmail, password: RELAY_PASSWORD });
    expect(pm.ok ? null : pm.error.code).toBe('SET_BY_POLICY');
    const devices = must(await d.api.listDevices()).devices;
    expect(devices[0]?.info.quietFloor).toEqual({ start: '21:00', end: '07:00' });
  });
});
