import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_READS, APP_VERSION, FIRST_READ_IN, compareVersions, parseAppVersion, type AppVersion } from '@hearth/common';
import { loadSnapshots, snapshotFile, type CompatSnapshot } from './snapshots';
import { refExists } from './tag-check';

type Node = Readonly<{
  const?: string;
  enum?: readonly string[];
  anyOf?: readonly Node[];
  properties?: Readonly<Record<string, Node>>;
}>;

const v = (s: string): AppVersion => parseAppVersion(s) as AppVersion;

/** What a snapshot's schemas name: its frame types, message kinds and error codes. */
function named(reads: CompatSnapshot['reads']): { frames: string[]; kinds: string[]; errors: string[] } {
  const ws = reads.ws as Node;
  // A frame type may itself be a union of variants (`unsend-result`: ok, or refused): one name each.
  const frames = [...new Set((ws.anyOf ?? []).flatMap((f) => f.anyOf ?? [f]).map((f) => f.properties?.type?.const ?? '?'))];
  const message = (ws.anyOf ?? []).find((f) => f.properties?.type?.const === 'message');
  const kinds = (message?.properties?.message?.properties?.content?.anyOf ?? []).map((c) => c.properties?.kind?.const ?? '?');
  const errors = [...((reads.error as Node).properties?.error?.properties?.code?.enum ?? [])];
  return { frames, kinds, errors };
}

const upTo = (column: Readonly<Record<string, string>>, version: string): string[] =>
  Object.entries(column)
    .filter(([, since]) => compareVersions(v(since), v(version)) <= 0)
    .map(([name]) => name)
    .sort();

describe('the first-read table and the snapshots', () => {
  it.each(loadSnapshots().map((s) => [s.version, s] as const))(
    'names exactly what %s reads: every frame type, message kind and error code of its snapshot, nothing newer',
    (version, snapshot) => {
      const reads = named(snapshot.reads);
      expect(reads.frames.sort()).toEqual(upTo(FIRST_READ_IN.frames, version));
      expect(reads.kinds.sort()).toEqual(upTo(FIRST_READ_IN.kinds, version));
      expect(reads.errors.sort()).toEqual(upTo(FIRST_READ_IN.errors, version));
    },
  );

  it(`has the snapshot of this app's version (${APP_VERSION}), where there is one, say what the app reads today`, () => {
    const file = snapshotFile(APP_VERSION);
    // A version still being made has no snapshot; it gets one (and its tag) when it is released.
    if (!fs.existsSync(file)) return;
    const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as CompatSnapshot;
    const tag = `v${APP_VERSION}`;
    const hint = refExists(tag)
      ? `${APP_VERSION} is released (the tag ${tag} exists), so what it reads never changes: bump the app's minor version for this change (docs/realtime-and-versions.md, "Versions")`
      : `common/compat/${tag}.json is not what this app reads; ${APP_VERSION} is not tagged yet, so run npx tsx scripts/compat-snapshot.ts`;
    expect(snapshot.version, hint).toBe(APP_VERSION);
    expect(snapshot.reads, hint).toEqual(JSON.parse(JSON.stringify(APP_READS)));
  });

  it('has this app newer than the last snapshot when what the app reads changed since', () => {
    const last = loadSnapshots().at(-1) as CompatSnapshot;
    const now = JSON.parse(JSON.stringify(APP_READS)) as CompatSnapshot['reads'];
    const changed = JSON.stringify(now) !== JSON.stringify(last.reads);
    if (changed) expect(compareVersions(v(APP_VERSION), v(last.version))).toBeGreaterThan(0);
    // And the table names exactly what this app reads.
    const reads = named(now);
    expect(reads.frames.sort()).toEqual(upTo(FIRST_READ_IN.frames, APP_VERSION));
    expect(reads.kinds.sort()).toEqual(upTo(FIRST_READ_IN.kinds, APP_VERSION));
    expect(reads.errors.sort()).toEqual(upTo(FIRST_READ_IN.errors, APP_VERSION));
  });
});
