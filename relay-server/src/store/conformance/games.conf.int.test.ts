import { beforeEach, expect, it } from 'vitest';
import { describeStores } from './harness';
import { seedChild, seedParent } from './social-fixtures';

/** The games switch (issue 16): on by default, off and on per child, gone with the child. */
describeStores('games port', (t) => {
  beforeEach(async () => {
    await seedParent(t.store(), 'p1');
    await seedChild(t.store(), 'c1', 'p1');
    await seedChild(t.store(), 'c2', 'p1');
  });

  it('is on by default, turned off for one child only (twice is fine), and on again', async () => {
    const g = t.store().games;
    expect(await g.areGamesOff('c1')).toBe(false);
    await g.setGamesOff('c1', { by: 'p1', now: 1_000 });
    await g.setGamesOff('c1', { by: 'p1', now: 2_000 });
    expect(await g.areGamesOff('c1')).toBe(true);
    expect(await g.areGamesOff('c2')).toBe(false);
    await g.setGamesOff('c1', null);
    await g.setGamesOff('c1', null);
    expect(await g.areGamesOff('c1')).toBe(false);
  });

  it('refuses the switch for an account that is not a child', async () => {
    await expect(t.store().games.setGamesOff('p1', { by: 'p1', now: 1_000 })).rejects.toThrow();
    await expect(t.store().games.setGamesOff('nobody', { by: 'p1', now: 1_000 })).rejects.toThrow();
  });

  it('goes with a deleted child', async () => {
    const s = t.store();
    await s.games.setGamesOff('c1', { by: 'p1', now: 1_000 });
    expect(await s.family.deleteChildAccount('c1')).toBe(true);
    expect(await s.games.areGamesOff('c1')).toBe(false);
    await seedChild(s, 'c1', 'p1');
    expect(await s.games.areGamesOff('c1')).toBe(false);
  });
});
