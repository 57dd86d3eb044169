import { expect, it } from 'vitest';
import type { Store } from '../port';
import { describeStores } from './harness';
import { runRaw } from './raw';

const parent = (id: string, email: string, createdAt = 1_000) => ({
  id,
  email,
  displayName: `Grown-up ${id}`,
  passwordHash: `hash-${id}`,
  createdAt,
});

const child = (id: string, parentId: string, username: string, createdAt = 2_000) => ({
  id,
  parentId,
  displayName: `Kid ${id}`,
  username,
  birthday: null,
  gender: null,
  avatar: null,
  createdAt,
});

/** A guardian row, as `family.insertGuardian` writes it (the family port has its own cases). */
const addGuardian = (store: Store, childId: string, parentId: string) =>
  runRaw(store, `INSERT INTO guardians (child_id, parent_id, added_at, added_by) VALUES (?, ?, 1, NULL)`, childId, parentId);

const disable = (store: Store, id: string) => runRaw(store, `UPDATE accounts SET disabled_at = 5 WHERE id = ?`, id);

describeStores('accounts port', (t) => {
  it('stores a parent and reads the whole row back by id', async () => {
    await t.store().accounts.insertParent(parent('p1', 'Sam@Example.org'));
    expect(await t.store().accounts.getParentById('p1')).toEqual({
      id: 'p1',
      email: 'Sam@Example.org',
      displayName: 'Grown-up p1',
      passwordHash: 'hash-p1',
      createdAt: 1_000,
      emailVerifiedAt: null,
    });
    expect(await t.store().accounts.getParentById('nobody')).toBeUndefined();
  });

  it('finds a parent by email whatever the ASCII letters’ case, keeping the case it was stored with', async () => {
    await t.store().accounts.insertParent(parent('p1', 'Sam@Example.org'));
    for (const typed of ['Sam@Example.org', 'sam@example.org', 'SAM@EXAMPLE.ORG']) {
      expect((await t.store().accounts.getParentByEmail(typed))?.email).toBe('Sam@Example.org');
    }
    expect(await t.store().accounts.getParentByEmail('sam@example.com')).toBeUndefined();
    expect(await t.store().accounts.getParentByEmail('sam@example.org ')).toBeUndefined();
  });

  it('folds only ASCII letters when looking an email up (SQLite NOCASE; PostgreSQL must not fold more)', async () => {
    // docs/postgres.md: lower() alone folds non-ASCII letters too. (The relay refuses such addresses
    // at its door, accounts.int.test.ts; a lookup by the operator's --email still meets this.)
    await t.store().accounts.insertParent(parent('p1', 'Ärger@Example.org'));
    await t.store().accounts.insertParent(parent('p2', 'kelvin@example.org'));
    expect((await t.store().accounts.getParentByEmail('Ärger@example.ORG'))?.id).toBe('p1');
    expect(await t.store().accounts.getParentByEmail('ärger@example.org')).toBeUndefined();
    // U+212A KELVIN SIGN lower-cases to an ASCII k in Unicode: still another address.
    expect(await t.store().accounts.getParentByEmail('\u212Aelvin@example.org')).toBeUndefined();
  });

  it('refuses a second parent with the same email in another ASCII case, and keeps no half account', async () => {
    await t.store().accounts.insertParent(parent('p1', 'sam@example.org'));
    await expect(t.store().accounts.insertParent(parent('p2', 'SAM@example.org'))).rejects.toThrow();
    await expect(t.store().accounts.insertParent(parent('p1', 'other@example.org'))).rejects.toThrow();
    expect(await t.store().accounts.getAccount('p2')).toBeUndefined();
    expect(await t.store().accounts.getParentByEmail('other@example.org')).toBeUndefined();
    expect((await t.store().accounts.getParentById('p1'))?.email).toBe('sam@example.org');
  });

  it('hides a disabled parent from every lookup', async () => {
    await t.store().accounts.insertParent(parent('p1', 'sam@example.org'));
    await disable(t.store(), 'p1');
    expect(await t.store().accounts.getParentByEmail('sam@example.org')).toBeUndefined();
    expect(await t.store().accounts.getParentById('p1')).toBeUndefined();
    expect(await t.store().accounts.getAccount('p1')).toBeUndefined();
  });

  it('stores a child and reads the whole row back', async () => {
    await t.store().accounts.insertParent(parent('p1', 'sam@example.org'));
    await t
      .store()
      .accounts.insertChild({ ...child('c1', 'p1', 'robin'), birthday: '2016-04-01', gender: 'girl', avatar: 'fox' });
    expect(await t.store().accounts.getChild('c1')).toEqual({
      id: 'c1',
      parentId: 'p1',
      displayName: 'Kid c1',
      username: 'robin',
      birthday: '2016-04-01',
      gender: 'girl',
      avatar: 'fox',
      createdAt: 2_000,
    });
    expect(await t.store().accounts.getChild('p1')).toBeUndefined();
    expect(await t.store().accounts.getChild('nobody')).toBeUndefined();
    await disable(t.store(), 'c1');
    expect(await t.store().accounts.getChild('c1')).toBeUndefined();
  });

  it('knows taken usernames exactly (case counts) and refuses a taken one without a half account', async () => {
    await t.store().accounts.insertParent(parent('p1', 'sam@example.org'));
    await t.store().accounts.insertChild(child('c1', 'p1', 'robin'));
    expect(await t.store().accounts.usernameExists('robin')).toBe(true);
    expect(await t.store().accounts.usernameExists('Robin')).toBe(false);
    expect(await t.store().accounts.usernameExists('robi')).toBe(false);
    await expect(t.store().accounts.insertChild(child('c2', 'p1', 'robin'))).rejects.toThrow();
    expect(await t.store().accounts.getAccount('c2')).toBeUndefined();
    await expect(t.store().accounts.insertChild(child('c3', 'nobody', 'kim'))).rejects.toThrow();
    expect(await t.store().accounts.getAccount('c3')).toBeUndefined();
  });

  it('lists the children a grown-up is a guardian of, oldest first then by id, without disabled ones', async () => {
    const s = t.store();
    await s.accounts.insertParent(parent('p1', 'sam@example.org'));
    await s.accounts.insertParent(parent('p2', 'alex@example.org'));
    await s.accounts.insertChild(child('c3', 'p1', 'kim', 3_000));
    await s.accounts.insertChild(child('cB', 'p1', 'lou', 2_000));
    await s.accounts.insertChild(child('ca', 'p1', 'max', 2_000));
    await s.accounts.insertChild(child('c4', 'p2', 'ned', 1_000));
    await s.accounts.insertChild(child('c5', 'p1', 'ola', 1_000));
    for (const id of ['c3', 'cB', 'ca', 'c5']) await addGuardian(s, id, 'p1');
    await addGuardian(s, 'c4', 'p2');
    await addGuardian(s, 'c4', 'p1'); // a second guardian: listed for both
    await disable(s, 'c5');
    expect((await s.accounts.listChildrenOfParent('p1')).map((c) => c.id)).toEqual(['c4', 'cB', 'ca', 'c3']);
    expect((await s.accounts.listChildrenOfParent('p2')).map((c) => c.id)).toEqual(['c4']);
    expect(await s.accounts.listChildrenOfParent('nobody')).toEqual([]);
    expect((await s.accounts.listChildrenOfParent('p2'))[0]).toEqual(await s.accounts.getChild('c4'));
  });

  it('changes only the fields a patch names; null clears one', async () => {
    const s = t.store();
    await s.accounts.insertParent(parent('p1', 'sam@example.org'));
    await s.accounts.insertChild({ ...child('c1', 'p1', 'robin'), birthday: '2016-04-01', gender: 'girl', avatar: 'fox' });
    await s.accounts.updateChild('c1', {});
    expect(await s.accounts.getChild('c1')).toMatchObject({ displayName: 'Kid c1', birthday: '2016-04-01', gender: 'girl' });
    await s.accounts.updateChild('c1', { displayName: 'Robin', gender: null });
    expect(await s.accounts.getChild('c1')).toMatchObject({
      displayName: 'Robin',
      birthday: '2016-04-01',
      gender: null,
      avatar: 'fox',
    });
    await s.accounts.updateChild('c1', { birthday: null, avatar: 'owl' });
    expect(await s.accounts.getChild('c1')).toMatchObject({ displayName: 'Robin', birthday: null, gender: null, avatar: 'owl' });
    await s.accounts.updateChild('nobody', { displayName: 'X', avatar: 'owl' });
    expect(await s.accounts.getAccount('nobody')).toBeUndefined();
  });

  it('reads any account: a parent has no parentId or avatar, a child has both', async () => {
    const s = t.store();
    await s.accounts.insertParent(parent('p1', 'sam@example.org'));
    await s.accounts.insertChild({ ...child('c1', 'p1', 'robin'), avatar: 'fox' });
    expect(await s.accounts.getAccount('p1')).toEqual({
      id: 'p1',
      kind: 'parent',
      displayName: 'Grown-up p1',
      parentId: null,
      avatar: null,
    });
    expect(await s.accounts.getAccount('c1')).toEqual({
      id: 'c1',
      kind: 'child',
      displayName: 'Kid c1',
      parentId: 'p1',
      avatar: 'fox',
    });
    expect(await s.accounts.getAccount('nobody')).toBeUndefined();
  });

  it('records consents and lists a parent’s, oldest first then by id', async () => {
    const s = t.store();
    await s.accounts.insertParent(parent('p1', 'sam@example.org'));
    await s.accounts.insertParent(parent('p2', 'alex@example.org'));
    const consent = (consentId: string, parentId: string, givenAt: number) => ({
      consentId,
      parentId,
      childId: 'c-gone', // consents outlive their child: no key to children
      policyVersion: '2026-01-01',
      method: 'checkbox',
      givenAt,
    });
    await s.accounts.insertConsent(consent('k3', 'p1', 30));
    await s.accounts.insertConsent(consent('kB', 'p1', 20));
    await s.accounts.insertConsent(consent('ka', 'p1', 20));
    await s.accounts.insertConsent(consent('k9', 'p2', 10));
    expect(await s.accounts.listConsents('p1')).toEqual([
      consent('kB', 'p1', 20),
      consent('ka', 'p1', 20),
      consent('k3', 'p1', 30),
    ]);
    expect(await s.accounts.listConsents('nobody')).toEqual([]);
    await expect(s.accounts.insertConsent(consent('k3', 'p1', 40))).rejects.toThrow();
    // Consents outlive the grown-up too (issue 15 §3, migration 21): no key to parents.
    await s.accounts.insertConsent(consent('k4', 'gone', 40));
    expect((await s.accounts.listConsents('gone')).map((c) => c.consentId)).toEqual(['k4']);
  });
});
