import { expect, it } from 'vitest';
import { runRaw } from './raw';
import { describeStores } from './harness';
import { MODERATION_RETENTION_MS, sweepAudit, sweepBans } from '../../moderation/retention';
import type { AuditRow } from '../../moderation/queries';

const YEAR = MODERATION_RETENTION_MS;
const DAY = 24 * 60 * 60 * 1000;
const MOD = '01HZMODERATOR0000000000000';

function entry(id: string, at: number, action: string, subjectId: string): AuditRow {
  return {
    id,
    moderatorId: MOD,
    at,
    action,
    subjectKind: action.includes('ban') ? 'email-ban' : 'account',
    subjectId,
    reason: 'why',
  };
}

/** Moderation's port (issue 15, F16): moderators, sessions, suspensions, bans, the append-only audit log. */
describeStores('moderation port', (t) => {
  it('keeps moderators by normalized email and their live sessions by token hash', async () => {
    const s = t.store().moderation;
    await s.insertModerator({ id: MOD, email: 'mo@example.test', displayName: 'Mo', passwordHash: 'h', createdAt: 1 });
    expect(await s.getModeratorByEmail('mo@example.test')).toEqual({
      id: MOD,
      email: 'mo@example.test',
      displayName: 'Mo',
      passwordHash: 'h',
      createdAt: 1,
    });
    await expect(
      s.insertModerator({ id: 'X', email: 'mo@example.test', displayName: 'Again', passwordHash: 'h', createdAt: 2 }),
    ).rejects.toThrow();
    const hash = Buffer.alloc(32, 7);
    await s.insertModeratorSession({ id: 'S1', moderatorId: MOD, tokenHash: hash, createdAt: 10, expiresAt: 100 });
    expect(await s.getLiveModeratorSession(hash, 50)).toEqual({ id: 'S1', moderatorId: MOD, expiresAt: 100 });
    expect(await s.getLiveModeratorSession(hash, 100)).toBeUndefined();
    expect(await s.revokeModeratorSession('S1', 60)).toBe(true);
    expect(await s.revokeModeratorSession('S1', 61)).toBe(false);
    expect(await s.getLiveModeratorSession(hash, 62)).toBeUndefined();
    expect(await s.deleteDeadModeratorSessions(62)).toBe(1);
  });

  it('suspends, re-suspends and lifts', async () => {
    const s = t.store().moderation;
    await s.putSuspension({ accountId: 'A', category: 'bullying', reason: 'notes', moderatorId: MOD, suspendedAt: 5 });
    await s.putSuspension({ accountId: 'A', category: 'other', reason: 'more notes', moderatorId: MOD, suspendedAt: 6 });
    expect(await s.getSuspension('A')).toEqual({
      accountId: 'A',
      category: 'other',
      reason: 'more notes',
      moderatorId: MOD,
      suspendedAt: 6,
    });
    expect(await s.deleteSuspension('A')).toBe(true);
    expect(await s.deleteSuspension('A')).toBe(false);
    expect(await s.getSuspension('A')).toBeUndefined();
  });

  it('lists the suspensions in force (no reasons), by account', async () => {
    const s = t.store().moderation;
    expect(await s.listSuspensions()).toEqual([]);
    await s.putSuspension({ accountId: 'B', category: 'spam-or-scam', reason: 'secret', moderatorId: MOD, suspendedAt: 7 });
    await s.putSuspension({ accountId: 'A', category: 'bullying', reason: 'secret', moderatorId: MOD, suspendedAt: 8 });
    expect(await s.listSuspensions()).toEqual([
      { accountId: 'A', category: 'bullying', suspendedAt: 8 },
      { accountId: 'B', category: 'spam-or-scam', suspendedAt: 7 },
    ]);
    await s.putSuspension({ accountId: 'A', category: 'other', reason: 'again', moderatorId: MOD, suspendedAt: 9 });
    await s.deleteSuspension('B');
    expect(await s.listSuspensions()).toEqual([{ accountId: 'A', category: 'other', suspendedAt: 9 }]);
  });

  it('bans by hash, lifts, bans again; the sweep takes only bans lifted over a year ago', async () => {
    const now = 10 * YEAR;
    const ctx = { store: t.store(), now: () => now };
    const s = t.store().moderation;
    const [a, b, c] = [Buffer.alloc(32, 1), Buffer.alloc(32, 2), Buffer.alloc(32, 3)];
    await s.putEmailBan(a, MOD, now - 3 * YEAR); // in force, old: kept
    await s.putEmailBan(b, MOD, now - 3 * YEAR);
    expect(await s.liftEmailBan(b, now - YEAR - DAY)).toBe(true); // lifted over a year ago: goes
    await s.putEmailBan(c, MOD, now - 3 * YEAR);
    expect(await s.liftEmailBan(c, now - YEAR + DAY)).toBe(true); // lifted under a year ago: kept
    expect(await s.liftEmailBan(c, now)).toBe(false);
    expect(await s.isEmailBanned(a)).toBe(true);
    expect(await s.isEmailBanned(b)).toBe(false);
    expect(await sweepBans(ctx)).toBe(1);
    expect(await s.countEmailBans()).toBe(2);
    await s.putEmailBan(c, MOD, now);
    expect(await s.isEmailBanned(c)).toBe(true);
  });

  it('refuses to update or delete an audit entry outside the retention sweep', async () => {
    const s = t.store().moderation;
    await s.insertAudit(entry('01A', 1, 'suspend', 'ACC'));
    await expect(runRaw(t.store(), `UPDATE moderation_audit SET reason = 'edited' WHERE id = ?`, '01A')).rejects.toThrow(
      /append-only/,
    );
    await expect(runRaw(t.store(), `DELETE FROM moderation_audit WHERE id = ?`, '01A')).rejects.toThrow(/retention sweep/);
    expect((await s.listAudit()).map((a) => a.reason)).toEqual(['why']);
  });

  it('sweeps a case a year after it closed, keeps open and recently closed ones, and stays closed after', async () => {
    const now = 10 * YEAR;
    const ctx = { store: t.store(), now: () => now };
    const s = t.store().moderation;
    const old = now - YEAR - DAY;
    // Closed over a year ago: goes whole.
    await s.insertAudit(entry('01A1', old - DAY, 'suspend', 'GONE'));
    await s.insertAudit(entry('01A2', old, 'lift-suspension', 'GONE'));
    // Closed over a year ago, then acted on again: open, kept.
    await s.insertAudit(entry('01B1', old - DAY, 'suspend', 'AGAIN'));
    await s.insertAudit(entry('01B2', old, 'lift-suspension', 'AGAIN'));
    await s.insertAudit(entry('01B3', old + DAY, 'suspend', 'AGAIN'));
    // Closed less than a year ago: kept.
    await s.insertAudit(entry('01C1', old, 'suspend', 'RECENT'));
    await s.insertAudit(entry('01C2', now - DAY, 'lift-suspension', 'RECENT'));
    // Never closed (a ban in force): kept however old.
    await s.insertAudit(entry('01D1', 1, 'ban-email', 'BAN'));
    expect(await sweepAudit(ctx)).toBe(2);
    expect((await s.listAudit()).map((a) => a.id)).toEqual(['01D1', '01B1', '01B2', '01C1', '01B3', '01C2']);
    // The gate is shut again after the sweep.
    await expect(runRaw(t.store(), `DELETE FROM moderation_audit WHERE id = ?`, '01D1')).rejects.toThrow(/retention sweep/);
    expect(await s.listAudit('AGAIN')).toHaveLength(3);
  });

  it('the sweep inside a transaction leaves the gate shut for the rest of it', async () => {
    const now = 10 * YEAR;
    await t.store().moderation.insertAudit(entry('01E1', 1, 'close-account', 'CLOSED'));
    await t.store().moderation.insertAudit(entry('01E2', 1, 'suspend', 'OPEN'));
    await t
      .store()
      .transaction(async (tx) => {
        expect(await sweepAudit({ store: tx, now: () => now })).toBe(1);
        await expect(runRaw(tx, `DELETE FROM moderation_audit WHERE id = ?`, '01E2')).rejects.toThrow(/retention sweep/);
      })
      .catch(() => undefined);
    expect((await t.store().moderation.listAudit()).map((a) => a.id)).toContain('01E2');
  });
});
