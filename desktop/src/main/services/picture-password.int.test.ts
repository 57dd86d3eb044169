import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildId, PictureSequence } from '@hearth/common';
import { must, setUpFamily, startTestDesktop, TEST_PASSWORD, type TestDesktop } from '@hearth/test-kit/desktop';
import { createClosers } from '@hearth/test-kit/closers';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';

let relay: TestRelay;
let desk: TestDesktop;
let childId: ChildId;
/** The relay and the PC the file started, closed newest first. */
const started = createClosers();
const SECRET: PictureSequence = ['cat', 'moon', 'cat', 'tree'];

beforeAll(async () => {
  relay = started.add(await startTestRelay(), () => relay.dispose());
  desk = started.add(await startTestDesktop(relay.url), () => desk.close());
  childId = (await setUpFamily(desk.api, 'Ines')).childId as ChildId;
});
afterAll(() => started.closeAll());

describe('a child’s picture password', () => {
  it('is set only from the unlocked grown-ups’ pane, and kept as a hash', async () => {
    must(await desk.api.lock());
    expect(await desk.api.setPicturePassword({ childId, picture: SECRET })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    must(await desk.api.unlock({ password: TEST_PASSWORD }));
    expect(await desk.api.setPicturePassword({ childId, picture: ['cat'] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(must(await desk.api.setPicturePassword({ childId, picture: SECRET })).hasPicturePassword).toBe(true);
    expect(must(await desk.api.listProfiles()).profiles[0]).toMatchObject({ childId, hasPicturePassword: true, kind: 'child' });
    must(await desk.api.lock());
    const store = fs.readFileSync(path.join(desk.dataDir, 'family.sqlite')).toString('latin1');
    const wal = fs.existsSync(path.join(desk.dataDir, 'family.sqlite-wal'))
      ? fs.readFileSync(path.join(desk.dataDir, 'family.sqlite-wal')).toString('latin1')
      : '';
    expect(store + wal).toContain('$argon2id$');
    expect(store + wal).not.toContain('cat,moon,cat,tree');
  });

  it('must come along when the child picks their profile, in the right order', async () => {
    expect(await desk.api.selectProfile({ childId })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    expect(await desk.api.selectProfile({ childId, picture: ['tree', 'cat', 'moon', 'cat'] })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD' },
    });
    expect(must(await desk.api.getCurrentProfile()).profile).toBeNull();
    expect(await desk.api.listFriends()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(must(await desk.api.selectProfile({ childId, picture: SECRET })).childId).toBe(childId);
    expect(must(await desk.api.getCurrentProfile()).profile?.childId).toBe(childId);
    must(await desk.api.leaveProfile());
  });

  it('makes a child wait after three wrong tries, until the grown-ups clear it', async () => {
    const wrong: PictureSequence = ['apple', 'apple', 'apple'];
    for (let i = 0; i < 3; i++) {
      expect(await desk.api.selectProfile({ childId, picture: wrong })).toMatchObject({
        ok: false,
        error: { code: 'WRONG_PASSWORD' },
      });
    }
    // Even the right pictures wait now.
    expect(await desk.api.selectProfile({ childId, picture: SECRET })).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });
    must(await desk.api.unlock({ password: TEST_PASSWORD }));
    expect(must(await desk.api.setPicturePassword({ childId, picture: null })).hasPicturePassword).toBe(false);
    must(await desk.api.lock());
    expect(must(await desk.api.selectProfile({ childId })).childId).toBe(childId);
  });
});
