import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WritableDB } from '@hearth/sqlite';
import { deleteProfile, getProfile, listProfiles, updateProfileDetails, upsertProfile } from '../db/family/queries/profiles';
import { writeSettings } from '../db/family/queries/settings';
import { getEnrollment, putEnrollment } from '../db/family/queries/enrollment';
import { createSettingsService, DEFAULT_SETTINGS } from '../services/settings';
import { openFamilyStore } from './family-store';

let dir: string;
let db: WritableDB;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-family-'));
  db = openFamilyStore(dir);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const profile = (childId: string, name: string, token = 'dc_token_1234567890'): Parameters<typeof upsertProfile>[1] => ({
  childId,
  parentId: '01J0000000000000000000PRNT',
  displayName: name,
  username: name.toLowerCase(),
  avatar: null,
  deviceToken: token,
  addedAt: 1,
});

describe('family store', () => {
  it('keeps profiles in picker order and replaces a credential on re-enrollment', () => {
    upsertProfile(db, profile('01J000000000000000000000AA', 'Ada'));
    upsertProfile(db, profile('01J000000000000000000000BB', 'Ben'));
    upsertProfile(db, { ...profile('01J000000000000000000000AA', 'Ada'), deviceToken: 'dc_new_token_0987654321' });
    updateProfileDetails(db, '01J000000000000000000000BB', { avatar: 'fox' });
    expect(listProfiles(db).map((p) => [p.displayName, p.position, p.avatar])).toEqual([
      ['Ada', 0, null],
      ['Ben', 1, 'fox'],
    ]);
    expect(getProfile(db, '01J000000000000000000000AA')?.deviceToken).toBe('dc_new_token_0987654321');
    expect(deleteProfile(db, '01J000000000000000000000AA')).toBe(true);
    expect(listProfiles(db)).toHaveLength(1);
  });

  it('remembers the enrollment across a reopen', () => {
    const e = {
      deviceId: '01J00000000000000000DEVICE',
      parentId: '01J0000000000000000000PRNT',
      parentEmail: 'p@example.test',
      parentDisplayName: 'P',
      name: 'Kitchen PC',
      enrolledAt: 5,
    };
    putEnrollment(db, e);
    db.close();
    db = openFamilyStore(dir);
    expect(getEnrollment(db)).toEqual(e);
  });

  it('falls back to the default for a stored setting that no longer fits', () => {
    const settings = createSettingsService(db);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    writeSettings(db, { autoLockMinutes: 999, readAloud: true });
    expect(settings.get()).toEqual({ ...DEFAULT_SETTINGS, readAloud: true });
    expect(settings.update({ autoLockMinutes: 10 })).toEqual({ ...DEFAULT_SETTINGS, readAloud: true, autoLockMinutes: 10 });
  });
});
