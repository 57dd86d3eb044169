import { beforeEach, expect, it } from 'vitest';
import { describeStores } from './harness';
import { seedChild, seedParent } from './social-fixtures';

/** The daily summary's opt-in (issue 14): off by default, on and off per child, gone with the child. */
describeStores('summaries port', (t) => {
  beforeEach(async () => {
    await seedParent(t.store(), 'p1');
    await seedChild(t.store(), 'c1', 'p1');
    await seedChild(t.store(), 'c2', 'p1');
  });

  it('is off by default, switched on for one child only, and off again', async () => {
    const s = t.store().summaries;
    expect(await s.isDailySummaryOn('c1')).toBe(false);
    await s.setDailySummary('c1', { enabledBy: 'p1', now: 1_000 });
    await s.setDailySummary('c1', { enabledBy: 'p1', now: 2_000 });
    expect(await s.isDailySummaryOn('c1')).toBe(true);
    expect(await s.isDailySummaryOn('c2')).toBe(false);
    await s.setDailySummary('c1', null);
    await s.setDailySummary('c1', null);
    expect(await s.isDailySummaryOn('c1')).toBe(false);
  });

  it('refuses an opt-in for an account that is not a child', async () => {
    await expect(t.store().summaries.setDailySummary('p1', { enabledBy: 'p1', now: 1_000 })).rejects.toThrow();
    await expect(t.store().summaries.setDailySummary('nobody', { enabledBy: 'p1', now: 1_000 })).rejects.toThrow();
  });
});
