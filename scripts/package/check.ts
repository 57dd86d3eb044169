/**
 * `npm run package:check`'s checks (run by `scripts/package/check.test.ts`, so `npm test` runs them
 * too). Installs nothing: the configuration from `build/builder-config.ts` is validated against
 * electron-builder's own schema (vendored), every F17 setting is asserted, and the fuse step runs
 * with the root's `@electron/fuses` on a test file carrying Electron's fuse sentinel.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import {
  APP_ID,
  ELECTRON_VERSION,
  LINUX_EXECUTABLE,
  MSI_UPGRADE_CODE,
  PRODUCT_NAME,
  type HearthBuilderConfig,
} from '../../build/builder-config';
import { FUSE_OFF, FUSE_ON, FUSE_SENTINEL, FUSE_WIRE_VERSION, HEARTH_FUSES, hardenFuses } from '../../build/fuses';
import { ROOT, VENDORED_SCHEMA, buildPin } from './vendor-schema';

let compiled: Ajv.ValidateFunction | null = null;
let compiledFrom = '';

/** Every complaint electron-builder's own schema has about a configuration; empty when it is valid. */
export function schemaProblems(config: unknown, root: string = ROOT): string[] {
  const file = path.join(root, VENDORED_SCHEMA);
  if (!compiled || compiledFrom !== file) {
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as object;
    // electron-builder's own validator: all errors; its `typeof: function` keyword is not JSON Schema,
    // so (as there) it constrains nothing and a hook may be a function.
    compiled = new Ajv({ allErrors: true }).compile(schema);
    compiledFrom = file;
  }
  if (compiled(config) === true) return [];
  return (compiled.errors ?? []).map((e) => {
    const extra = (e.params as Readonly<Record<string, unknown>>)['additionalProperty'];
    return `configuration${e.dataPath} ${e.message ?? 'is invalid'}${typeof extra === 'string' ? ` (${extra})` : ''}`;
  });
}

/** The F17 settings, asserted one by one: a sentence for each that does not hold. */
export function settingsProblems(config: HearthBuilderConfig, root: string = ROOT): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, sentence: string): void => {
    if (!ok) problems.push(sentence);
  };
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  expect(config.appId === APP_ID && APP_ID.split('.').length >= 3, `appId is ${config.appId}, not ${APP_ID}`);
  expect(
    config.productName === PRODUCT_NAME && config.extraMetadata.productName === PRODUCT_NAME,
    `productName is ${config.productName}`,
  );
  expect(config.asar === true, 'asar is not on');
  expect(
    config.electronVersion === buildPin('electron', root),
    `electronVersion ${config.electronVersion} is not build/package.json's electron`,
  );
  expect(ELECTRON_VERSION === buildPin('electron', root), 'ELECTRON_VERSION differs from build/package.json');
  expect(config.npmRebuild && !config.buildDependenciesFromSource, 'native modules are not rebuilt for Electron (npmRebuild)');
  expect(!('electronFuses' in config), "electron-builder's own non-strict fuse step is configured; fuses belong to afterPack");
  expect(typeof config.afterPack === 'function', 'no afterPack fuse step');
  // Windows: NSIS per machine (assisted, all users), MSI per machine with the fixed upgrade code.
  expect(same(config.win.target, ['nsis', 'msi']), `Windows targets are ${JSON.stringify(config.win.target)}`);
  expect(config.nsis.oneClick === false && config.nsis.perMachine === true, 'NSIS is not an assisted per-machine installer');
  expect(config.msi.perMachine === true, 'MSI is not per machine');
  expect(
    config.msi.upgradeCode === MSI_UPGRADE_CODE && /^[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}$/.test(MSI_UPGRADE_CODE),
    'MSI upgradeCode is not the fixed GUID',
  );
  expect(
    !(config.win.signtoolOptions && config.win.azureSignOptions),
    'Windows has both a signtool certificate and Azure Trusted Signing',
  );
  // macOS: dmg and pkg into /Applications, not relocatable; hardened runtime, entitlements, notarization from env.
  expect(same(config.mac.target, ['dmg', 'pkg', 'zip']), `macOS targets are ${JSON.stringify(config.mac.target)}`);
  expect(
    config.pkg.installLocation === '/Applications' && config.pkg.isRelocatable === false,
    'pkg is relocatable or not in /Applications',
  );
  expect(config.mac.hardenedRuntime === true, 'macOS hardened runtime is off');
  expect(typeof config.mac.notarize === 'boolean', 'notarization is not decided from the environment');
  const entitlements = fs.readFileSync(path.join(root, config.mac.entitlements), 'utf8');
  for (const key of ['com.apple.security.device.camera', 'com.apple.security.device.audio-input']) {
    expect(new RegExp(`<key>${key.replaceAll('.', '\\.')}</key>\\s*<true/>`).test(entitlements), `entitlements lack ${key}`);
  }
  expect(
    !/allow-unsigned-executable-memory|disable-library-validation|allow-dyld-environment-variables/.test(entitlements),
    'entitlements weaken the hardened runtime',
  );
  // Linux: deb, rpm and AppImage.
  expect(same(config.linux.target, ['deb', 'rpm', 'AppImage']), `Linux targets are ${JSON.stringify(config.linux.target)}`);
  expect(config.linux.executableName === LINUX_EXECUTABLE, 'Linux executable name differs');
  // Icons drawn here, present and of the right kind for each platform.
  expect(config.win.icon.endsWith('.ico') && config.nsis.installerIcon === config.win.icon, 'Windows icon is not the .ico');
  expect(config.mac.icon.endsWith('.icns'), 'macOS icon is not the .icns');
  expect(config.linux.icon.endsWith('.png'), 'Linux icon is not the .png');
  const magic: Record<string, Buffer> = {
    '.png': Buffer.from('\x89PNG', 'latin1'),
    '.ico': Buffer.from([0, 0, 1, 0]),
    '.icns': Buffer.from('icns'),
  };
  for (const icon of [config.icon, config.win.icon, config.mac.icon, config.linux.icon]) {
    const file = path.join(root, icon);
    const head = fs.existsSync(file) ? fs.readFileSync(file).subarray(0, 4) : Buffer.alloc(0);
    expect(magic[path.extname(icon)]?.equals(head) === true, `icon ${icon} is missing or not a ${path.extname(icon)} file`);
  }
  return problems;
}

/** A stand-in for Electron's binary: filler, the sentinel, version, length and one byte per fuse. */
export function fuseTestBinary(states: readonly number[], copies = 1): Buffer {
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL, 'ascii'), Buffer.from([FUSE_WIRE_VERSION, states.length, ...states])]);
  const filler = Buffer.alloc(4096, 0xcc);
  return Buffer.concat([filler, ...Array.from({ length: copies }, () => Buffer.concat([wire, filler]))]);
}

/** Each fuse's byte as Electron ships it: the opposite of every hardened value, so each must flip. */
export const unhardenedStates = (count: number): number[] =>
  HEARTH_FUSES.slice(0, count).map((fuse) => (fuse.on ? FUSE_OFF : FUSE_ON));

/** Runs the fuse step on a test file in a fresh folder; returns the file's bytes afterwards (or the error). */
export async function runFuseStep(binary: Buffer): Promise<{ bytes: Buffer; error: Error | null }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-fuses-'));
  const file = path.join(dir, LINUX_EXECUTABLE);
  try {
    fs.writeFileSync(file, binary);
    let error: Error | null = null;
    try {
      await hardenFuses(file);
    } catch (err) {
      error = err instanceof Error ? err : new Error(String(err));
    }
    return { bytes: fs.readFileSync(file), error };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
