/**
 * The daily summary from the family PC (issue 14, F10) through the IPC contract, against a real
 * relay, on a hand-moved PC clock (nothing waits for a timer). Mia and Max share a PC; a guardian
 * switches Mia's summary on and leaves Max's off. Mia's day: three messages sent (two to her
 * grown-up, one to her friend Leo), one received, one five-minute call, twenty minutes in Hearth.
 * The first run after her day ended sends the counts once to her guardian, labelled with the PC's
 * name; parent mode on the guardian's own PC lists it; no word and no name travels; Max's never goes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayBounds, type ChildId, type HearthApi } from '@hearth/common';
import {
  befriend,
  must,
  RELAY_PASSWORD,
  setUpFamily,
  startTestDesktop,
  TEST_PASSWORD,
  type TestDesktop,
} from '@hearth/test-kit/desktop';
import { createClosers } from '@hearth/test-kit/closers';
import { waitFor } from '@hearth/test-kit/ports';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { allOutbox } from '../db/child/queries/outbox';

const MIN = 60_000;
const HOUR = 60 * MIN;
const ZONE = 'Europe/London'; // the test PCs' zone (test-kit's device info)
const SECRET = 'pineapple-secret';

/**
 * Yesterday in London: the day whose counts go, and the PC clock that walks through it and after.
 * Yesterday, so that the PC's clock never runs ahead of the relay's (a grown-up's session would
 * look expired to a PC many hours ahead, as "today at 10:00" is just after midnight).
 */
const day = dayBounds(ZONE, Date.now() - 24 * HOUR);
let pcNow = day.start + 10 * HOUR;

let relay: TestRelay;
let kidsPc: TestDesktop;
let friendPc: TestDesktop;
let parentPc: TestDesktop;
let mia: Awaited<ReturnType<typeof setUpFamily>>;
let maxId: ChildId;
let guardianId: string;
let leoId: string;
const started = createClosers();

const guardianOf = async (api: HearthApi): Promise<string> => {
  const g = must(await api.listFriends()).friends.find((f) => f.friendship.friend.familyRole === 'guardian');
  if (!g) throw new Error('no guardian among the contacts');
  return g.friendship.friend.accountId;
};
const text = (api: HearthApi, contactId: string, words: string) =>
  api.sendMessage({ contactId, content: { kind: 'text', text: words } }).then(must);
const summariesOnParentPc = async (childId: string) =>
  must(await parentPc.api.listDailySummariesAsMe({ childId: childId as ChildId })).summaries;

beforeAll(async () => {
  relay = started.add(await startTestRelay(), () => relay.dispose());
  kidsPc = await startTestDesktop(relay.url, { now: () => pcNow });
  started.add(kidsPc, () => kidsPc.close());
  friendPc = await startTestDesktop(relay.url);
  started.add(friendPc, () => friendPc.close());
  parentPc = await startTestDesktop(relay.url);
  started.add(parentPc, () => parentPc.close());

  mia = await setUpFamily(kidsPc.api, 'Mia');
  const leo = await setUpFamily(friendPc.api, 'Leo');
  leoId = leo.childId;
  const policy = must(await kidsPc.api.getPolicy());
  const created = must(
    await kidsPc.api.createChild({
      displayName: 'Max',
      username: `max${Date.now().toString(36)}`,
      consent: { policyVersion: policy.version, method: 'checkbox', agreed: true },
    }),
  );
  maxId = created.child.childId;
  await befriend(kidsPc.api, mia.childId, friendPc.api, leo.childId);

  // The guardian's own PC, in parent mode.
  must(await parentPc.api.signInParent({ email: mia.parentEmail, password: RELAY_PASSWORD }));
  must(await parentPc.api.setParentPassword({ password: TEST_PASSWORD }));
  const me = must(await parentPc.api.startParentMode({ email: mia.parentEmail, password: RELAY_PASSWORD })).childId;
  must(await parentPc.api.selectProfile({ childId: me }));
  await waitFor(() => parentPc.core.sync.connectionState(me) === 'online', 10_000, 'parent mode online');
}, 90_000);

afterAll(() => started.closeAll());

describe('the daily summary from the family PC', () => {
  it('is on for Mia only when a guardian says so, and Mia’s own PC can read it', async () => {
    must(await kidsPc.api.selectProfile({ childId: mia.childId }));
    expect(must(await kidsPc.api.getMyDailySummary())).toEqual({ enabled: false });
    must(await kidsPc.api.setDailySummary({ childId: mia.childId, enabled: true }));
    expect(must(await kidsPc.api.getMyDailySummary())).toEqual({ enabled: true });
    must(await kidsPc.api.selectProfile({ childId: maxId }));
    expect(must(await kidsPc.api.getMyDailySummary())).toEqual({ enabled: false });
  });

  it('counts Mia’s day and sends it once, the first time the app runs after her day ended, to her guardian only', async () => {
    // Max's day: one message to his grown-up (his summary is off).
    must(await kidsPc.api.selectProfile({ childId: maxId }));
    await text(kidsPc.api, await guardianOf(kidsPc.api), `Max: ${SECRET}`);

    // Mia's day, from 10:00 to 10:20 on this PC.
    must(await kidsPc.api.selectProfile({ childId: mia.childId }));
    guardianId = await guardianOf(kidsPc.api);
    await text(kidsPc.api, guardianId, `Hi! ${SECRET}`);
    await text(kidsPc.api, guardianId, 'Are we there yet?');
    await text(kidsPc.api, leoId, `Leo, ${SECRET}`);
    must(await friendPc.api.selectProfile({ childId: leoId }));
    await text(friendPc.api, mia.childId, 'Hello Mia');
    await waitFor(
      async () => must(await kidsPc.api.listMessages({ contactId: leoId, limit: 10 })).messages.some((m) => m.direction === 'in'),
      10_000,
      'Leo’s message on Mia’s PC',
    );
    // A five-minute call, logged as it ends (a call is never logged before it ended).
    pcNow += 5 * MIN;
    must(
      await kidsPc.api.recordCall({
        contactId: leoId,
        direction: 'out',
        video: true,
        startedAt: pcNow - 5 * MIN,
        endedAt: pcNow,
        outcome: 'answered',
      }),
    );
    pcNow += 15 * MIN;
    must(await kidsPc.api.leaveProfile());

    // The day before went when the app first ran with the summary on (a day with nothing: zeros); today's is not due yet.
    const before = dayBounds(ZONE, day.start - 1).key;
    expect(await kidsPc.core.dailySummaries.runDue()).toEqual([{ childId: mia.childId, day: before, guardians: 1 }]);
    expect(await kidsPc.core.dailySummaries.runDue()).toEqual([]);

    // The next morning, the app runs: Mia's day goes, once.
    pcNow = day.end + 8 * HOUR;
    expect(await kidsPc.core.dailySummaries.runDue()).toEqual([{ childId: mia.childId, day: day.key, guardians: 1 }]);
    expect(await kidsPc.core.dailySummaries.runDue()).toEqual([]);
    pcNow = day.end + 20 * HOUR;
    expect(await kidsPc.core.dailySummaries.runDue()).toEqual([]);

    const listed = await waitFor(
      async () => ((await summariesOnParentPc(mia.childId)).length === 2 ? summariesOnParentPc(mia.childId) : null),
      10_000,
      'the summaries on the guardian’s own PC',
    );
    // Newest day first, one per day.
    expect(listed.map((s) => s.summary.day)).toEqual([day.key, before]);
    const got = listed[0];
    expect(listed[1]?.summary).toMatchObject({ sent: 0, received: 0, calls: 0, minutesInHearth: 0, people: 0 });
    expect(got?.summary).toEqual({
      kind: 'daily-summary',
      day: day.key,
      pcName: "Mia's PC",
      minutesInHearth: 20,
      sent: 3,
      received: 1,
      calls: 1,
      callMinutes: 5,
      games: 0,
      people: 2,
    });
    // Counts only: no word the child wrote, no contact's name.
    expect(JSON.stringify(got)).not.toMatch(new RegExp(`${SECRET}|Leo|Hello|there yet`));

    // Sent to the guardian alone, and the summary itself is not counted as a message Mia sent.
    must(await kidsPc.api.unlock({ password: TEST_PASSWORD }));
    const outgoing = must(await kidsPc.api.getChildActivityDetail({ childId: mia.childId })).days.find((d) => d.day === day.key);
    expect(outgoing?.sent).toBe(3);
    const { db } = kidsPc.core.stores.get(mia.childId);
    await waitFor(() => allOutbox(db).length === 0, 10_000, 'the outbox emptied');
    must(await kidsPc.api.selectProfile({ childId: mia.childId }));
    const toGuardian = must(await kidsPc.api.listMessages({ contactId: guardianId, limit: 10 })).messages;
    // Mia sees in her own chat with her grown-up exactly what went (one per day, newest first).
    const shown = toGuardian.filter((m) => m.content.kind === 'daily-summary');
    expect(shown.map((m) => [m.direction, m.content.kind === 'daily-summary' && m.content.day])).toEqual([
      ['out', day.key],
      ['out', before],
    ]);
    const toLeo = must(await kidsPc.api.listMessages({ contactId: leoId, limit: 10 })).messages;
    expect(toLeo.some((m) => m.content.kind === 'daily-summary')).toBe(false);
  });

  it('never sends Max’s (his is off), and the next day sends Mia’s next day', async () => {
    expect(await summariesOnParentPc(maxId)).toEqual([]);
    expect(allOutbox(kidsPc.core.stores.get(maxId).db)).toEqual([]);
    pcNow = day.end + 24 * HOUR + 9 * HOUR;
    const next = dayBounds(ZONE, day.end + HOUR).key;
    expect(await kidsPc.core.dailySummaries.runDue()).toEqual([{ childId: mia.childId, day: next, guardians: 1 }]);
    const all = await waitFor(
      async () => ((await summariesOnParentPc(mia.childId)).length === 3 ? summariesOnParentPc(mia.childId) : null),
      10_000,
      'the next day’s summary',
    );
    expect(all.map((s) => s.summary.day)[0]).toBe(next);
    expect(all[0]?.summary).toMatchObject({ sent: 0, received: 0, calls: 0, minutesInHearth: 0, people: 0 });
  });

  it('is listed only in parent mode: a child’s profile cannot read it', async () => {
    must(await kidsPc.api.selectProfile({ childId: mia.childId }));
    expect(await kidsPc.api.listDailySummariesAsMe({ childId: mia.childId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
