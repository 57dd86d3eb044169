import { expect, it } from 'vitest';
import type { FriendshipState } from '@hearth/common';
import { pairKey } from '../../friendships/queries';
import type { ReportRow } from '../../reports/queries';
import { describeStores } from './harness';
import { seedChild, seedParent } from './social-fixtures';

const report = (id: string, over: Partial<ReportRow> = {}): ReportRow => ({
  id,
  reporterId: 'c1',
  reporterName: 'Mia',
  aboutId: 'c2',
  aboutName: 'Leo',
  aboutKind: 'child',
  aboutRole: 'friend',
  reason: 'mean-words',
  place: 'message',
  itemId: 'm1',
  messages: '[]',
  calls: '[]',
  madeAt: 1_000,
  receivedAt: 2_000,
  blocked: true,
  forwardedAt: null,
  forwardedAutomatically: false,
  guardianNote: null,
  sharedAt: null,
  sharedBy: null,
  unblockedAt: null,
  closedAt: null,
  legalHold: false,
  ...over,
});

const FILE = { hash: 'a'.repeat(64), size: 3, mime: 'image/jpeg', role: 'attachment' as const, messageId: 'm1' };
const VOICE = { hash: 'b'.repeat(64), size: 2, mime: 'audio/ogg', role: 'voice-note' as const, messageId: null };

/** Reports (issue 15): every field back as written, files' bytes once, the state marks once, both deletions. */
describeStores('reports port', (t) => {
  it('gives back a report and its files exactly, booleans as booleans', async () => {
    const row = report('r1', { forwardedAt: 3_000, forwardedAutomatically: true, guardianNote: 'n', legalHold: true });
    await t.store().reports.insertReport(row, [FILE, VOICE]);
    expect(await t.store().reports.getReport('r1')).toStrictEqual(row);
    expect(await t.store().reports.getReport('nope')).toBeUndefined();
    expect(await t.store().reports.listReportFiles('r1')).toStrictEqual([
      { reportId: 'r1', ...FILE, uploaded: false },
      { reportId: 'r1', ...VOICE, uploaded: false },
    ]);
    expect(await t.store().reports.putReportFileBytes('r1', FILE.hash, Buffer.from([1, 2, 3]), 4_000)).toBe(true);
    expect(await t.store().reports.putReportFileBytes('r1', FILE.hash, Buffer.from([9, 9, 9]), 5_000)).toBe(false);
    expect(await t.store().reports.putReportFileBytes('r1', 'c'.repeat(64), Buffer.from([1]), 5_000)).toBe(false);
    const got = await t.store().reports.getReportFileBytes('r1', FILE.hash);
    expect(Buffer.from(got!.bytes)).toStrictEqual(Buffer.from([1, 2, 3]));
    expect(got!.mime).toBe('image/jpeg');
    expect(await t.store().reports.getReportFileBytes('r1', VOICE.hash)).toBeUndefined();
    expect((await t.store().reports.listReportFiles('r1'))[0]?.uploaded).toBe(true);
  });

  it('lists by reporter and shared-about, newest first, and counts within a window', async () => {
    await t.store().reports.insertReport(report('r1', { receivedAt: 1_000 }), []);
    await t.store().reports.insertReport(report('r2', { receivedAt: 2_000 }), []);
    await t.store().reports.insertReport(report('r3', { receivedAt: 3_000, reporterId: 'c9' }), []);
    expect((await t.store().reports.listReportsBy('c1')).map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(await t.store().reports.countReportsSince('c1', 1_500)).toBe(1);
    expect(await t.store().reports.countReportsSince('c1', 0)).toBe(2);
    expect(await t.store().reports.listSharedAbout('c2')).toEqual([]);
    expect(await t.store().reports.markShared('r1', 5_000, 'p1')).toBe(true);
    expect(await t.store().reports.markShared('r1', 6_000, 'p1')).toBe(false);
    expect(await t.store().reports.markShared('r2', 7_000, 'p1')).toBe(true);
    expect((await t.store().reports.listSharedAbout('c2')).map((r) => [r.id, r.sharedAt, r.sharedBy])).toEqual([
      ['r2', 7_000, 'p1'],
      ['r1', 5_000, 'p1'],
    ]);
    expect(await t.store().reports.countSharedSince('c1', 6_000)).toBe(1);
  });

  it('marks forward, unblock, close and hold once each; lists forwarded open ones unless asked', async () => {
    await t.store().reports.insertReport(report('r1'), []);
    await t.store().reports.insertReport(report('r2'), []);
    expect(await t.store().reports.markClosed('r1', 1)).toBe(false);
    expect(await t.store().reports.markForwarded('r1', 3_000, false, 'look')).toBe(true);
    expect(await t.store().reports.markForwarded('r1', 4_000, true, null)).toBe(false);
    expect(await t.store().reports.markUnblocked('r1', 3_500)).toBe(true);
    expect(await t.store().reports.markUnblocked('r1', 3_600)).toBe(false);
    expect((await t.store().reports.listForwarded(false)).map((r) => r.id)).toEqual(['r1']);
    expect(await t.store().reports.markClosed('r1', 5_000)).toBe(true);
    expect(await t.store().reports.listForwarded(false)).toEqual([]);
    const [closed] = await t.store().reports.listForwarded(true);
    expect(closed).toMatchObject({ id: 'r1', forwardedAt: 3_000, guardianNote: 'look', unblockedAt: 3_500, closedAt: 5_000 });
    expect(await t.store().reports.setLegalHold('r1', true)).toBe(true);
    expect((await t.store().reports.getReport('r1'))?.legalHold).toBe(true);
  });

  it('deletes a child’s unforwarded reports both ways, and closed ones past the retention unless held', async () => {
    await t.store().reports.insertReport(report('by'), [FILE]);
    await t.store().reports.insertReport(report('about', { reporterId: 'c3', aboutId: 'c1' }), []);
    await t.store().reports.insertReport(report('kept', { forwardedAt: 10 }), [FILE]);
    await t.store().reports.insertReport(report('other', { reporterId: 'c3', aboutId: 'c4' }), []);
    expect(await t.store().reports.deleteUnforwardedReportsOf('c1')).toBe(2);
    expect(await t.store().reports.listReportFiles('by')).toEqual([]);
    expect((await t.store().reports.listReportFiles('kept')).length).toBe(1);
    await t.store().reports.insertReport(report('old', { forwardedAt: 10, closedAt: 100 }), [FILE]);
    await t.store().reports.insertReport(report('held', { forwardedAt: 10, closedAt: 100, legalHold: true }), []);
    await t.store().reports.insertReport(report('recent', { forwardedAt: 10, closedAt: 900 }), []);
    expect(await t.store().reports.deleteClosedBefore(500)).toBe(1);
    expect(await t.store().reports.getReport('old')).toBeUndefined();
    expect(await t.store().reports.listReportFiles('old')).toEqual([]);
    for (const id of ['held', 'recent', 'kept', 'other']) expect(await t.store().reports.getReport(id)).toBeDefined();
  });

  it('records when a friendship stopped being active, and clears it when active again', async () => {
    await seedParent(t.store(), 'p1');
    for (const id of ['c1', 'c2', 'c3']) await seedChild(t.store(), id, 'p1');
    const active: FriendshipState = {
      kind: 'friend',
      kidConfirmed: { a: true, b: true },
      parentApproved: { a: true, b: true },
      blockedBy: { a: false, b: false },
      ended: null,
    };
    const pending: FriendshipState = { ...active, parentApproved: { a: false, b: false } };
    const f = t.store().friendships;
    await f.insertFriendship({ id: 'f1', aId: 'c1', bId: 'c2', state: pending, createdAt: 1, updatedAt: 1 });
    await f.insertFriendship({ id: 'f2', aId: 'c1', bId: 'c3', state: pending, createdAt: 1, updatedAt: 1 });
    expect(await t.store().reports.contactInactiveSince(pairKey('c1', 'c2'))).toBeNull();
    expect(await t.store().reports.contactInactiveSince(pairKey('c2', 'c3'))).toBeUndefined();
    // Never active: a declined request stays null.
    await f.updateFriendshipState('f2', { ...pending, ended: 'declined' }, 50);
    expect(await t.store().reports.contactInactiveSince(pairKey('c1', 'c3'))).toBeNull();
    await f.updateFriendshipState('f1', active, 100);
    // A block keeps the shared updatedAt but records the real time.
    await f.updateFriendshipState('f1', { ...active, blockedBy: { a: true, b: false } }, 100, 200);
    expect(await t.store().reports.contactInactiveSince(pairKey('c2', 'c1'))).toBe(200);
    expect((await f.getFriendship('f1'))?.updatedAt).toBe(100);
    // Still inactive: the first stop stands.
    await f.updateFriendshipState('f1', { ...active, blockedBy: { a: true, b: false }, ended: 'removed' }, 300);
    expect(await t.store().reports.contactInactiveSince(pairKey('c1', 'c2'))).toBe(200);
    await f.updateFriendshipState('f1', active, 400);
    expect(await t.store().reports.contactInactiveSince(pairKey('c1', 'c2'))).toBeNull();
  });

  it('keeps the report a notice is about, and no such field on other notices', async () => {
    await seedParent(t.store(), 'p1');
    const base = { kind: 'friend-reported', childId: 'c1', childName: 'Mia', byName: null, aboutId: 'c2', aboutName: 'Leo' };
    await t.store().family.insertNotice('p1', { ...base, id: 'n1', at: 1_000, reportId: 'r1' }, 0);
    await t.store().family.insertNotice('p1', { ...base, id: 'n2', at: 2_000, kind: 'friend-blocked' }, 0);
    expect(await t.store().family.listNotices('p1', 10)).toStrictEqual([
      { ...base, id: 'n2', at: 2_000, kind: 'friend-blocked' },
      { ...base, id: 'n1', at: 1_000, reportId: 'r1' },
    ]);
  });
});
