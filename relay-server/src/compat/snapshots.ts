import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareVersions, parseAppVersion, type AppVersion } from '@hearth/common';

/** What one released app version reads from the relay, as `scripts/compat-snapshot.ts` wrote it. */
export type CompatSnapshot = Readonly<{
  version: string;
  reads: Readonly<{ http: Readonly<Record<string, unknown>>; ws: unknown; error: unknown }>;
}>;

/** `common/compat/`, where every released version's snapshot lives. */
export const SNAPSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../common/compat');

/** The first app version that reads the relay tolerantly; older ones read closed schemas. */
export const TOLERANT_SINCE: AppVersion = [0, 2, 0];

/** Every committed snapshot, oldest first. */
export function loadSnapshots(dir = SNAPSHOT_DIR): CompatSnapshot[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^v\d+\.\d+\.\d+\.json$/.test(f))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CompatSnapshot)
    .sort((a, b) => compareVersions(parseAppVersion(a.version) as AppVersion, parseAppVersion(b.version) as AppVersion));
}
