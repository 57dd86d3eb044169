/**
 * The Electron typings main and the preload are checked against, vendored in
 * `desktop/types/electron.d.ts`: Electron itself lives in `build/` (installed only to run or package
 * the app), so the root install has no `electron` package to take them from.
 *
 * `npm run electron:types` copies `electron.d.ts` out of the npm tarball of the Electron version that
 * `build/package.json` pins (`npm pack` fetches only that tarball, never the binary). The unit test
 * holds the two together: a bump in `build/package.json` without a fresh copy fails it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const VENDORED_TYPES = path.join('desktop', 'types', 'electron.d.ts');
const HEADER = /^\/\/ Type definitions for Electron (\S+)$/m;

/** The exact Electron version `build/package.json` pins. */
export function pinnedElectronVersion(root: string = ROOT): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'build', 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  const version = pkg.devDependencies?.electron;
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(`build/package.json must pin electron to one exact version (found ${String(version)})`);
  }
  return version;
}

/** The Electron version a typings file was written for, from its first-lines header; null if none. */
export function typesVersion(file: string): string | null {
  const head = fs.readFileSync(file, 'utf8').slice(0, 500);
  return HEADER.exec(head)?.[1] ?? null;
}

/** A sentence saying how the vendored typings and the pin disagree, or null when they match. */
export function vendoredTypesProblem(root: string = ROOT): string | null {
  const pinned = pinnedElectronVersion(root);
  const file = path.join(root, VENDORED_TYPES);
  if (!fs.existsSync(file)) return `${VENDORED_TYPES} is missing; run npm run electron:types`;
  const vendored = typesVersion(file);
  if (vendored !== pinned) {
    return `${VENDORED_TYPES} is for Electron ${String(vendored)} but build/package.json pins ${pinned}; run npm run electron:types`;
  }
  return null;
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

/** Copies `electron.d.ts` from the pinned version's npm tarball into the desktop workspace. */
function vendor(): void {
  const version = pinnedElectronVersion();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-electron-types-'));
  try {
    run('npm', ['pack', `electron@${version}`, '--silent'], work);
    run('tar', ['-xzf', `electron-${version}.tgz`, 'package/electron.d.ts'], work);
    const target = path.join(ROOT, VENDORED_TYPES);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(work, 'package', 'electron.d.ts'), target);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const problem = vendoredTypesProblem();
  if (problem) throw new Error(problem);
  console.log(`electron-types: ${VENDORED_TYPES} is Electron ${version}'s.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  try {
    vendor();
  } catch (err) {
    console.error(`electron-types: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
