/**
 * Vendors electron-builder's own JSON schema (`app-builder-lib/scheme.json`) at the version
 * `build/package.json` pins, into `build/vendor/app-builder-lib/`, so `npm run package:check`
 * validates Hearth's configuration without installing electron-builder (which wants Node 22.12).
 *
 * `npm run package:schema` fetches only that one npm tarball (`npm pack`) and records its version
 * and the file's SHA-256 in `build/vendor/vendored.json`; the package:check test fails when the pin
 * moves without a fresh copy, or when the copy is edited by hand.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const VENDORED_SCHEMA = path.join('build', 'vendor', 'app-builder-lib', 'scheme.json');
export const VENDORED_RECORD = path.join('build', 'vendor', 'vendored.json');

export type VendoredRecord = Readonly<{ package: string; version: string; file: string; sha256: string }>;

/** The exact version of a package `build/package.json` pins (an exact x.y.z, never a range). */
export function buildPin(name: string, root: string = ROOT): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'build', 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  const version = pkg.devDependencies?.[name];
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(`build/package.json must pin ${name} to one exact version (found ${String(version)})`);
  }
  return version;
}

export const sha256 = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');

export function readVendoredRecord(root: string = ROOT): VendoredRecord {
  return JSON.parse(fs.readFileSync(path.join(root, VENDORED_RECORD), 'utf8')) as VendoredRecord;
}

/** A sentence saying how the vendored schema and the pins disagree, or null when they match. */
export function vendoredSchemaProblem(root: string = ROOT): string | null {
  const pinned = buildPin('electron-builder', root);
  const record = readVendoredRecord(root);
  if (record.version !== pinned) {
    return `${VENDORED_SCHEMA} is app-builder-lib ${record.version}'s but build/package.json pins electron-builder ${pinned}; run npm run package:schema`;
  }
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'build', 'package-lock.json'), 'utf8')) as {
    packages?: Record<string, { version?: string }>;
  };
  const locked = lock.packages?.['node_modules/app-builder-lib']?.version;
  if (locked !== record.version) {
    return `build/package-lock.json locks app-builder-lib ${String(locked)}, but ${VENDORED_SCHEMA} is ${record.version}'s; run npm run package:schema`;
  }
  const actual = sha256(fs.readFileSync(path.join(root, VENDORED_SCHEMA)));
  if (actual !== record.sha256)
    return `${VENDORED_SCHEMA} was changed after it was vendored (SHA-256 differs); run npm run package:schema`;
  return null;
}

function vendor(): void {
  const version = buildPin('electron-builder');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-builder-schema-'));
  try {
    const run = (command: string, args: string[]): void => {
      const result = spawnSync(command, args, { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
      if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
    };
    run('npm', ['pack', `app-builder-lib@${version}`, '--silent']);
    run('tar', ['-xzf', `app-builder-lib-${version}.tgz`, 'package/scheme.json']);
    const bytes = fs.readFileSync(path.join(work, 'package', 'scheme.json'));
    fs.mkdirSync(path.dirname(path.join(ROOT, VENDORED_SCHEMA)), { recursive: true });
    fs.writeFileSync(path.join(ROOT, VENDORED_SCHEMA), bytes);
    const record: VendoredRecord = { package: 'app-builder-lib', version, file: 'scheme.json', sha256: sha256(bytes) };
    fs.writeFileSync(path.join(ROOT, VENDORED_RECORD), `${JSON.stringify(record, null, 2)}\n`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const problem = vendoredSchemaProblem();
  if (problem) throw new Error(problem);
  console.log(`package:schema: ${VENDORED_SCHEMA} is app-builder-lib ${version}'s.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  try {
    vendor();
  } catch (err) {
    console.error(`package:schema: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
