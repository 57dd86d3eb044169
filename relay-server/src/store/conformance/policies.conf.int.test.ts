import { expect, it } from 'vitest';
import { describeStores } from './harness';
import { addChild, addConsent, addParent, sql } from './family-fixtures';

/**
 * The policies port (F15, issue 14): the versions a relay served and since when, and the consent
 * questions re-consent asks, on both adapters. Ids where byte order and a case-insensitive
 * collation disagree ('Zoe' < 'amy' in bytes) catch a sort that follows the database's locale.
 */
describeStores('policies port', (t) => {
  const store = () => t.store();

  /** Parents Amy ('amy') and Zoe ('Zoe'); children 'kid' and 'Kid2' of amy's, both guardians of 'kid'. */
  async function family(): Promise<void> {
    await addParent(store(), 'amy', 'Amy');
    await addParent(store(), 'Zoe', 'Zoe');
    await addChild(store(), 'kid', 'Kid', 'amy');
    await addChild(store(), 'Kid2', 'Kid Two', 'amy');
    await store().family.insertGuardian('kid', 'amy', 1_000, null);
    await store().family.insertGuardian('kid', 'Zoe', 1_000, 'amy');
    await store().family.insertGuardian('Kid2', 'amy', 1_000, null);
  }

  it('keeps the first time a version was served, whatever later starts say', async () => {
    const p = store().policies;
    expect(await p.notePolicySeen('v1', 1_000)).toBe(1_000);
    expect(await p.notePolicySeen('v1', 9_000)).toBe(1_000);
    expect(await p.notePolicySeen('v2', 5_000)).toBe(5_000);
    const rows = await sql(store(), `SELECT version, first_seen_at AS at FROM policy_versions ORDER BY version`);
    expect(rows).toEqual([
      { version: 'v1', at: 1_000 },
      { version: 'v2', at: 5_000 },
    ]);
  });

  it('lists the children whose guardian consented to an earlier version and not yet to this one, in byte order', async () => {
    await family();
    const p = store().policies;
    expect(await p.childrenAwaitingReconsent('amy', 'v2')).toEqual([]);
    await addConsent(store(), { id: 'c1', parentId: 'amy', childId: 'kid', policyVersion: 'v1' });
    await addConsent(store(), { id: 'c2', parentId: 'amy', childId: 'Kid2', policyVersion: 'v1' });
    expect(await p.childrenAwaitingReconsent('amy', 'v2')).toEqual(['Kid2', 'kid']);
    // Zoe never consented: she is not asked again (nothing to renew).
    expect(await p.childrenAwaitingReconsent('Zoe', 'v2')).toEqual([]);
    await addConsent(store(), { id: 'c3', parentId: 'amy', childId: 'kid', policyVersion: 'v2' });
    expect(await p.childrenAwaitingReconsent('amy', 'v2')).toEqual(['Kid2']);
    // A withdrawn consent is nothing to renew.
    await sql(store(), `UPDATE consents SET withdrawn_at = 7000 WHERE id = 'c2'`);
    expect(await p.childrenAwaitingReconsent('amy', 'v2')).toEqual([]);
  });

  it("says whether a current guardian's consent to any version stands", async () => {
    await family();
    const p = store().policies;
    expect(await p.consentToAnyVersionStands('kid')).toBe(false);
    await addConsent(store(), { id: 'c1', parentId: 'Zoe', childId: 'kid', policyVersion: 'v1', withdrawnAt: 900 });
    expect(await p.consentToAnyVersionStands('kid')).toBe(false);
    await addConsent(store(), { id: 'c2', parentId: 'Zoe', childId: 'kid', policyVersion: 'v1' });
    expect(await p.consentToAnyVersionStands('kid')).toBe(true);
    await store().family.deleteGuardian('kid', 'Zoe');
    expect(await p.consentToAnyVersionStands('kid')).toBe(false);
  });

  it("gives a child's consent history newest first, with who, how and when withdrawn", async () => {
    await family();
    await addConsent(store(), { id: 'c1', parentId: 'amy', childId: 'kid', policyVersion: 'v1', withdrawnAt: 6_000 });
    await sql(
      store(),
      `INSERT INTO consents (id, parent_id, child_id, policy_version, method, given_at) VALUES ('c2', 'Zoe', 'kid', 'v2', 'typed-signature', 8000)`,
    );
    await addConsent(store(), { id: 'c3', parentId: 'amy', childId: 'Kid2', policyVersion: 'v1' });
    expect(await store().policies.consentHistory('kid')).toEqual([
      {
        consentId: 'c2',
        parentId: 'Zoe',
        displayName: 'Zoe',
        policyVersion: 'v2',
        method: 'typed-signature',
        givenAt: 8_000,
        withdrawnAt: null,
      },
      {
        consentId: 'c1',
        parentId: 'amy',
        displayName: 'Amy',
        policyVersion: 'v1',
        method: 'checkbox',
        givenAt: 5_000,
        withdrawnAt: 6_000,
      },
    ]);
    expect(await store().policies.consentHistory('nobody')).toEqual([]);
  });
});
