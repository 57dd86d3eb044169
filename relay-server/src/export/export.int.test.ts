import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChildRelayExport } from '@hearth/common';
import { Value } from 'typebox/value';
import { api, befriend, buildTestApp, createFamily, expectStatus, type TestFamily, type TestRelay } from '../../test/helpers';
import { addGrownUp } from '../../test/family-helpers';

/**
 * The family's export (issue 15 §4): what the relay holds about a child, for the child's guardians
 * only. The matrix rows (trusted grown-ups, other families, the child, anonymous) are in the
 * authorization matrices; here, what the answer holds.
 */
let relay: TestRelay;
let a: TestFamily;
let b: TestFamily;

beforeEach(async () => {
  relay = await buildTestApp();
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  await befriend(relay.app, a, b);
});

afterEach(async () => {
  await relay.close();
});

const exportOf = (token: string, childId: string) => api(relay.app, 'GET', `/v1/children/${childId}/export`, { token });

describe('GET /v1/children/:id/export', () => {
  it('gives a guardian the child, consents, grown-ups, friends, PCs and settings, valid by the shared schema', async () => {
    const body = expectStatus(await exportOf(a.parent.token, a.child.childId), 200);
    expect(Value.Check(ChildRelayExport, body)).toBe(true);
    const e = body as ChildRelayExport;
    expect(e.child.childId).toBe(a.child.childId);
    expect(e.consents.entries.length).toBeGreaterThan(0);
    expect(e.grownUps.guardians.map((g) => g.parentId)).toEqual([a.parent.parentId]);
    expect(e.friendships.some((f) => f.friend.accountId === b.child.childId && f.status === 'active')).toBe(true);
    expect(e.devices.map((d) => d.deviceId)).toEqual([a.deviceId]);
    expect(e.dailySummary).toEqual({ enabled: false });
  });

  it('says nothing about another family’s child, nor to a trusted grown-up', async () => {
    const other = await exportOf(a.parent.token, b.child.childId);
    expect(other.status).toBe(404);
    const trusted = await addGrownUp(relay.app, a.parent.token, 'trusted', [a.child.childId]);
    expect((await exportOf(trusted.token, a.child.childId)).status).toBe(404);
    expect((await exportOf(a.childToken, a.child.childId)).status).toBe(403);
  });
});
