import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hearthBuilderConfig, macNotarization, PackagingConfigError, windowsSigning } from '../../build/builder-config';
import { FUSE_OFF, FUSE_ON, FUSE_REMOVED, FUSE_SENTINEL, HEARTH_FUSES, fuseWireProblems, readFuseWires } from '../../build/fuses';
import { fuseTestBinary, runFuseStep, schemaProblems, settingsProblems, unhardenedStates } from './check';
import { ROOT, VENDORED_RECORD, VENDORED_SCHEMA, buildPin, readVendoredRecord, vendoredSchemaProblem } from './vendor-schema';

const CERTIFICATE = { WIN_CSC_LINK: 'C:\\certs\\hearth.pfx' };
const AZURE = {
  HEARTH_AZURE_SIGN_ENDPOINT: 'https://weu.codesigning.azure.net',
  HEARTH_AZURE_SIGN_ACCOUNT: 'hearth',
  HEARTH_AZURE_SIGN_PROFILE: 'public-trust',
  HEARTH_AZURE_SIGN_PUBLISHER: 'Hearth contributors',
};

describe('package:check: the configuration against electron-builder’s own schema', () => {
  it('vendors app-builder-lib’s scheme.json at the version build/package.json and its lockfile pin', () => {
    expect(vendoredSchemaProblem()).toBeNull();
    expect(readVendoredRecord().version).toBe(buildPin('electron-builder'));
    expect(buildPin('electron-builder')).toMatch(/^26\./);
  });

  it('notices a pin that moved without a fresh copy, and a copy edited by hand', () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-schema-pin-'));
    try {
      for (const file of ['build/package.json', 'build/package-lock.json', VENDORED_SCHEMA, VENDORED_RECORD]) {
        fs.mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
        fs.copyFileSync(path.join(ROOT, file), path.join(scratch, file));
      }
      const pkgFile = path.join(scratch, 'build/package.json');
      const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { devDependencies: Record<string, string> };
      fs.writeFileSync(
        pkgFile,
        JSON.stringify({ ...pkg, devDependencies: { ...pkg.devDependencies, 'electron-builder': '26.0.1' } }),
      );
      expect(vendoredSchemaProblem(scratch)).toMatch(/pins electron-builder 26\.0\.1.*npm run package:schema/);
      fs.copyFileSync(path.join(ROOT, 'build/package.json'), pkgFile);
      fs.appendFileSync(path.join(scratch, VENDORED_SCHEMA), ' ');
      expect(vendoredSchemaProblem(scratch)).toMatch(/changed after it was vendored/);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('is valid unsigned, with a signtool certificate, with Azure Trusted Signing and with notarization', () => {
    for (const env of [
      {},
      CERTIFICATE,
      { CSC_LINK: '/certs/hearth.p12' },
      AZURE,
      { APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'K', APPLE_API_ISSUER: 'I' },
    ]) {
      expect(schemaProblems(hearthBuilderConfig(env)), JSON.stringify(Object.keys(env))).toEqual([]);
    }
  });

  it('is refused by the schema when a key is unknown or a value has the wrong type', () => {
    const config = hearthBuilderConfig({});
    expect(schemaProblems({ ...config, perMachine: true })).toContainEqual(expect.stringContaining('(perMachine)'));
    expect(schemaProblems({ ...config, nsis: { ...config.nsis, oneClick: 'no' } })).toContainEqual(
      expect.stringMatching(/\.nsis\.oneClick should be boolean/),
    );
    expect(schemaProblems({ ...config, pkg: { ...config.pkg, isRelocatable: 'false' } })).not.toEqual([]);
  });
});

describe('package:check: the F17 settings', () => {
  it('holds every setting: ids, asar, targets, per-machine installers, MSI upgrade code, macOS hardening, icons', () => {
    expect(settingsProblems(hearthBuilderConfig({}))).toEqual([]);
    const config = hearthBuilderConfig({});
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true });
    expect(config.msi).toMatchObject({ perMachine: true, upgradeCode: '44F5F5B0-1DE3-47EB-91C3-D97AD5B72F47' });
    expect(config.pkg).toMatchObject({ installLocation: '/Applications', isRelocatable: false });
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: false, target: ['dmg', 'pkg', 'zip'] });
    expect(config.linux.target).toEqual(['deb', 'rpm', 'AppImage']);
  });

  it('notices each setting that is changed', () => {
    const config = hearthBuilderConfig({});
    const changed = [
      { ...config, asar: false },
      { ...config, nsis: { ...config.nsis, perMachine: false } },
      { ...config, nsis: { ...config.nsis, oneClick: true } },
      { ...config, msi: { ...config.msi, upgradeCode: '00000000-0000-0000-0000-000000000000' } },
      { ...config, pkg: { ...config.pkg, isRelocatable: true } },
      { ...config, mac: { ...config.mac, hardenedRuntime: false } },
      { ...config, linux: { ...config.linux, target: ['deb'] } },
      { ...config, electronVersion: '44.0.0' },
      { ...config, win: { ...config.win, icon: 'build/icons/icon.png' } },
      { ...config, mac: { ...config.mac, entitlements: 'build/package.json' } },
    ];
    changed.forEach((c, i) => expect(settingsProblems(c as typeof config), `change ${i}`).not.toEqual([]));
  });

  it('refuses a Windows signtool certificate together with Azure Trusted Signing, with a sentence naming both', () => {
    const both = () => hearthBuilderConfig({ ...CERTIFICATE, ...AZURE });
    expect(both).toThrow(PackagingConfigError);
    expect(both).toThrow(/WIN_CSC_LINK.*HEARTH_AZURE_SIGN_ENDPOINT.*unset one of the two/);
    expect(() =>
      hearthBuilderConfig({ CSC_LINK: 'x.pfx', HEARTH_AZURE_SIGN_ENDPOINT: AZURE.HEARTH_AZURE_SIGN_ENDPOINT }),
    ).toThrow(/CSC_LINK/);
  });

  it('takes signing only from the environment: a certificate, complete Azure settings, or nothing', () => {
    expect(windowsSigning({})).toEqual({ kind: 'unsigned' });
    expect(windowsSigning(CERTIFICATE)).toEqual({ kind: 'certificate', variable: 'WIN_CSC_LINK' });
    expect(windowsSigning(AZURE)).toMatchObject({ kind: 'azure', options: { codeSigningAccountName: 'hearth' } });
    expect(() => windowsSigning({ HEARTH_AZURE_SIGN_ENDPOINT: 'https://x' })).toThrow(/HEARTH_AZURE_SIGN_ACCOUNT/);
    const azure = hearthBuilderConfig(AZURE);
    expect(azure.win.signtoolOptions).toBeNull();
    expect(azure.win.azureSignOptions).toMatchObject({
      endpoint: AZURE.HEARTH_AZURE_SIGN_ENDPOINT,
      publisherName: 'Hearth contributors',
    });
    expect(azure.forceCodeSigning).toBe(true);
    expect(hearthBuilderConfig({}).forceCodeSigning).toBe(false);
  });

  it('notarizes only with a complete set of Apple’s variables and refuses half a set', () => {
    expect(macNotarization({})).toBe(false);
    expect(macNotarization({ APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'T' })).toBe(true);
    expect(() => macNotarization({ APPLE_ID: 'a@b.c' })).toThrow(/APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID/);
  });

  it('keeps nothing secret in build/: no key, certificate or password file, no credential in the configuration', () => {
    const files = fs.readdirSync(path.join(ROOT, 'build'), { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => !f.startsWith('node_modules') && /\.(pfx|p12|p8|pem|key|cer|provisionprofile)$/i.test(f))).toEqual(
      [],
    );
    const text = JSON.stringify(hearthBuilderConfig({}));
    expect(text).not.toMatch(/password|secret|BEGIN [A-Z ]*PRIVATE KEY/i);
  });
});

describe('package:check: the fuse step on a file carrying Electron’s fuse sentinel', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-fuse-test-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('flips every fuse @electron/fuses 1.8 names to Hearth’s value, read back byte by byte', async () => {
    const { bytes, error } = await runFuseStep(fuseTestBinary(unhardenedStates(8)));
    expect(error).toBeNull();
    const [wire, ...others] = readFuseWires(bytes);
    expect(others).toEqual([]);
    expect(wire?.version).toBe(1);
    const expected = [FUSE_OFF, FUSE_ON, FUSE_OFF, FUSE_OFF, FUSE_ON, FUSE_ON, FUSE_OFF, FUSE_OFF];
    expect(wire?.states.length).toBe(8);
    expected.forEach((byte, i) => expect(wire?.states[i], `fuse ${i} ${HEARTH_FUSES[i]?.name}`).toBe(byte));
    // RunAsNode, cookie encryption, NODE_OPTIONS, inspect, ASAR integrity, only-ASAR, V8 snapshot, file://
    expect(String.fromCharCode(...(wire?.states ?? []))).toBe('01001100');
    const at = bytes.indexOf(Buffer.from(FUSE_SENTINEL)) + FUSE_SENTINEL.length;
    expect([...bytes.subarray(at, at + 10)]).toEqual([1, 8, ...expected]);
    expect(fuseWireProblems(bytes, HEARTH_FUSES.slice(0, 8))).toEqual([]);
  });

  it('flips both wires of a universal macOS binary', async () => {
    const { bytes, error } = await runFuseStep(fuseTestBinary(unhardenedStates(8), 2));
    expect(error).toBeNull();
    const wires = readFuseWires(bytes);
    expect(wires).toHaveLength(2);
    for (const wire of wires) expect(String.fromCharCode(...wire.states)).toBe('01001100');
  });

  it('detects a fuse flipped the wrong way, a removed one and a missing one', () => {
    const hardened: number[] = HEARTH_FUSES.map((f) => (f.on ? FUSE_ON : FUSE_OFF));
    expect(fuseWireProblems(fuseTestBinary(hardened))).toEqual([]);
    const wrong = [...hardened];
    wrong[0] = FUSE_ON;
    expect(fuseWireProblems(fuseTestBinary(wrong))).toEqual(["fuse 0 RunAsNode is '1' (on); Hearth ships it off"]);
    const removed = [...hardened];
    removed[5] = FUSE_REMOVED;
    expect(fuseWireProblems(fuseTestBinary(removed))).toEqual([
      "fuse 5 OnlyLoadAppFromAsar is 'r' (removed); Hearth ships it on",
    ]);
    expect(fuseWireProblems(fuseTestBinary(hardened.slice(0, 8)))).toEqual(['the wire has 8 fuses; build/fuses.ts decides 9']);
    expect(fuseWireProblems(Buffer.alloc(64))).toEqual([expect.stringContaining('no fuse sentinel')]);
  });

  it('stops on Electron 45’s nine-fuse wire with 1.8 (strictlyRequireAllFuses: it cannot name WasmTrapHandlers)', async () => {
    const binary = fuseTestBinary(unhardenedStates(9));
    const { bytes, error } = await runFuseStep(binary);
    expect(error?.message).toMatch(/strictlyRequireAllFuses.*9 fuses/);
    expect(bytes.equals(binary)).toBe(true);
  });

  it('refuses, before writing, a wire with a fuse build/fuses.ts does not decide', async () => {
    const binary = fuseTestBinary([...unhardenedStates(9), FUSE_ON]);
    const { bytes, error } = await runFuseStep(binary);
    expect(error?.message).toMatch(/10 fuses and build\/fuses\.ts decides 9/);
    expect(bytes.equals(binary)).toBe(true);
  });

  it('keeps WasmTrapHandlers at Electron’s default and every other fuse hardened', () => {
    expect(Object.fromEntries(HEARTH_FUSES.map((f) => [f.name, f.on]))).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
      WasmTrapHandlers: true,
    });
  });
});
