import { expect, it } from 'vitest';
import type { NoticeRow } from '../../family/queries';
import { describeStores } from './harness';
import { addChild, addConsent, addDevice, addParent, sql } from './family-fixtures';

/**
 * The family port (issue 12's guardians, trusted grown-ups, consents and notices) on both
 * adapters. Ids are chosen so that byte order (SQLite's) and a case-insensitive collation
 * disagree ('Zoe' < 'amy' in bytes): a tie-breaker sorted by the database's locale fails here.
 */
describeStores('family port', (t) => {
  const store = () => t.store();

  /** Two parents (Amy 'amy', Zoe 'Zoe'), a disabled one ('dis'), a child 'kid' of amy's. */
  async function family(): Promise<void> {
    await addParent(store(), 'amy', 'Amy', { createdAt: 100, verifiedAt: 150 });
    await addParent(store(), 'Zoe', 'Zoe', { createdAt: 200 });
    await addParent(store(), 'dis', 'Dis', { createdAt: 300, disabledAt: 400 });
    await addChild(store(), 'kid', 'Kid', 'amy');
  }

  it('adds, finds and removes guardians; a duplicate is refused', async () => {
    await family();
    const f = store().family;
    expect(await f.isGuardian('kid', 'amy')).toBe(false);
    await f.insertGuardian('kid', 'amy', 1_000, null);
    await f.insertGuardian('kid', 'Zoe', 2_000, 'amy');
    expect(await f.isGuardian('kid', 'amy')).toBe(true);
    expect(await f.isGuardian('kid', 'Zoe')).toBe(true);
    expect(await f.isGuardian('kid', 'dis')).toBe(false);
    expect(await f.isGuardian('nobody', 'amy')).toBe(false);
    expect(await f.isTrusted('kid', 'amy')).toBe(false);
    await expect(f.insertGuardian('kid', 'amy', 3_000, null)).rejects.toThrow();
    expect(await f.deleteGuardian('kid', 'amy')).toBe(true);
    expect(await f.deleteGuardian('kid', 'amy')).toBe(false);
    expect(await f.isGuardian('kid', 'amy')).toBe(false);
    expect(await f.guardianIdsOf('kid')).toEqual(['Zoe']);
  });

  it('lists guardians oldest first, ties by id in byte order, disabled ones included (a boolean)', async () => {
    await family();
    const f = store().family;
    expect(await f.guardianIdsOf('kid')).toEqual([]);
    expect(await f.listGuardians('kid')).toEqual([]);
    await f.insertGuardian('kid', 'dis', 500, 'amy');
    await f.insertGuardian('kid', 'amy', 1_000, null);
    await f.insertGuardian('kid', 'Zoe', 1_000, 'amy');
    expect(await f.guardianIdsOf('kid')).toEqual(['dis', 'Zoe', 'amy']);
    expect(await f.listGuardians('kid')).toEqual([
      {
        parentId: 'dis',
        displayName: 'Dis',
        email: 'dis@example.test',
        accountCreatedAt: 300,
        since: 500,
        avatar: null,
        disabled: true,
      },
      {
        parentId: 'Zoe',
        displayName: 'Zoe',
        email: 'zoe@example.test',
        accountCreatedAt: 200,
        since: 1_000,
        avatar: null,
        disabled: false,
      },
      {
        parentId: 'amy',
        displayName: 'Amy',
        email: 'amy@example.test',
        accountCreatedAt: 100,
        since: 1_000,
        avatar: null,
        disabled: false,
      },
    ]);
  });

  it('keeps the last guardian only as the caller does: the port itself can remove every one', async () => {
    await family();
    const f = store().family;
    await f.insertGuardian('kid', 'amy', 1_000, null);
    await f.insertGuardian('kid', 'Zoe', 2_000, 'amy');
    expect(await f.deleteGuardian('kid', 'Zoe')).toBe(true);
    expect(await f.guardianIdsOf('kid')).toEqual(['amy']);
    expect(await f.deleteGuardian('kid', 'amy')).toBe(true);
    expect(await f.guardianIdsOf('kid')).toEqual([]);
  });

  it('adds, lists, changes and removes trusted grown-ups, with their picture', async () => {
    await family();
    const f = store().family;
    expect(await f.trustedIdsOf('kid')).toEqual([]);
    expect(await f.trustedAvatar('kid', 'Zoe')).toBeNull();
    await f.insertTrusted({ childId: 'kid', parentId: 'amy', avatar: null, at: 700, by: 'Zoe' });
    await f.insertTrusted({ childId: 'kid', parentId: 'Zoe', avatar: 'owl', at: 700, by: 'amy' });
    await expect(f.insertTrusted({ childId: 'kid', parentId: 'Zoe', avatar: null, at: 800, by: 'amy' })).rejects.toThrow();
    expect(await f.isTrusted('kid', 'Zoe')).toBe(true);
    expect(await f.isGuardian('kid', 'Zoe')).toBe(false);
    expect(await f.trustedIdsOf('kid')).toEqual(['Zoe', 'amy']);
    expect(await f.trustedAvatar('kid', 'Zoe')).toBe('owl');
    expect(await f.trustedAvatar('kid', 'amy')).toBeNull();
    expect(await f.listTrusted('kid')).toEqual([
      {
        parentId: 'Zoe',
        displayName: 'Zoe',
        email: 'zoe@example.test',
        accountCreatedAt: 200,
        since: 700,
        avatar: 'owl',
        disabled: false,
      },
      {
        parentId: 'amy',
        displayName: 'Amy',
        email: 'amy@example.test',
        accountCreatedAt: 100,
        since: 700,
        avatar: null,
        disabled: false,
      },
    ]);
    expect(await f.updateTrustedAvatar('kid', 'amy', 'fox')).toBe(true);
    expect(await f.updateTrustedAvatar('kid', 'Zoe', null)).toBe(true);
    expect(await f.updateTrustedAvatar('kid', 'dis', 'fox')).toBe(false);
    expect(await f.trustedAvatar('kid', 'amy')).toBe('fox');
    expect(await f.trustedAvatar('kid', 'Zoe')).toBeNull();
    expect(await f.deleteTrusted('kid', 'amy')).toBe(true);
    expect(await f.deleteTrusted('kid', 'amy')).toBe(false);
    expect(await f.trustedIdsOf('kid')).toEqual(['Zoe']);
  });

  it("a consent stands until withdrawn; a child is covered by a current guardian's standing consent only", async () => {
    await family();
    const f = store().family;
    await f.insertGuardian('kid', 'amy', 1_000, null);
    await f.insertGuardian('kid', 'Zoe', 1_000, 'amy');
    expect(await f.consentStands('kid', 'amy', 'v2')).toBe(false);
    expect(await f.isCovered('kid', 'v2')).toBe(false);
    await addConsent(store(), { id: 'c-old', parentId: 'amy', childId: 'kid', policyVersion: 'v1' });
    await addConsent(store(), { id: 'c1', parentId: 'amy', childId: 'kid', policyVersion: 'v2' });
    await addConsent(store(), { id: 'c2', parentId: 'amy', childId: 'kid', policyVersion: 'v2' });
    await addConsent(store(), { id: 'c-gone', parentId: 'Zoe', childId: 'kid', policyVersion: 'v2', withdrawnAt: 900 });
    // A consent by a grown-up who is no guardian (any more) covers nothing.
    await addConsent(store(), { id: 'c-dis', parentId: 'dis', childId: 'kid', policyVersion: 'v3' });
    expect(await f.consentStands('kid', 'amy', 'v2')).toBe(true);
    expect(await f.consentStands('kid', 'amy', 'v3')).toBe(false);
    expect(await f.consentStands('kid', 'Zoe', 'v2')).toBe(false);
    expect(await f.consentStands('kid', 'dis', 'v3')).toBe(true);
    expect(await f.isCovered('kid', 'v2')).toBe(true);
    expect(await f.isCovered('kid', 'v3')).toBe(false);

    // Withdrawing takes every standing consent of that guardian (both versions); the count says how many.
    expect(await f.withdrawConsents('kid', 'amy', 2_000)).toBe(3);
    expect(await f.withdrawConsents('kid', 'amy', 3_000)).toBe(0);
    expect(await f.withdrawConsents('kid', 'Zoe', 3_000)).toBe(0);
    expect(await f.consentStands('kid', 'amy', 'v2')).toBe(false);
    expect(await f.isCovered('kid', 'v2')).toBe(false);
    const rows = (await sql(store(), `SELECT id, withdrawn_at AS w FROM consents ORDER BY id`)) as {
      id: string;
      w: number | null;
    }[];
    expect(rows).toEqual([
      { id: 'c-dis', w: null },
      { id: 'c-gone', w: 900 },
      { id: 'c-old', w: 2_000 },
      { id: 'c1', w: 2_000 },
      { id: 'c2', w: 2_000 },
    ]);

    // A new consent covers again; a removed guardian's consent stops covering.
    await addConsent(store(), { id: 'c3', parentId: 'Zoe', childId: 'kid', policyVersion: 'v2' });
    expect(await f.isCovered('kid', 'v2')).toBe(true);
    await f.deleteGuardian('kid', 'Zoe');
    expect(await f.isCovered('kid', 'v2')).toBe(false);
    expect(await f.consentStands('kid', 'Zoe', 'v2')).toBe(true);
  });

  it('knows accounts: kind, disabled or gone, name, verified email', async () => {
    await family();
    const f = store().family;
    expect(await f.accountKindOf('amy')).toBe('parent');
    expect(await f.accountKindOf('kid')).toBe('child');
    expect(await f.accountKindOf('nobody')).toBeUndefined();
    expect(await f.isDisabledOrGone('amy')).toBe(false);
    expect(await f.isDisabledOrGone('kid')).toBe(false);
    expect(await f.isDisabledOrGone('dis')).toBe(true);
    expect(await f.isDisabledOrGone('nobody')).toBe(true);
    expect(await f.displayNameOf('kid')).toBe('Kid');
    expect(await f.displayNameOf('nobody')).toBeUndefined();
    expect(await f.isEmailVerified('amy')).toBe(true);
    expect(await f.isEmailVerified('Zoe')).toBe(false);
    expect(await f.isEmailVerified('kid')).toBe(false);
    expect(await f.isEmailVerified('nobody')).toBe(false);
  });

  it("revokes the child's live credentials on the PCs a grown-up enrolled, and no others", async () => {
    await family();
    await addChild(store(), 'sib', 'Sib', 'amy');
    await addDevice(store(), 'pc-b', 'amy', [{ childId: 'kid' }, { childId: 'sib' }]);
    await addDevice(store(), 'pc-a', 'amy', [{ childId: 'kid' }]);
    await addDevice(store(), 'pc-old', 'amy', [{ childId: 'kid', revokedAt: 50 }]);
    await addDevice(store(), 'pc-zoe', 'Zoe', [{ childId: 'kid' }]);
    const f = store().family;
    expect(await f.revokeCredentialsEnrolledBy('kid', 'amy', 9_000)).toEqual(['pc-a', 'pc-b']);
    expect(await f.revokeCredentialsEnrolledBy('kid', 'amy', 9_500)).toEqual([]);
    expect(await f.revokeCredentialsEnrolledBy('kid', 'nobody', 9_500)).toEqual([]);
    const rows = (await sql(
      store(),
      `SELECT device_id AS d, child_id AS c, revoked_at AS r FROM device_credentials ORDER BY device_id, child_id`,
    )) as unknown[];
    expect(rows).toEqual([
      { d: 'pc-a', c: 'kid', r: 9_000 },
      { d: 'pc-b', c: 'kid', r: 9_000 },
      { d: 'pc-b', c: 'sib', r: null },
      { d: 'pc-old', c: 'kid', r: 50 },
      { d: 'pc-zoe', c: 'kid', r: null },
    ]);
  });

  it("deletes a child's account (never a grown-up's); consents and notices stay", async () => {
    await family();
    const f = store().family;
    await f.insertGuardian('kid', 'amy', 1_000, null);
    await f.insertTrusted({ childId: 'kid', parentId: 'Zoe', avatar: null, at: 1_000, by: 'amy' });
    await addConsent(store(), { id: 'c1', parentId: 'amy', childId: 'kid', policyVersion: 'v1' });
    await f.insertNotice('amy', notice('n1', 1_000), 0);
    expect(await f.deleteChildAccount('amy')).toBe(false);
    expect(await f.accountKindOf('amy')).toBe('parent');
    expect(await f.deleteChildAccount('kid')).toBe(true);
    expect(await f.deleteChildAccount('kid')).toBe(false);
    expect(await f.accountKindOf('kid')).toBeUndefined();
    expect(await f.guardianIdsOf('kid')).toEqual([]);
    expect(await f.trustedIdsOf('kid')).toEqual([]);
    expect(await f.consentStands('kid', 'amy', 'v1')).toBe(true);
    expect((await f.listNotices('amy', 10)).map((n) => n.id)).toEqual(['n1']);
  });

  const notice = (id: string, at: number, more: Partial<NoticeRow> = {}): NoticeRow => ({
    id,
    kind: 'consent-given',
    childId: 'kid',
    childName: 'Kid',
    byName: 'Amy',
    aboutId: null,
    aboutName: null,
    at,
    ...more,
  });

  it("lists a grown-up's notices newest first (ties: the later id in byte order), up to the limit", async () => {
    await family();
    const f = store().family;
    expect(await f.listNotices('amy', 10)).toEqual([]);
    await f.insertNotice('amy', notice('n-a', 1_000), 0);
    await f.insertNotice('amy', notice('n-B', 2_000), 0);
    await f.insertNotice('amy', notice('n-b', 2_000, { byName: null, aboutId: 'Zoe', aboutName: 'Zoe' }), 0);
    await f.insertNotice('Zoe', notice('n-z', 5_000), 0);
    expect(await f.listNotices('amy', 10)).toEqual([
      notice('n-b', 2_000, { byName: null, aboutId: 'Zoe', aboutName: 'Zoe' }),
      notice('n-B', 2_000),
      notice('n-a', 1_000),
    ]);
    expect((await f.listNotices('amy', 2)).map((n) => n.id)).toEqual(['n-b', 'n-B']);
    expect((await f.listNotices('Zoe', 10)).map((n) => n.id)).toEqual(['n-z']);
    expect(await f.listNotices('nobody', 10)).toEqual([]);
    await expect(f.insertNotice('amy', notice('n-a', 3_000), 0)).rejects.toThrow();
  });

  it("forgets a grown-up's notices from before the kept window as a new one comes, and only theirs", async () => {
    await family();
    const f = store().family;
    const DAY = 24 * 60 * 60 * 1000;
    await f.insertNotice('amy', notice('old', 1 * DAY), 0);
    await f.insertNotice('amy', notice('edge', 10 * DAY), 0);
    await f.insertNotice('Zoe', notice('zoe-old', 1 * DAY), 0);
    // 90 days kept: a notice at day 100 keeps everything from day 10 on (the edge itself too).
    await f.insertNotice('amy', notice('new', 100 * DAY), 100 * DAY - 90 * DAY);
    expect((await f.listNotices('amy', 10)).map((n) => n.id)).toEqual(['new', 'edge']);
    expect((await f.listNotices('Zoe', 10)).map((n) => n.id)).toEqual(['zoe-old']);
  });

  it('rolls family writes back with their transaction', async () => {
    await family();
    await expect(
      store().transaction(async (tx) => {
        await tx.family.insertGuardian('kid', 'amy', 1_000, null);
        await tx.family.insertNotice('amy', notice('n1', 1_000), 0);
        expect(await tx.family.isGuardian('kid', 'amy')).toBe(true);
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await store().family.isGuardian('kid', 'amy')).toBe(false);
    expect(await store().family.listNotices('amy', 10)).toEqual([]);
  });
});
