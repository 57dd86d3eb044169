/**
 * Which installed packages refuse a Node version by their `engines.node` (what `npm ci` warns
 * about as EBADENGINE). `npm ci && npm start` must work, quietly, on the Node the README names.
 */
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';

export type EngineRefusal = Readonly<{ dir: string; name: string; version: string; node: string }>;

type Manifest = Readonly<{ name?: string; version?: string; engines?: Readonly<{ node?: unknown }> }>;

function readManifest(dir: string): Manifest | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** Every package folder under a `node_modules`, nested ones too (scoped names included). */
function* packageDirs(nodeModules: string): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(nodeModules, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || !entry.isDirectory()) continue;
    const dir = path.join(nodeModules, entry.name);
    if (entry.name.startsWith('@')) {
      for (const scoped of packageDirs(dir)) yield scoped;
      continue;
    }
    yield dir;
    yield* packageDirs(path.join(dir, 'node_modules'));
  }
}

/** The packages under these `node_modules` folders whose `engines.node` refuses `nodeVersion`. */
export function engineRefusals(nodeModulesDirs: readonly string[], nodeVersion: string): EngineRefusal[] {
  const refusals: EngineRefusal[] = [];
  for (const nodeModules of nodeModulesDirs) {
    for (const dir of packageDirs(nodeModules)) {
      const manifest = readManifest(dir);
      const range = manifest?.engines?.node;
      if (typeof range !== 'string') continue;
      // npm's own check: a range that is not a valid range is not enforced either.
      if (semver.validRange(range) === null) continue;
      if (semver.satisfies(nodeVersion, range, { includePrerelease: true })) continue;
      refusals.push({ dir, name: manifest?.name ?? path.basename(dir), version: manifest?.version ?? '?', node: range });
    }
  }
  return refusals;
}
