import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openCallWorld, type CallKid, type CallWorld } from '@hearth/test-kit/call-world';

/** Alice and Bob, friends, each in the real app behind their own web host and Chromium. */
export type TwoKids = { alice: CallKid; bob: CallKid; world: CallWorld };

/**
 * Opens a call world of Alice and Bob on the app's page before the suite's tests and closes it
 * (and its folder, named from `prefix`) after them. The kids are on the returned object once
 * `beforeAll` has run.
 */
export function twoKidsInTheApp(prefix: string): TwoKids {
  const kids = {} as TwoKids;
  let work: string | undefined;
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), prefix));
    kids.world = await openCallWorld({ workDir: work, names: ['Alice', 'Bob'], page: 'app' });
    [kids.alice, kids.bob] = kids.world.kids as [CallKid, CallKid];
  }, 240_000);
  afterAll(async () => {
    await kids.world?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });
  return kids;
}
