import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Store } from '../port';
import { describeStores } from './harness';
import { runRaw } from './raw';

const hash = (token: string): Buffer => createHash('sha256').update(token).digest();

const session = (id: string, parentId: string, createdAt: number, expiresAt: number) => ({
  id,
  parentId,
  tokenHash: hash(`token-${id}`),
  createdAt,
  expiresAt,
});

async function twoParents(store: Store): Promise<void> {
  for (const [id, email] of [
    ['p1', 'sam@example.org'],
    ['p2', 'alex@example.org'],
  ] as const) {
    await store.accounts.insertParent({ id, email, displayName: id, passwordHash: 'h', createdAt: 1 });
  }
}

describeStores('sessions port', (t) => {
  it('finds a live session by its token hash until it expires, is revoked or its account is disabled', async () => {
    const s = t.store();
    await twoParents(s);
    await s.sessions.insertParentSession(session('s1', 'p1', 100, 200));
    const row = { id: 's1', parentId: 'p1', createdAt: 100, expiresAt: 200, revokedAt: null };
    expect(await s.sessions.getLiveParentSession(hash('token-s1'), 199)).toEqual(row);
    expect(await s.sessions.getLiveParentSession(hash('token-s1'), 200)).toBeUndefined();
    expect(await s.sessions.getLiveParentSession(hash('token-other'), 150)).toBeUndefined();
    expect(await s.sessions.revokeParentSession('p1', 's1', 150)).toBe(true);
    expect(await s.sessions.getLiveParentSession(hash('token-s1'), 160)).toBeUndefined();

    await s.sessions.insertParentSession(session('s2', 'p2', 100, 200));
    await runRaw(s, `UPDATE accounts SET disabled_at = 5 WHERE id = ?`, 'p2');
    expect(await s.sessions.getLiveParentSession(hash('token-s2'), 150)).toBeUndefined();
  });

  it('refuses a second session with the same token hash or id, or for no parent', async () => {
    const s = t.store();
    await twoParents(s);
    await s.sessions.insertParentSession(session('s1', 'p1', 100, 200));
    await expect(
      s.sessions.insertParentSession({ ...session('s2', 'p1', 100, 200), tokenHash: hash('token-s1') }),
    ).rejects.toThrow();
    await expect(s.sessions.insertParentSession(session('s1', 'p2', 100, 200))).rejects.toThrow();
    await expect(s.sessions.insertParentSession(session('s3', 'nobody', 100, 200))).rejects.toThrow();
  });

  it('finds a live session by id', async () => {
    const s = t.store();
    await twoParents(s);
    await s.sessions.insertParentSession(session('s1', 'p1', 100, 200));
    expect(await s.sessions.getLiveParentSessionById('s1', 150)).toEqual({ sessionId: 's1', expiresAt: 200 });
    expect(await s.sessions.getLiveParentSessionById('s1', 200)).toBeUndefined();
    expect(await s.sessions.getLiveParentSessionById('nope', 150)).toBeUndefined();
    await s.sessions.revokeParentSession('p1', 's1', 150);
    expect(await s.sessions.getLiveParentSessionById('s1', 160)).toBeUndefined();
  });

  it('lists a parent’s live sessions, oldest first then by id', async () => {
    const s = t.store();
    await twoParents(s);
    await s.sessions.insertParentSession(session('s3', 'p1', 300, 1_000));
    await s.sessions.insertParentSession(session('sB', 'p1', 200, 1_000));
    await s.sessions.insertParentSession(session('sa', 'p1', 200, 1_000));
    await s.sessions.insertParentSession(session('s4', 'p1', 100, 400)); // expired at 500
    await s.sessions.insertParentSession(session('s5', 'p1', 100, 1_000)); // revoked
    await s.sessions.insertParentSession(session('s6', 'p2', 100, 1_000));
    await s.sessions.revokeParentSession('p1', 's5', 450);
    const live = await s.sessions.listLiveParentSessions('p1', 500);
    expect(live.map((r) => r.id)).toEqual(['sB', 'sa', 's3']);
    expect(live[0]).toEqual({ id: 'sB', parentId: 'p1', createdAt: 200, expiresAt: 1_000, revokedAt: null });
    expect(await s.sessions.listLiveParentSessions('nobody', 500)).toEqual([]);
  });

  it('revokes a session once, and only its own parent’s', async () => {
    const s = t.store();
    await twoParents(s);
    await s.sessions.insertParentSession(session('s1', 'p1', 100, 1_000));
    expect(await s.sessions.revokeParentSession('p2', 's1', 150)).toBe(false);
    expect(await s.sessions.revokeParentSession('p1', 'nope', 150)).toBe(false);
    expect(await s.sessions.revokeParentSession('p1', 's1', 150)).toBe(true);
    expect(await s.sessions.revokeParentSession('p1', 's1', 160)).toBe(false);
  });

  it('deletes expired and revoked sessions and says how many', async () => {
    const s = t.store();
    await twoParents(s);
    await s.sessions.insertParentSession(session('s1', 'p1', 100, 500)); // expires exactly now: goes
    await s.sessions.insertParentSession(session('s2', 'p1', 100, 501));
    await s.sessions.insertParentSession(session('s3', 'p2', 100, 1_000));
    await s.sessions.insertParentSession(session('s4', 'p2', 100, 300));
    await s.sessions.revokeParentSession('p2', 's3', 200);
    expect(await s.sessions.deleteExpiredParentSessions(500)).toBe(3);
    expect(await s.sessions.deleteExpiredParentSessions(500)).toBe(0);
    expect(await s.sessions.getLiveParentSessionById('s2', 500)).toEqual({ sessionId: 's2', expiresAt: 501 });
  });

  it('keeps one failure streak per email key: put replaces, clear forgets', async () => {
    const s = t.store();
    expect(await s.sessions.getSignInFailures('sam@example.org')).toBeUndefined();
    await s.sessions.putSignInFailures('sam@example.org', { failures: 1, lockedUntil: 0 }, 100);
    await s.sessions.putSignInFailures('sam@example.org', { failures: 6, lockedUntil: 30_100 }, 100);
    await s.sessions.putSignInFailures('alex@example.org', { failures: 2, lockedUntil: 0 }, 100);
    expect(await s.sessions.getSignInFailures('sam@example.org')).toEqual({ failures: 6, lockedUntil: 30_100 });
    // Keys are compared exactly: the service lower-cases them.
    expect(await s.sessions.getSignInFailures('Sam@example.org')).toBeUndefined();
    await s.sessions.clearSignInFailures('sam@example.org');
    await s.sessions.clearSignInFailures('nobody@example.org');
    expect(await s.sessions.getSignInFailures('sam@example.org')).toBeUndefined();
    expect(await s.sessions.getSignInFailures('alex@example.org')).toEqual({ failures: 2, lockedUntil: 0 });
  });

  it('forgets only streaks idle since `before` whose lock has ended', async () => {
    const s = t.store();
    await s.sessions.putSignInFailures('old@example.org', { failures: 3, lockedUntil: 50 }, 100);
    await s.sessions.putSignInFailures('locked@example.org', { failures: 9, lockedUntil: 10_000 }, 100);
    await s.sessions.putSignInFailures('recent@example.org', { failures: 1, lockedUntil: 0 }, 900);
    expect(await s.sessions.deleteIdleSignInFailures(100, 1_000)).toBe(1);
    expect(await s.sessions.getSignInFailures('old@example.org')).toBeUndefined();
    expect(await s.sessions.getSignInFailures('locked@example.org')).toBeDefined();
    expect(await s.sessions.getSignInFailures('recent@example.org')).toBeDefined();
    expect(await s.sessions.deleteIdleSignInFailures(100, 1_000)).toBe(0);
  });
});
