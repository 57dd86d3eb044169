import { expect, it } from 'vitest';
import { describeStores } from './harness';
import { addChild, addConsent, addParent, sql } from './family-fixtures';

/**
 * Deleting a grown-up's account (issue 15 §3), on both stores: their consent and withdrawal records
 * stay, ids only; a child they made who keeps another guardian is handed to that guardian; their
 * name leaves the other grown-ups' notices (by their id and about them), ids stay.
 */
describeStores('deleting a grown-up account', (t) => {
  it('keeps their consent records, hands the child on and takes their name out of notices', async () => {
    const s = t.store();
    await addParent(s, 'P-ANN', 'Ann');
    await addParent(s, 'P-BOB', 'Bob');
    await addChild(s, 'C-LOU', 'Lou', 'P-ANN');
    await s.family.insertGuardian('C-LOU', 'P-ANN', 2_000, null);
    await s.family.insertGuardian('C-LOU', 'P-BOB', 2_500, 'P-ANN');
    await addConsent(s, { id: 'K-ANN', parentId: 'P-ANN', childId: 'C-LOU', policyVersion: 'v1', withdrawnAt: 6_000 });
    await addConsent(s, { id: 'K-BOB', parentId: 'P-BOB', childId: 'C-LOU', policyVersion: 'v1' });
    const notice = { kind: 'guardian-added', childId: 'C-LOU', childName: 'Lou', at: 3_000 };
    await s.family.insertNotice(
      'P-BOB',
      { ...notice, id: 'N1', byName: 'Ann', byId: 'P-ANN', aboutId: 'P-BOB', aboutName: 'Bob' },
      0,
    );
    await s.family.insertNotice(
      'P-BOB',
      { ...notice, id: 'N2', byName: 'Bob', byId: 'P-BOB', aboutId: 'P-ANN', aboutName: 'Ann' },
      0,
    );

    expect(await s.moderation.deleteParentAccount('P-ANN')).toBe(true);

    expect(
      await sql(s, `SELECT id, parent_id, child_id, policy_version, method, given_at, withdrawn_at FROM consents ORDER BY id`),
    ).toEqual([
      {
        id: 'K-ANN',
        parent_id: 'P-ANN',
        child_id: 'C-LOU',
        policy_version: 'v1',
        method: 'checkbox',
        given_at: 5000,
        withdrawn_at: 6000,
      },
      {
        id: 'K-BOB',
        parent_id: 'P-BOB',
        child_id: 'C-LOU',
        policy_version: 'v1',
        method: 'checkbox',
        given_at: 5000,
        withdrawn_at: null,
      },
    ]);
    expect(await sql(s, `SELECT parent_id FROM children WHERE account_id = 'C-LOU'`)).toEqual([{ parent_id: 'P-BOB' }]);
    expect(await s.family.guardianIdsOf('C-LOU')).toEqual(['P-BOB']);
    const byId = new Map((await s.family.listNotices('P-BOB', 10)).map((n) => [n.id, n]));
    expect(byId.get('N1')).toMatchObject({ byName: null, aboutId: 'P-BOB', aboutName: 'Bob' });
    expect(byId.get('N2')).toMatchObject({ byName: 'Bob', aboutId: 'P-ANN', aboutName: null });
    expect(await sql(s, `SELECT id FROM accounts WHERE display_name = 'Ann'`)).toEqual([]);
  });
});
