import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import type { CodePurpose } from '../../email/queries';
import type { Store } from '../port';
import { describeStores } from './harness';
import { runRaw } from './raw';

const codeHash = (id: string): Buffer => createHash('sha256').update(`${id}:123456`).digest();

const code = (
  id: string,
  createdAt: number,
  extra: Partial<{ purpose: CodePurpose; accountId: string; emailKey: string }> = {},
) => ({
  id,
  purpose: extra.purpose ?? ('verify' as CodePurpose),
  emailKey: extra.emailKey ?? 'sam@example.org',
  accountId: extra.accountId ?? 'p1',
  codeHash: codeHash(id),
  sentBy: 'email' as const,
  createdAt,
  expiresAt: createdAt + 1_000,
});

async function parents(store: Store): Promise<void> {
  await store.accounts.insertParent({ id: 'p1', email: 'Sam@example.org', displayName: 'Sam', passwordHash: 'h1', createdAt: 1 });
  await store.accounts.insertParent({
    id: 'p2',
    email: 'alex@example.org',
    displayName: 'Alex',
    passwordHash: 'h2',
    createdAt: 1,
  });
}

describeStores('email port', (t) => {
  it('gives the newest live code of a purpose for an address, the whole row', async () => {
    const s = t.store();
    await parents(s);
    await s.email.insertEmailCode(code('e1', 100));
    await s.email.insertEmailCode(code('e2', 200));
    await s.email.insertEmailCode(code('e3', 300, { purpose: 'reset' }));
    expect(await s.email.getLiveCode('sam@example.org', 'verify', 250, 5)).toEqual({
      ...code('e2', 200),
      usedAt: null,
      attempts: 0,
    });
    expect((await s.email.getLiveCode('sam@example.org', 'reset', 350, 5))?.id).toBe('e3');
    expect(await s.email.getLiveCode('Sam@example.org', 'verify', 250, 5)).toBeUndefined();
    expect(await s.email.getLiveCode('alex@example.org', 'verify', 250, 5)).toBeUndefined();
  });

  it('breaks a tie of times by the larger id', async () => {
    const s = t.store();
    await parents(s);
    await s.email.insertEmailCode(code('eB', 100));
    await s.email.insertEmailCode(code('ea', 100));
    expect((await s.email.getLiveCode('sam@example.org', 'verify', 150, 5))?.id).toBe('ea');
  });

  it('skips expired, used and worn-out codes', async () => {
    const s = t.store();
    await parents(s);
    await s.email.insertEmailCode(code('e1', 100)); // expires at 1_100
    expect((await s.email.getLiveCode('sam@example.org', 'verify', 1_099, 5))?.id).toBe('e1');
    expect(await s.email.getLiveCode('sam@example.org', 'verify', 1_100, 5)).toBeUndefined();
    await s.email.countWrongTry('e1');
    await s.email.countWrongTry('e1');
    expect((await s.email.getLiveCode('sam@example.org', 'verify', 500, 5))?.attempts).toBe(2);
    expect(await s.email.getLiveCode('sam@example.org', 'verify', 500, 2)).toBeUndefined();
    expect(await s.email.useCode('e1', 600)).toBe(true);
    expect(await s.email.useCode('e1', 700)).toBe(false);
    expect(await s.email.useCode('nope', 700)).toBe(false);
    expect(await s.email.getLiveCode('sam@example.org', 'verify', 800, 5)).toBeUndefined();
  });

  it('ends the live codes of one account and purpose only', async () => {
    const s = t.store();
    await parents(s);
    await s.email.insertEmailCode(code('e1', 100));
    await s.email.insertEmailCode(code('e2', 100, { purpose: 'reset' }));
    await s.email.insertEmailCode(code('e3', 100, { accountId: 'p2', emailKey: 'alex@example.org' }));
    await s.email.endLiveCodes('p1', 'verify', 200);
    expect(await s.email.getLiveCode('sam@example.org', 'verify', 300, 5)).toBeUndefined();
    expect((await s.email.getLiveCode('sam@example.org', 'reset', 300, 5))?.id).toBe('e2');
    expect((await s.email.getLiveCode('alex@example.org', 'verify', 300, 5))?.id).toBe('e3');
  });

  it('refuses a code for no account, and deletes codes expired or used by `before`', async () => {
    const s = t.store();
    await parents(s);
    await expect(s.email.insertEmailCode(code('e0', 100, { accountId: 'nobody' }))).rejects.toThrow();
    await s.email.insertEmailCode(code('e1', 0)); // expires 1_000
    await s.email.insertEmailCode(code('e2', 500)); // used at 900
    await s.email.insertEmailCode(code('e3', 600)); // live
    await s.email.useCode('e2', 900);
    expect(await s.email.deleteOldCodes(1_000)).toBe(2);
    expect(await s.email.deleteOldCodes(1_000)).toBe(0);
    expect((await s.email.getLiveCode('sam@example.org', 'verify', 1_000, 5))?.id).toBe('e3');
  });

  it('counts sends to an address after `since`, and deletes those up to `before`', async () => {
    const s = t.store();
    expect(await s.email.countSends('sam@example.org', 0)).toBe(0);
    await s.email.recordSend('sam@example.org', 100);
    await s.email.recordSend('sam@example.org', 100); // two at once both count
    await s.email.recordSend('sam@example.org', 200);
    await s.email.recordSend('alex@example.org', 200);
    expect(await s.email.countSends('sam@example.org', 99)).toBe(3);
    expect(await s.email.countSends('sam@example.org', 100)).toBe(1);
    expect(await s.email.deleteOldSends(100)).toBe(2);
    expect(await s.email.countSends('sam@example.org', 0)).toBe(1);
  });

  it('marks an email verified the first time only', async () => {
    const s = t.store();
    await parents(s);
    expect(await s.email.isEmailVerified('p1')).toBe(false);
    expect(await s.email.setEmailVerified('p1', 100)).toBe(true);
    expect(await s.email.setEmailVerified('p1', 200)).toBe(true);
    expect(await s.email.isEmailVerified('p1')).toBe(true);
    expect((await s.accounts.getParentById('p1'))?.emailVerifiedAt).toBe(100);
    expect(await s.email.isEmailVerified('p2')).toBe(false);
    expect(await s.email.setEmailVerified('nobody', 100)).toBe(false);
    expect(await s.email.isEmailVerified('nobody')).toBe(false);
  });

  it('tells a grown-up in a family (guardian or trusted) from one in none', async () => {
    const s = t.store();
    await parents(s);
    await s.accounts.insertChild({
      id: 'c1',
      parentId: 'p1',
      displayName: 'Robin',
      username: 'robin',
      birthday: null,
      gender: null,
      avatar: null,
      createdAt: 1,
    });
    expect(await s.email.isInAFamily('p1')).toBe(false);
    await runRaw(s, `INSERT INTO guardians (child_id, parent_id, added_at, added_by) VALUES (?, ?, 1, NULL)`, 'c1', 'p1');
    expect(await s.email.isInAFamily('p1')).toBe(true);
    expect(await s.email.isInAFamily('p2')).toBe(false);
    await runRaw(
      s,
      `INSERT INTO trusted_grown_ups (child_id, parent_id, avatar, added_at, added_by) VALUES (?, ?, NULL, 1, ?)`,
      'c1',
      'p2',
      'p1',
    );
    expect(await s.email.isInAFamily('p2')).toBe(true);
    expect(await s.email.isInAFamily('nobody')).toBe(false);
  });

  it('sets a password hash and a display name', async () => {
    const s = t.store();
    await parents(s);
    await s.email.setPasswordHash('p1', 'new-hash');
    await s.email.setParentDisplayName('p1', 'Samantha');
    expect(await s.accounts.getParentById('p1')).toMatchObject({ passwordHash: 'new-hash', displayName: 'Samantha' });
    expect(await s.accounts.getParentById('p2')).toMatchObject({ passwordHash: 'h2', displayName: 'Alex' });
  });

  it('revokes every live session of a parent and returns their ids in order', async () => {
    const s = t.store();
    await parents(s);
    const session = (id: string, parentId: string) => ({
      id,
      parentId,
      tokenHash: createHash('sha256').update(id).digest(),
      createdAt: 1,
      expiresAt: 1_000,
    });
    for (const id of ['sC', 'sa', 'sB', 'sd']) await s.sessions.insertParentSession(session(id, 'p1'));
    await s.sessions.insertParentSession(session('sx', 'p2'));
    await s.sessions.revokeParentSession('p1', 'sd', 50);
    expect(await s.email.revokeAllParentSessions('p1', 100)).toEqual(['sB', 'sC', 'sa']);
    expect(await s.sessions.listLiveParentSessions('p1', 100)).toEqual([]);
    expect((await s.sessions.listLiveParentSessions('p2', 100)).map((r) => r.id)).toEqual(['sx']);
    expect(await s.email.revokeAllParentSessions('p1', 200)).toEqual([]);
  });
});
