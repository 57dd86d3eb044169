/**
 * Quiet time on the family PC (issue 14) through the IPC contract, against a real relay on a
 * hand-moved clock. The children's PC runs with its clock six hours ahead of the relay's: the
 * relay speaks in durations, main counts them on its monotonic clock, so the wrong clock lets
 * nothing through. The pane sets the week; the child's PC hears "quiet in 30 min", the relay
 * refuses what the child sends (held in the outbox, "waits for morning"), holds a friend's
 * message, lets the child reach their guardian, and at the end both messages go. Parent mode on
 * the grown-up's own PC starts quiet time now and gives more minutes, and it and the unlocked pane
 * hear each other's changes live; bad input comes back with the relay's stable codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildId, HearthApi, QuietSchedule, WeeklyWindows } from '@hearth/common';
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
/** The next Monday, 09:00 in London (the children's zone, their PC's): sessions made now stay valid. */
function nextMondayNineInLondon(): number {
  const today = new Date();
  const daysAhead = ((8 - today.getUTCDay()) % 7) + 7;
  const utcNine = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + daysAhead, 9, 0, 0);
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })
    .formatToParts(utcNine)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offsetHours = Number(/GMT([+-]\d+)?/.exec(name ?? '')?.[1] ?? 0);
  return utcNine - offsetHours * HOUR;
}
let relayNow = nextMondayNineInLondon();
const none: WeeklyWindows = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const week = (quiet: Partial<WeeklyWindows>, extra: Partial<QuietSchedule> = {}): QuietSchedule => ({
  quiet: { ...none, ...quiet },
  dailyLimitMinutes: null,
  trustedGrownUpsReach: false,
  ...extra,
});

/** The children's PC believes it is six hours later than it is. */
const wrongClock = (): number => Date.now() + 6 * HOUR;
let relay: TestRelay;
let kidsPc: TestDesktop;
let friendPc: TestDesktop;
let mia: Awaited<ReturnType<typeof setUpFamily>>;
let leo: Awaited<ReturnType<typeof setUpFamily>>;
const started = createClosers();

/** Lets the relay look at quiet time now (it also does on timers of its clock). */
function quietTick(r: TestRelay): Promise<void> {
  // The realtime plugin decorates the app; its type lives with the relay's own Fastify types.
  return (r.app() as unknown as { realtime: { quietTick: () => Promise<void> } }).realtime.quietTick();
}

/** Moves the relay's clock and lets it look at quiet time (its timers run on that clock). */
async function advance(ms: number): Promise<void> {
  relayNow += ms;
  await quietTick(relay);
}

const myQuiet = async (api: HearthApi) => must(await api.getMyQuiet({})).status;
const texts = async (api: HearthApi, contactId: string): Promise<string[]> =>
  must(await api.listMessages({ contactId, limit: 50 })).messages.map((m) => (m.content.kind === 'text' ? m.content.text : ''));

beforeAll(async () => {
  relay = started.add(await startTestRelay({}, { now: () => relayNow }), () => relay.dispose());
  kidsPc = await startTestDesktop(relay.url, { now: wrongClock });
  started.add(kidsPc, () => kidsPc.close());
  friendPc = await startTestDesktop(relay.url);
  started.add(friendPc, () => friendPc.close());
  mia = await setUpFamily(kidsPc.api, 'Mia');
  leo = await setUpFamily(friendPc.api, 'Leo');
  await befriend(kidsPc.api, mia.childId, friendPc.api, leo.childId);
}, 60_000);

afterAll(() => started.closeAll());

describe('quiet time on the family PC', () => {
  it('is told in durations, refuses and holds on the relay’s clock whatever the PC clock says, and lets the guardian through', async () => {
    const view = must(
      await kidsPc.api.setChildQuiet({ childId: mia.childId, schedule: week({ mon: [{ start: '09:30', end: '11:00' }] }) }),
    );
    expect(view.status).toMatchObject({ quiet: false, startsInMs: 30 * MIN, timeZone: 'Europe/London' });

    // The child's PC hears "quiet in 30 minutes" and counts it down on its monotonic clock.
    // (A frame from before the schedule, "not quiet, nothing coming", may come first: wait for the schedule's.)
    await waitFor(async () => typeof (await myQuiet(kidsPc.api))?.startsInMs === 'number', 10_000, 'the quiet frame');
    const heard = await myQuiet(kidsPc.api);
    expect(heard?.quiet).toBe(false);
    expect(heard?.startsInMs).toBeGreaterThan(29 * MIN);
    expect(heard?.startsInMs).toBeLessThanOrEqual(30 * MIN);

    // Quiet starts on the relay's clock before the PC is told: the relay refuses the send, the PC holds it.
    relayNow += 30 * MIN;
    const held = must(await kidsPc.api.sendMessage({ contactId: leo.childId, content: { kind: 'text', text: 'still up?' } }));
    const { db } = kidsPc.core.stores.get(mia.childId);
    await waitFor(
      () =>
        allOutbox(db).some((e) => e.messageId === held.messageId && e.attempts > 0 && e.nextAttemptAt - wrongClock() > 10 * MIN),
      10_000,
      'the refused message held in the outbox',
    );
    expect(must(await kidsPc.api.listMessages({ contactId: leo.childId, limit: 10 })).messages[0]).toMatchObject({
      messageId: held.messageId,
      state: 'queued',
    });

    await quietTick(relay);
    await waitFor(async () => (await myQuiet(kidsPc.api))?.quiet === true, 10_000, 'quiet on the child’s PC');
    expect(await myQuiet(kidsPc.api)).toMatchObject({ quiet: true, reason: 'schedule', endsAt: '11:00' });
    expect(kidsPc.events.some((e) => e.event === 'quiet' && e.payload.status?.quiet === true)).toBe(true);
    // A new message to a friend is refused at once, in kid words.
    expect(await kidsPc.api.sendMessage({ contactId: leo.childId, content: { kind: 'text', text: 'hello?' } })).toMatchObject({
      ok: false,
      error: { code: 'QUIET_HOURS' },
    });

    // A friend's message waits on the relay.
    must(await friendPc.api.sendMessage({ contactId: mia.childId, content: { kind: 'text', text: 'good morning Mia' } }));
    await waitFor(
      async () => must(await friendPc.api.listMessages({ contactId: mia.childId, limit: 5 })).messages[0]?.state === 'sent',
      10_000,
      'the friend’s message on the relay',
    );
    // The child still reaches her own grown-up.
    const guardian = must(await kidsPc.api.listFriends()).friends.find((f) => f.friendship.friend.familyRole === 'guardian');
    expect(guardian).toBeDefined();
    const toMum = must(
      await kidsPc.api.sendMessage({
        contactId: guardian?.friendship.friend.accountId ?? '',
        content: { kind: 'text', text: 'night mum' },
      }),
    );
    await waitFor(
      async () =>
        must(await kidsPc.api.listMessages({ contactId: toMum.contactId, limit: 5 })).messages.some(
          (m) => m.messageId === toMum.messageId && m.state !== 'queued',
        ),
      10_000,
      'the message to the guardian sent',
    );
    expect(await texts(kidsPc.api, leo.childId)).not.toContain('good morning Mia');

    // 11:00 on the relay: quiet ends; the friend's message arrives and the held one goes.
    await advance(90 * MIN);
    await waitFor(
      async () => (await texts(kidsPc.api, leo.childId)).includes('good morning Mia'),
      10_000,
      'the held message delivered',
    );
    expect((await myQuiet(kidsPc.api))?.quiet).toBe(false);
    await waitFor(async () => (await texts(friendPc.api, mia.childId)).includes('still up?'), 10_000, 'the held send delivered');
  });

  it('takes "quiet now until …" and more minutes from the pane, and says the relay’s codes for bad input', async () => {
    const childId = mia.childId as ChildId;
    const now = must(await kidsPc.api.startQuietNow({ childId, until: '12:00' }));
    expect(now.status).toMatchObject({ quiet: true, reason: 'now', endsAt: '12:00' });
    await waitFor(async () => (await myQuiet(kidsPc.api))?.reason === 'now', 10_000, 'quiet now on the child’s PC');

    // A long limit: the morning's online minutes (counted on the relay's clock) leave some.
    const limited = must(await kidsPc.api.setChildQuiet({ childId, schedule: week({}, { dailyLimitMinutes: 600 }) }));
    const more = must(await kidsPc.api.giveExtraMinutes({ childId, minutes: 15 }));
    expect((more.status.minutesLeftToday ?? 0) - (limited.status.minutesLeftToday ?? 0)).toBe(15);

    const overlap = week({
      tue: [
        { start: '20:00', end: '07:00' },
        { start: '21:00', end: '22:00' },
      ],
    });
    expect(await kidsPc.api.setChildQuiet({ childId, schedule: overlap })).toMatchObject({
      ok: false,
      error: { code: 'SCHEDULE_OVERLAP' },
    });
    expect(await kidsPc.api.setQuietTimeZone({ childId, timeZone: 'Mars/Olympus_Mons', wholeFamily: false })).toMatchObject({
      ok: false,
      error: { code: 'TIME_ZONE_UNKNOWN' },
    });
    const madrid = must(await kidsPc.api.setQuietTimeZone({ childId, timeZone: 'Europe/Madrid', wholeFamily: true }));
    expect(madrid.status.timeZone).toBe('Europe/Madrid');
    const reach = must(await kidsPc.api.setMyQuietReach({ childId, reach: false }));
    expect(reach.myReach).toBe(false);
    must(await kidsPc.api.setMyQuietReach({ childId, reach: true }));
    // A child's profile cannot change grown-up settings: the pane is locked for it.
    must(await kidsPc.api.lock());
    expect(await kidsPc.api.giveExtraMinutes({ childId, minutes: 30 })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('gives parent mode on the grown-up’s own PC the status, quiet now and more minutes', async () => {
    const parentPc = await startTestDesktop(relay.url);
    started.add(parentPc, () => parentPc.close());
    must(await parentPc.api.signInParent({ email: mia.parentEmail, password: RELAY_PASSWORD }));
    must(await parentPc.api.setParentPassword({ password: TEST_PASSWORD }));
    const me = must(await parentPc.api.startParentMode({ email: mia.parentEmail, password: RELAY_PASSWORD }));
    must(await parentPc.api.selectProfile({ childId: me.childId }));
    const childId = mia.childId as ChildId;
    const seen = must(await parentPc.api.getChildQuietAsMe({ childId }));
    expect(seen.status.timeZone).toBe('Europe/Madrid');
    const quiet = must(await parentPc.api.startQuietNowAsMe({ childId, until: '23:00' }));
    expect(quiet.status).toMatchObject({ quiet: true, reason: 'now', endsAt: '23:00' });
    const more = must(await parentPc.api.giveExtraMinutesAsMe({ childId, minutes: 30 }));
    expect(more.status.minutesLeftToday).toBe((seen.status.minutesLeftToday ?? 0) + 30);
    // Another family's child is not theirs to quiet.
    expect(await parentPc.api.startQuietNowAsMe({ childId: leo.childId as ChildId, until: '23:00' })).toMatchObject({
      ok: false,
    });

    // Each change reaches parent mode, and the unlocked pane on the child's PC, as the relay says it.
    const told = (pc: TestDesktop, from: number, until: string) => () =>
      pc.events
        .slice(from)
        .some((e) => e.event === 'childQuiet' && e.payload.childId === childId && e.payload.status.endsAt === until);
    must(await kidsPc.api.unlock({ password: TEST_PASSWORD }));
    const parentSeen = parentPc.events.length;
    must(await kidsPc.api.startQuietNow({ childId, until: '22:00' }));
    await waitFor(told(parentPc, parentSeen, '22:00'), 10_000, 'parent mode told of the pane’s change');
    const paneSeen = kidsPc.events.length;
    must(await parentPc.api.startQuietNowAsMe({ childId, until: '23:30' }));
    await waitFor(told(kidsPc, paneSeen, '23:30'), 10_000, 'the pane told of parent mode’s change');
    // The friend's family PC hears nothing of it.
    expect(friendPc.events.some((e) => e.event === 'childQuiet' && e.payload.childId === childId)).toBe(false);
  });
});
