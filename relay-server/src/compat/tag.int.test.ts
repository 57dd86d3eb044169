import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_DIR, loadSnapshots } from './snapshots';
import { readsAt, refExists, snapshotAt } from './tag-check';

/**
 * A released version's snapshot never changes: where its git tag exists (`v0.1.0`, …), the
 * committed snapshot is the one at the tag, or, for a tag older than the snapshot file, what
 * that commit's own schemas say. Skipped where the tag does not exist (not yet tagged, or a
 * shallow clone without tags).
 */
describe.each(loadSnapshots().map((s) => [s.version, s] as const))('the snapshot of %s', (version, snapshot) => {
  const tag = `v${version}`;
  it.skipIf(!refExists(tag))(`is what the tag ${tag} says`, async () => {
    const here = fs.readFileSync(path.join(SNAPSHOT_DIR, `v${version}.json`), 'utf8');
    const atTag = snapshotAt(tag, version);
    if (atTag !== undefined) {
      expect(here).toBe(atTag);
      return;
    }
    expect(await readsAt(tag, snapshot)).toEqual(snapshot.reads);
  });
});
