/**
 * Electron's fuses, hardened at package time (F17): electron-builder's `afterPack` calls
 * `hardenPackedApp`, which flips every fuse with `@electron/fuses`' `flipFuses` and
 * `strictlyRequireAllFuses`, then reads the wire back byte by byte and fails the build on any
 * fuse that is not what `HEARTH_FUSES` says.
 *
 * The wire, as Electron lays it out: the sentinel `dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX`, one byte of
 * wire version, one byte of length, then one byte per fuse: '0' off, '1' on, 'r' removed. A
 * universal macOS binary carries two wires (one per slice); both are flipped and both are read.
 *
 * `build/package.json` pins `@electron/fuses` 2.x for packaging: Electron 45's wire has nine fuses
 * and 1.8.x names only eight, so 1.8.x refuses Electron 45 under `strictlyRequireAllFuses` (the
 * package:check test shows that refusal with the root's 1.8.0 on a nine-fuse test file).
 */
import fs from 'node:fs';
import path from 'node:path';
import { flipFuses, FuseVersion, type FuseConfig } from '@electron/fuses';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
export const FUSE_WIRE_VERSION = 1;
export const FUSE_OFF = 0x30; // '0'
export const FUSE_ON = 0x31; // '1'
export const FUSE_REMOVED = 0x72; // 'r'

/**
 * Every fuse of wire version 1, in wire order, and the value Hearth ships. Pages come from `app://`,
 * so file:// needs no extra privileges; WasmTrapHandlers keeps Electron's default (on).
 */
export const HEARTH_FUSES: readonly Readonly<{ name: string; on: boolean }>[] = [
  { name: 'RunAsNode', on: false },
  { name: 'EnableCookieEncryption', on: true },
  { name: 'EnableNodeOptionsEnvironmentVariable', on: false },
  { name: 'EnableNodeCliInspectArguments', on: false },
  { name: 'EnableEmbeddedAsarIntegrityValidation', on: true },
  { name: 'OnlyLoadAppFromAsar', on: true },
  { name: 'LoadBrowserProcessSpecificV8Snapshot', on: false },
  { name: 'GrantFileProtocolExtraPrivileges', on: false },
  { name: 'WasmTrapHandlers', on: true },
];

export type FuseWire = Readonly<{ offset: number; version: number; states: readonly number[] }>;

/** Every fuse wire in a binary (one, or two in a universal macOS binary), read byte by byte. */
export function readFuseWires(binary: Buffer): FuseWire[] {
  const sentinel = Buffer.from(FUSE_SENTINEL, 'ascii');
  const wires: FuseWire[] = [];
  for (let at = binary.indexOf(sentinel); at !== -1; at = binary.indexOf(sentinel, at + 1)) {
    const offset = at + sentinel.length;
    const version = binary[offset] ?? -1;
    const length = binary[offset + 1] ?? 0;
    const states: number[] = [];
    for (let i = 0; i < length && offset + 2 + i < binary.length; i++) states.push(binary[offset + 2 + i] ?? -1);
    wires.push({ offset, version, states });
  }
  return wires;
}

const describe = (state: number | undefined): string =>
  state === FUSE_ON ? "'1' (on)" : state === FUSE_OFF ? "'0' (off)" : state === FUSE_REMOVED ? "'r' (removed)" : `byte ${state}`;

/** Sentences naming every way a binary's fuses differ from `HEARTH_FUSES`; empty when all are hardened. */
export function fuseWireProblems(binary: Buffer, fuses: typeof HEARTH_FUSES = HEARTH_FUSES): string[] {
  const wires = readFuseWires(binary);
  if (wires.length === 0) return [`no fuse sentinel (${FUSE_SENTINEL}) in the binary`];
  const problems: string[] = [];
  wires.forEach((wire, w) => {
    const where = wires.length > 1 ? `wire ${w + 1}: ` : '';
    if (wire.version !== FUSE_WIRE_VERSION)
      problems.push(`${where}fuse wire version ${wire.version}, expected ${FUSE_WIRE_VERSION}`);
    if (wire.states.length !== fuses.length) {
      problems.push(`${where}the wire has ${wire.states.length} fuses; build/fuses.ts decides ${fuses.length}`);
    }
    wire.states.forEach((state, i) => {
      const fuse = fuses[i];
      if (!fuse) return;
      const expected = fuse.on ? FUSE_ON : FUSE_OFF;
      if (state !== expected)
        problems.push(`${where}fuse ${i} ${fuse.name} is ${describe(state)}; Hearth ships it ${fuse.on ? 'on' : 'off'}`);
    });
  });
  return problems;
}

/** The file that holds the wire: the executable, or a macOS app's Electron Framework. */
export function fuseFile(executable: string): string {
  if (!executable.endsWith('.app')) return executable;
  return path.join(executable, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework');
}

/**
 * The fuse step: refuses a binary whose wire has a fuse `HEARTH_FUSES` does not decide, flips every
 * fuse with `strictlyRequireAllFuses`, then reads the wire back and throws on any difference.
 */
export async function hardenFuses(executable: string, options: Readonly<{ resetAdHocDarwinSignature?: boolean }> = {}) {
  const file = fuseFile(executable);
  const before = readFuseWires(fs.readFileSync(file));
  if (before.length === 0) throw new Error(`${file}: no fuse sentinel; is this an Electron binary?`);
  const length = Math.max(...before.map((wire) => wire.states.length));
  if (length > HEARTH_FUSES.length) {
    throw new Error(
      `${file}: Electron's fuse wire has ${length} fuses and build/fuses.ts decides ${HEARTH_FUSES.length}; decide the new ones there before packaging`,
    );
  }
  const config: Record<string, unknown> = {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    resetAdHocDarwinSignature: options.resetAdHocDarwinSignature === true,
  };
  // Only the fuses this wire has: @electron/fuses refuses to set one beyond the wire's end.
  HEARTH_FUSES.slice(0, length).forEach((fuse, i) => (config[String(i)] = fuse.on));
  await flipFuses(executable, config as FuseConfig);
  const problems = fuseWireProblems(fs.readFileSync(file), HEARTH_FUSES.slice(0, length));
  if (problems.length > 0) throw new Error(`${file}: fuses not hardened after flipping: ${problems.join('; ')}`);
}

/** What electron-builder hands `afterPack` (the parts this step reads). */
export type AfterPackContext = Readonly<{
  appOutDir: string;
  electronPlatformName: string;
  /** electron-builder's Arch: 0 ia32, 1 x64, 2 armv7l, 3 arm64, 4 universal. */
  arch: number;
}>;

const ARCH_ARM64 = 3;
const ARCH_UNIVERSAL = 4;

/** The packed app's Electron executable, by platform (names from builder-config.ts). */
export function packedExecutable(context: AfterPackContext, names: Readonly<{ product: string; linux: string }>): string {
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${names.product}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${names.product}.exe`);
    default:
      return path.join(context.appOutDir, names.linux);
  }
}

/** electron-builder's `afterPack`: the fuse step on the packed app, before it is signed. */
export async function hardenPackedApp(
  context: AfterPackContext,
  names: Readonly<{ product: string; linux: string }>,
): Promise<void> {
  const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await hardenFuses(packedExecutable(context, names), {
    // Flipping breaks an arm64 binary's ad-hoc signature; the real signature comes after afterPack.
    resetAdHocDarwinSignature: darwin && (context.arch === ARCH_ARM64 || context.arch === ARCH_UNIVERSAL),
  });
}
