import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareVersions, parseAppVersion, type AppVersion } from '@hearth/common';

/** What one app version reads from the relay, as `scripts/compat-snapshot.ts` wrote it. */
export type CompatSnapshot = Readonly<{
  version: string;
  reads: Readonly<{ http: Readonly<Record<string, unknown>>; ws: unknown; error: unknown }>;
}>;

/** `common/compat/`, where every version's snapshot lives. */
export const SNAPSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../common/compat');

/** The committed snapshot file of one version (it may not exist). */
export function snapshotFile(version: string, dir = SNAPSHOT_DIR): string {
  return path.join(dir, `v${version}.json`);
}

/** Every committed snapshot, oldest first. */
export function loadSnapshots(dir = SNAPSHOT_DIR): CompatSnapshot[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^v\d+\.\d+\.\d+\.json$/.test(f))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CompatSnapshot)
    .sort((a, b) => compareVersions(parseAppVersion(a.version) as AppVersion, parseAppVersion(b.version) as AppVersion));
}
