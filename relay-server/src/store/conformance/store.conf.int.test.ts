import { expect, it } from 'vitest';
import { describeStores } from './harness';

/** The store's own behaviour: transactions commit, roll back, nest as savepoints and serialise. */
describeStores('store transactions', (t) => {
  const parent = (id: string, email: string) => ({
    id,
    email,
    displayName: 'Sam',
    passwordHash: 'hash',
    createdAt: 1_000,
  });

  it('commits what the callback wrote', async () => {
    await t.store().transaction(async (tx) => tx.accounts.insertParent(parent('p1', 'a@example.org')));
    expect(await t.store().accounts.getParentById('p1')).toMatchObject({ id: 'p1', email: 'a@example.org' });
  });

  it('rolls everything back when the callback throws', async () => {
    await expect(
      t.store().transaction(async (tx) => {
        await tx.accounts.insertParent(parent('p1', 'a@example.org'));
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await t.store().accounts.getParentById('p1')).toBeUndefined();
  });

  it('a nested transaction that throws rolls back only itself', async () => {
    await t.store().transaction(async (tx) => {
      await tx.accounts.insertParent(parent('p1', 'a@example.org'));
      await expect(
        tx.transaction(async (inner) => {
          await inner.accounts.insertParent(parent('p2', 'b@example.org'));
          throw new Error('inner');
        }),
      ).rejects.toThrow('inner');
    });
    expect(await t.store().accounts.getParentById('p1')).toBeDefined();
    expect(await t.store().accounts.getParentById('p2')).toBeUndefined();
  });

  it('two transactions started together both commit', async () => {
    await Promise.all([
      t.store().transaction(async (tx) => tx.accounts.insertParent(parent('p1', 'a@example.org'))),
      t.store().transaction(async (tx) => tx.accounts.insertParent(parent('p2', 'b@example.org'))),
    ]);
    expect(await t.store().accounts.getParentById('p1')).toBeDefined();
    expect(await t.store().accounts.getParentById('p2')).toBeDefined();
  });
});
