import { beforeEach, expect, it } from 'vitest';
import { describeStores } from './harness';
import { seedChild, seedParent } from './social-fixtures';
import { message } from './messaging-seed';

/** Quiet hours and daily time (issue 14): settings, contact windows, reach, extra minutes, usage minutes. */
describeStores('quiet port', (t) => {
  beforeEach(async () => {
    await seedParent(t.store(), 'p1');
    await seedParent(t.store(), 'p2');
    await seedChild(t.store(), 'c1', 'p1');
    await seedChild(t.store(), 'c2', 'p1');
  });

  it('keeps a schedule, a zone and "quiet now until" apart, each change leaving the others', async () => {
    const q = t.store().quiet;
    expect(await q.getQuietSettings('c1')).toBeUndefined();
    await q.setQuietTimeZone('c1', 'Europe/London', 1_000);
    await q.saveQuietSchedule('c1', '{"a":1}', 2_000);
    await q.setQuietNowUntil('c1', 9_000, 3_000);
    expect(await q.getQuietSettings('c1')).toStrictEqual({
      childId: 'c1',
      scheduleJson: '{"a":1}',
      timeZone: 'Europe/London',
      quietNowUntil: 9_000,
      updatedAt: 3_000,
    });
    await q.setQuietNowUntil('c1', null, 4_000);
    await q.saveQuietSchedule('c1', '{"a":2}', 5_000);
    expect(await q.getQuietSettings('c1')).toMatchObject({
      scheduleJson: '{"a":2}',
      timeZone: 'Europe/London',
      quietNowUntil: null,
    });
    expect(await q.getQuietSettings('c2')).toBeUndefined();
  });

  it('finds the first PC a child was enrolled on', async () => {
    const s = t.store();
    expect(await s.quiet.enrolmentDeviceInfo('c1')).toBeUndefined();
    for (const [id, at] of [
      ['d2', 3_000],
      ['d1', 2_000],
    ] as const) {
      await s.devices.insertDevice({ id, parentId: 'p1', name: id, infoJson: `{"timeZone":"${id}"}`, enrolledAt: at });
      await s.devices.insertDeviceCredential({ tokenHash: Buffer.from(id), deviceId: id, childId: 'c1', createdAt: at });
    }
    expect(await s.quiet.enrolmentDeviceInfo('c1')).toBe('{"timeZone":"d1"}');
  });

  it('sets, replaces and removes a contact’s windows', async () => {
    const q = t.store().quiet;
    await q.setContactWindows('c1', 'b', '{"x":1}');
    await q.setContactWindows('c1', 'a', '{"x":2}');
    await q.setContactWindows('c1', 'a', '{"x":3}');
    expect(await q.listContactWindows('c1')).toStrictEqual([
      { contactId: 'a', allowedJson: '{"x":3}' },
      { contactId: 'b', allowedJson: '{"x":1}' },
    ]);
    await q.setContactWindows('c1', 'b', null);
    expect(await q.listContactWindows('c1')).toStrictEqual([{ contactId: 'a', allowedJson: '{"x":3}' }]);
    expect(await q.listContactWindows('c2')).toStrictEqual([]);
  });

  it('switches a guardian’s quiet-time reach off and on, twice each without error', async () => {
    const q = t.store().quiet;
    await q.setQuietReach('c1', 'p1', false);
    await q.setQuietReach('c1', 'p1', false);
    await q.setQuietReach('c1', 'p2', false);
    expect(await q.listReachOff('c1')).toStrictEqual(['p1', 'p2']);
    await q.setQuietReach('c1', 'p1', true);
    await q.setQuietReach('c1', 'p1', true);
    expect(await q.listReachOff('c1')).toStrictEqual(['p2']);
  });

  it('adds extra minutes per local day', async () => {
    const q = t.store().quiet;
    expect(await q.getExtraMinutes('c1', '2026-06-10')).toBe(0);
    expect(await q.addExtraMinutes('c1', '2026-06-10', 15)).toBe(15);
    expect(await q.addExtraMinutes('c1', '2026-06-10', 30)).toBe(45);
    expect(await q.getExtraMinutes('c1', '2026-06-10')).toBe(45);
    expect(await q.getExtraMinutes('c1', '2026-06-11')).toBe(0);
  });

  it('counts each minute once however many PCs record it, and forgets old ones', async () => {
    const q = t.store().quiet;
    await q.recordUsageMinutes('c1', [100, 101, 102]);
    await q.recordUsageMinutes('c1', [101, 102, 103]);
    await q.recordUsageMinutes('c2', [100]);
    await q.recordUsageMinutes('c1', []);
    // A child deleted while online: its last minutes are dropped, not an error.
    await expect(q.recordUsageMinutes('gone', [100, 101])).resolves.toBeUndefined();
    expect(await q.countUsageMinutes('gone', 0, 1_000)).toBe(0);
    expect(await q.countUsageMinutes('c1', 100, 104)).toBe(4);
    expect(await q.countUsageMinutes('c1', 101, 103)).toBe(2);
    await q.addExtraMinutes('c1', '2026-06-09', 15);
    await q.addExtraMinutes('c1', '2026-06-10', 15);
    await q.purgeQuietUsage(102, '2026-06-10');
    expect(await q.countUsageMinutes('c1', 0, 1_000)).toBe(2);
    expect(await q.countUsageMinutes('c2', 0, 1_000)).toBe(0);
    expect(await q.getExtraMinutes('c1', '2026-06-09')).toBe(0);
    expect(await q.getExtraMinutes('c1', '2026-06-10')).toBe(15);
  });

  it('lists the messages waiting for a child with their deadlines, and places one again', async () => {
    const s = t.store();
    const first = await s.messages.insertMessage(message('m1', 'p1', 'c1', { createdAt: 1_000, expiresAt: 50_000 }));
    await s.messages.insertMessage(message('m2', 'p1', 'c1', { createdAt: 2_000, expiresAt: 60_000 }));
    await s.messages.insertMessage(message('m3', 'p1', 'c2', { createdAt: 3_000, expiresAt: 70_000 }));
    const held = await s.quiet.listHeldDeadlines('c1');
    expect(held).toStrictEqual([
      { seq: first, createdAt: 1_000, expiresAt: 50_000, leftMs: null, leftAt: null },
      { seq: expect.any(Number), createdAt: 2_000, expiresAt: 60_000, leftMs: null, leftAt: null },
    ]);
    await s.quiet.setHeldDeadline(first as number, 90_000, 12_345, 5_000);
    expect((await s.quiet.listHeldDeadlines('c1'))[0]).toStrictEqual({
      seq: first,
      createdAt: 1_000,
      expiresAt: 90_000,
      leftMs: 12_345,
      leftAt: 5_000,
    });
    expect(await s.quiet.listHeldDeadlines('c2')).toMatchObject([{ expiresAt: 70_000, leftMs: null }]);
    expect(await s.quiet.listHeldDeadlines('p1')).toStrictEqual([]);
  });

  it('lists the minutes counted in a range, oldest first, each once, only the child’s', async () => {
    const q = t.store().quiet;
    expect(await q.listUsageMinutes('c1', 0, 100_000_000)).toStrictEqual([]);
    // Epoch minutes of today's dates (about 29 million): beyond a 32-bit second count, not a minute's.
    const base = 29_000_000;
    await q.recordUsageMinutes('c1', [base + 5, base + 1, base + 3]);
    await q.recordUsageMinutes('c1', [base + 3, base + 4]);
    await q.recordUsageMinutes('c2', [base + 2]);
    expect(await q.listUsageMinutes('c1', base, base + 10)).toStrictEqual([base + 1, base + 3, base + 4, base + 5]);
    expect(await q.listUsageMinutes('c1', base + 3, base + 5)).toStrictEqual([base + 3, base + 4]);
    expect(await q.listUsageMinutes('c2', base, base + 10)).toStrictEqual([base + 2]);
  });
});
