import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { POLICY_DEFAULTS, POLICY_KEYS } from '@hearth/common';
import { gamesHiddenByPolicy, readPolicySources, resolvePolicy, windowsLayers } from './index';
import { parseRegQuery, readWindowsPolicy } from './read-windows';

const fixture = (name: string): string => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const codes = (p: { problems: readonly { code: string; key: string | null }[] }): string[] =>
  p.problems.map((x) => `${x.code}:${x.key ?? ''}`);

describe('the Windows registry (recorded `reg query` output)', () => {
  it('parses REG_SZ, REG_DWORD 0x…, REG_MULTI_SZ with \\0 and REG_EXPAND_SZ lines under their key', () => {
    const values = parseRegQuery(fixture('reg-query-hklm.txt'));
    expect(values[0]).toEqual({
      key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Hearth',
      name: 'RelayUrl',
      type: 'REG_SZ',
      data: 'https://relay.school.example',
    });
    expect(values.find((v) => v.name === 'Languages')?.data).toBe('es\\0en');
    expect(values.find((v) => v.name === 'DataFolder')?.data).toBe('%ProgramData%\\Hearth Data');
    expect(values.at(-1)?.key).toBe('HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Hearth\\Recommended');
  });

  it('lets HKLM win over HKCU, managed over recommended, and reports what it skipped', async () => {
    const outputs: Record<string, string> = {
      'HKLM\\SOFTWARE\\Policies\\Hearth': fixture('reg-query-hklm.txt'),
      'HKCU\\SOFTWARE\\Policies\\Hearth': fixture('reg-query-hkcu.txt'),
    };
    const seen: string[][] = [];
    const sources = await readWindowsPolicy(
      async (args) => {
        seen.push([...args]);
        return { ok: true, stdout: outputs[args[1] ?? ''] ?? '' };
      },
      { ProgramData: 'C:\\ProgramData' },
    );
    expect(seen).toEqual([
      ['query', 'HKLM\\SOFTWARE\\Policies\\Hearth', '/s'],
      ['query', 'HKCU\\SOFTWARE\\Policies\\Hearth', '/s'],
    ]);
    const p = resolvePolicy(sources);
    expect(p.relayUrl).toEqual({
      value: 'https://relay.school.example',
      source: 'managed',
      locked: true,
      origin: 'HKLM\\SOFTWARE\\Policies\\Hearth',
    });
    // HKLM's 0 beats HKCU's 1.
    expect(p.gamesAllowed.value).toBe(false);
    expect(gamesHiddenByPolicy(p)).toBe(true);
    expect(p.languages.value).toEqual(['es', 'en']);
    expect(p.maxChildProfiles.value).toBe(4);
    expect(p.quietHoursFloor.value).toEqual({ start: '21:00', end: '07:00' });
    expect(p.autoInstallUpdates).toMatchObject({ value: false, locked: true });
    expect(p.dataFolder.value).toBe('C:\\ProgramData\\Hearth Data');
    // HKCU's "yes" is no DWORD: skipped, so HKLM's recommended 0 applies, unlocked.
    expect(p.effectsAllowed).toMatchObject({ value: false, source: 'recommended', locked: false });
    // A managed value beats a recommended one in any hive.
    expect(p.relayOnlyCalls).toMatchObject({ value: true, source: 'managed' });
    // 0x2 is no flag: the default, reported.
    expect(p.requireKeyring).toMatchObject({ value: false, source: 'default' });
    // Machine-only settings from HKCU are refused.
    expect(p.parentModeAllowed.source).toBe('default');
    expect(codes(p)).toEqual(
      expect.arrayContaining([
        'POLICY_UNKNOWN_KEY:ShowTips',
        'POLICY_UNKNOWN_KEY:Anything',
        'POLICY_BAD_VALUE:requireKeyring',
        'POLICY_BAD_VALUE:updateChannel',
        'POLICY_BAD_VALUE:effectsAllowed',
        'POLICY_MACHINE_ONLY:relayUrl',
        'POLICY_MACHINE_ONLY:parentModeAllowed',
      ]),
    );
    expect(p.problems).toHaveLength(7);
  });

  it('reports a registry it cannot read and still resolves the other hive', async () => {
    const sources = await readWindowsPolicy(async (args) =>
      args[1]?.startsWith('HKLM') ? { ok: false, message: 'Access is denied.' } : { ok: true, stdout: '' },
    );
    const p = resolvePolicy(sources);
    expect(codes(p)).toEqual(['POLICY_SOURCE_UNREADABLE:']);
    expect(p.relayOnlyCalls.source).toBe('default');
  });

  it('takes an empty output (the key does not exist) as no policy', () => {
    const { layers, problems } = windowsLayers('HKLM', '');
    expect(problems).toEqual([]);
    expect(layers.every((l) => Object.keys(l.values).length === 0)).toBe(true);
  });
});

describe('macOS managed preferences (sample plists)', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  function managedRoot(user: string): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-mcx-'));
    dirs.push(root);
    fs.copyFileSync(path.join(import.meta.dirname, 'fixtures', 'macos-machine.plist'), path.join(root, 'org.hearth.app.plist'));
    fs.mkdirSync(path.join(root, user));
    fs.copyFileSync(
      path.join(import.meta.dirname, 'fixtures', 'macos-user.plist'),
      path.join(root, user, 'org.hearth.app.plist'),
    );
    return root;
  }

  it('lets the machine plist win, forced over Recommended, and reports bad values', async () => {
    const root = managedRoot('sam');
    const p = resolvePolicy(await readPolicySources({ platform: 'darwin', macosRoot: root, user: 'sam' }));
    expect(p.relayUrl).toMatchObject({ value: 'https://relay.school.example', locked: true });
    // The machine's forced true beats the user's forced false.
    expect(p.relayOnlyCalls).toMatchObject({ value: true, origin: path.join(root, 'org.hearth.app.plist') });
    expect(p.effectsAllowed).toMatchObject({ value: false, source: 'managed' });
    expect(p.maxChildProfiles.value).toBe(3);
    expect(p.languages.value).toEqual(['en']);
    // Recommended: the machine's false before the user's true.
    expect(p.gamesAllowed).toMatchObject({ value: false, source: 'recommended', locked: false });
    expect(p.updateChannel).toMatchObject({ value: 'beta', source: 'recommended' });
    expect(p.quietHoursFloor.source).toBe('default');
    expect(codes(p).sort()).toEqual([
      'POLICY_BAD_VALUE:languages',
      'POLICY_BAD_VALUE:quietHoursFloor',
      'POLICY_MACHINE_ONLY:dataFolder',
    ]);
  });

  it('reports a file that is not a plist and keeps the other', async () => {
    const root = managedRoot('sam');
    fs.writeFileSync(path.join(root, 'org.hearth.app.plist'), '<plist><dict><key>x</key>');
    const p = resolvePolicy(await readPolicySources({ platform: 'darwin', macosRoot: root, user: 'sam' }));
    expect(p.problems[0]?.code).toBe('POLICY_SOURCE_UNREADABLE');
    expect(p.effectsAllowed.value).toBe(false);
  });
});

describe('Linux policy files (a temporary root)', () => {
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  function root(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-policy-'));
    roots.push(dir);
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }

  it('puts managed over recommended, a later file over an earlier one, and reports the rest', async () => {
    const dir = root({
      'managed/10-school.json': JSON.stringify({ relayUrl: 'https://relay.school.example', gamesAllowed: false }),
      'managed/20-room.json': JSON.stringify({ gamesAllowed: true, maxChildProfiles: 0, colour: 'blue' }),
      'managed/30-broken.json': '{ not json',
      'managed/notes.txt': 'ignored',
      'recommended/a.json': JSON.stringify({ gamesAllowed: false, maxChildProfiles: 2, updateChannel: 'beta' }),
    });
    const p = resolvePolicy(await readPolicySources({ platform: 'linux', linuxRoot: dir }));
    expect(p.relayUrl).toMatchObject({ value: 'https://relay.school.example', source: 'managed', locked: true });
    expect(p.gamesAllowed).toMatchObject({ value: true, origin: path.join(dir, 'managed/20-room.json') });
    // A bad managed value falls back for that key only: to the recommended 2.
    expect(p.maxChildProfiles).toMatchObject({ value: 2, source: 'recommended', locked: false });
    expect(p.updateChannel).toMatchObject({ value: 'beta', source: 'recommended' });
    expect(codes(p).sort()).toEqual([
      'POLICY_BAD_VALUE:maxChildProfiles',
      'POLICY_SOURCE_UNREADABLE:',
      'POLICY_UNKNOWN_KEY:colour',
    ]);
  });

  it('gives every default, unlocked, without a folder or with garbage of every kind', () => {
    const none = resolvePolicy({ layers: [] });
    for (const k of POLICY_KEYS)
      expect(none[k]).toEqual({ value: POLICY_DEFAULTS[k], source: 'default', locked: false, origin: null });
    for (const junk of [null, 1, 'x', [], { a: { b: 1 } }, { relayUrl: 'ftp://x' }, { languages: [] }]) {
      const p = resolvePolicy({ layers: [{ origin: 'x', tier: 'managed', values: junk as Record<string, unknown> }] });
      expect(p.relayUrl.source).toBe('default');
    }
  });
});
