import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSnapshots, snapshotFile } from './snapshots';
import { refExists, snapshotAt } from './tag-check';

/**
 * A released version's snapshot never changes: where its git tag exists (`v0.1.0`, …), the
 * committed snapshot is byte for byte the one at the tag. Skipped where the tag does not exist
 * (not yet tagged, or a shallow clone without tags); until then `table.test.ts` holds the
 * snapshot of this app's version to what the app reads today.
 */
describe.each(loadSnapshots().map((s) => [s.version] as const))('the snapshot of %s', (version) => {
  const tag = `v${version}`;
  it.skipIf(!refExists(tag))(`is what the tag ${tag} says`, () => {
    const atTag = snapshotAt(tag, version);
    expect(atTag, `the tag ${tag} has no common/compat/${tag}.json: tag the commit that committed it`).toBeDefined();
    expect(fs.readFileSync(snapshotFile(version), 'utf8'), `common/compat/${tag}.json changed since the tag ${tag}`).toBe(atTag);
  });
});
