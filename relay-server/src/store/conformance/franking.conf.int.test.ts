import { ulid } from 'ulid';
import type { AccountId } from '@hearth/common';
import { expect, it } from 'vitest';
import { contentDigest, frankMac, frankingKey } from '../../franking/frank';
import { FRANK_RETENTION_MS, sweepFranks } from '../../franking/retention';
import { verifyReportMessage } from '../../franking/verify';
import { describeStores } from './harness';

const macOf = (n: number): Buffer => Buffer.alloc(32, n);
const DAY = 24 * 60 * 60_000;

/** Message franking (F11): id, MAC and time only; several MACs per id; the 30-day sweep; verification on each store. */
describeStores('franking port', (t) => {
  it('keeps a record once, lists every MAC of an id, and nothing of another id', async () => {
    const f = t.store().franking;
    const id = ulid();
    await f.insertFrank(id, macOf(1), 1_000);
    await f.insertFrank(id, macOf(1), 1_000);
    expect((await f.listFrankMacs(id)).map((b) => Buffer.from(b))).toStrictEqual([macOf(1)]);
    await f.insertFrank(id, macOf(2), 9_000);
    const both = (await f.listFrankMacs(id)).map((b) => Buffer.from(b).toString('hex')).sort();
    expect(both).toStrictEqual([macOf(1).toString('hex'), macOf(2).toString('hex')]);
    expect(await f.listFrankMacs(ulid())).toStrictEqual([]);
  });

  it('deletes records made at or before the cutoff, at most `limit` a call', async () => {
    const f = t.store().franking;
    const ids = [ulid(), ulid(), ulid(), ulid()];
    for (const [i, id] of ids.entries()) await f.insertFrank(id, macOf(i), 1_000 * (i + 1));
    expect(await f.deleteFranksUpTo(2_000, 1)).toBe(1);
    expect(await f.deleteFranksUpTo(2_000, 10)).toBe(1);
    expect(await f.deleteFranksUpTo(2_000, 10)).toBe(0);
    expect(await f.listFrankMacs(ids[1] as string)).toStrictEqual([]);
    expect(await f.listFrankMacs(ids[2] as string)).toHaveLength(1);
  });

  it('sweeps what is 30 days old on the given clock, and keeps what is younger', async () => {
    const start = Date.UTC(2026, 10, 2);
    const [old, young] = [ulid(), ulid()];
    await t.store().franking.insertFrank(old, macOf(1), start);
    await t.store().franking.insertFrank(young, macOf(2), start + DAY);
    const at = (now: number) => ({ store: t.store(), now: () => now });
    expect(await sweepFranks(at(start + FRANK_RETENTION_MS - 1))).toBe(0);
    expect(await sweepFranks(at(start + FRANK_RETENTION_MS))).toBe(1);
    expect(await t.store().franking.listFrankMacs(old)).toStrictEqual([]);
    expect(await t.store().franking.listFrankMacs(young)).toHaveLength(1);
  });

  it("confirms a raw message against the relay's record, and nothing else", async () => {
    const ctx = { store: t.store(), now: () => 5_000 };
    const id = ulid();
    const [from, to] = [ulid() as AccountId, ulid() as AccountId];
    const content = { kind: 'text', text: 'see you at the park' };
    const sentAt = 4_000;
    const key = await frankingKey(t.store(), 4_000);
    await t
      .store()
      .franking.insertFrank(id, frankMac(key, { id, from, to, sentAt, contentSha256: contentDigest(content) }), sentAt);
    const raw = JSON.stringify({ id, from, to, sentAt, content });
    const m = { id, from, to, sentAt, raw, shown: JSON.stringify(content) };
    expect(await verifyReportMessage(ctx, m)).toBe('confirmed');
    expect(await verifyReportMessage(ctx, { ...m, raw: raw.replace('park', 'pork') })).toBe('not-confirmed');
    expect(await verifyReportMessage(ctx, { ...m, to: from, raw: JSON.stringify({ id, from, to: from, sentAt, content }) })).toBe(
      'not-confirmed',
    );
  });
});
