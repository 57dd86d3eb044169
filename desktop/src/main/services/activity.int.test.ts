import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HearthApi, MessageView } from '@hearth/common';
import { befriend, must, setUpFamily, startTestDesktop, TEST_PASSWORD, type TestDesktop } from '@hearth/test-kit/desktop';
import { waitFor } from '@hearth/test-kit/ports';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';

/**
 * The 30-day activity view (F10) through the IPC contract: counts per day and per contact, the
 * image log (opened on purpose, the child told, a picture removed), block history with the
 * child's reason, and everything older than 30 days deleted on the PC (an injected clock).
 */
const DAY = 24 * 60 * 60 * 1000;
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

let relay: TestRelay;
let family: TestDesktop;
let friendPc: TestDesktop;
let maya: Awaited<ReturnType<typeof setUpFamily>>;
let tom: Awaited<ReturnType<typeof setUpFamily>>;
let friendshipId: string;
let photoId: string;
let photoHash: string;
/**
 * The PC's clock: now, but kept an hour or more from midnight on the relay's day (the relay's
 * clock is the real one, and it counts the time in Hearth): the test puts a call five minutes
 * back and moves the clock twelve minutes on, and expects everything on one day. So three hours
 * back late in the evening (a run at 23:50 would otherwise see two days), one hour on just after
 * midnight (at 00:03 the call would start the day before).
 */
const HOUR = 60 * 60_000;
let clock = ((t: number) => {
  const hour = new Date(t).getHours();
  return hour >= 22 ? t - 3 * HOUR : hour < 1 ? t + HOUR : t;
})(Date.now());

async function history(api: HearthApi, contactId: string): Promise<MessageView[]> {
  return must(await api.listMessages({ contactId, limit: 200 })).messages;
}

beforeAll(async () => {
  relay = await startTestRelay();
  family = await startTestDesktop(relay.url, { now: () => clock });
  friendPc = await startTestDesktop(relay.url);
  maya = await setUpFamily(family.api, 'Maya');
  tom = await setUpFamily(friendPc.api, 'Tom');
  friendshipId = await befriend(family.api, maya.childId, friendPc.api, tom.childId);
  // befriend left Maya's profile open: her time in Hearth runs from here.
  must(await family.api.sendMessage({ contactId: tom.childId, content: { kind: 'text', text: 'hi Tom' } }));
  must(await family.api.sendMessage({ contactId: tom.childId, content: { kind: 'text', text: 'are you there?' } }));
  const info = must(await family.api.addAttachment({ kind: 'photo', mime: 'image/png', dataBase64: PNG }));
  photoHash = info.hash;
  photoId = must(
    await family.api.sendMessage({
      contactId: tom.childId,
      content: { kind: 'photo', attachment: { hash: info.hash, size: info.size, mime: 'image/png' } },
    }),
  ).messageId;
  must(await friendPc.api.sendMessage({ contactId: maya.childId, content: { kind: 'text', text: 'yes!' } }));
  await waitFor(async () => (await history(family.api, tom.childId)).length === 4, 15_000, 'Tom’s answer at Maya');
  must(
    await family.api.recordCall({
      contactId: tom.childId,
      direction: 'out',
      video: true,
      startedAt: clock - 5 * 60_000,
      endedAt: clock,
      outcome: 'answered',
    }),
  );
  clock += 12 * 60_000;
  must(await family.api.leaveProfile());
  // Twelve minutes later the pane has locked itself.
  must(await family.api.unlock({ password: TEST_PASSWORD }));
}, 120_000);

afterAll(async () => {
  for (const d of [family, friendPc]) d?.close();
  await relay?.dispose();
});

describe('the 30-day activity view', () => {
  it('counts per day and per contact: messages sent and received, calls and minutes, time in Hearth', async () => {
    const detail = must(await family.api.getChildActivityDetail({ childId: maya.childId }));
    // Time in Hearth is the relay's count (activity-usage.int.test.ts): its clock moved seconds,
    // not the twelve minutes this PC's clock was moved.
    expect(detail.timeSource).toBe('relay');
    expect(detail.days).toHaveLength(1);
    const [day] = detail.days;
    expect(day).toMatchObject({ sent: 3, received: 1, calls: 1, callMinutes: 5, games: 0 });
    expect(day?.minutesInHearth).toBeLessThanOrEqual(2);
    expect(day?.contacts).toEqual([{ contactId: tom.childId, sent: 3, received: 1, calls: 1, callMinutes: 5, games: 0 }]);
    expect(detail.people).toContainEqual({ contactId: tom.childId, displayName: 'Tom' });
    expect(detail.pictures).toBe(1);
    expect(detail.imageLogOpenedAt).toEqual([]);
  });

  it('keeps the daily summary’s opt-in on the relay: off by default, switched on by the grown-up', async () => {
    expect(must(await family.api.getDailySummary({ childId: maya.childId }))).toEqual({ enabled: false });
    expect(must(await family.api.setDailySummary({ childId: maya.childId, enabled: true }))).toEqual({ enabled: true });
    expect(must(await family.api.getDailySummary({ childId: maya.childId }))).toEqual({ enabled: true });
    // Another family's grown-up cannot switch it for Maya.
    const other = await friendPc.api.setDailySummary({ childId: maya.childId, enabled: false });
    expect(other.ok ? 'ok' : other.error.code).toBe('NOT_FOUND');
  });

  it('takes into the call log only calls with a contact, that end after they start, not in the future, at most a day long', async () => {
    must(await family.api.lock());
    must(await family.api.selectProfile({ childId: maya.childId }));
    const call = { contactId: tom.childId, direction: 'in' as const, video: false, outcome: 'answered' as const };
    const refusals = [
      { ...call, contactId: '01J0000000000000000000000A', startedAt: clock - 60_000, endedAt: clock },
      { ...call, startedAt: clock - 1_000, endedAt: clock - 5_000 },
      { ...call, startedAt: 253_402_300_799_999, endedAt: null, outcome: 'missed' as const },
      { ...call, startedAt: clock + 10 * 60_000, endedAt: clock + 11 * 60_000 },
      { ...call, startedAt: 0, endedAt: clock },
    ];
    for (const args of refusals) {
      const refused = await family.api.recordCall(args);
      expect(refused.ok ? 'ok' : refused.error.code, JSON.stringify(args)).toBe(
        args.contactId === tom.childId ? 'VALIDATION_FAILED' : 'NOT_FRIENDS',
      );
    }
    must(await family.api.leaveProfile());
    must(await family.api.unlock({ password: TEST_PASSWORD }));
    // The grown-ups' view is as before: one day, one call with Tom.
    const detail = must(await family.api.getChildActivityDetail({ childId: maya.childId }));
    expect(detail.days).toHaveLength(1);
    expect(detail.days[0]).toMatchObject({ calls: 1 });
  });

  it('sends no text that would show backwards or holds control characters (nothing is counted for it)', async () => {
    must(await family.api.lock());
    must(await family.api.selectProfile({ childId: maya.childId }));
    for (const text of ['\u202eevil', 'beep\u0007']) {
      const refused = await family.api.sendMessage({ contactId: tom.childId, content: { kind: 'text', text } });
      expect(refused.ok ? 'ok' : refused.error.code, JSON.stringify(text)).toBe('VALIDATION_FAILED');
    }
    must(await family.api.leaveProfile());
    must(await family.api.unlock({ password: TEST_PASSWORD }));
    expect(must(await family.api.getChildActivityDetail({ childId: maya.childId })).days[0]).toMatchObject({ sent: 3 });
  });

  it('is for grown-ups only: the locked pane refuses it', async () => {
    must(await family.api.lock());
    const refused = await family.api.getChildActivityDetail({ childId: maya.childId });
    expect(refused.ok).toBe(false);
    must(await family.api.unlock({ password: TEST_PASSWORD }));
  });

  it('opens the image log on purpose, tells the child, and removes a picture from her conversation', async () => {
    const log = must(await family.api.openChildImageLog({ childId: maya.childId }));
    expect(log.items.map((i) => [i.messageId, i.kind, i.hash, i.direction])).toEqual([[photoId, 'photo', photoHash, 'out']]);
    const picture = must(await family.api.readChildImage({ childId: maya.childId, hash: photoHash }));
    expect(picture.dataBase64).toBe(PNG);
    const stranger = await family.api.readChildImage({ childId: maya.childId, hash: 'b'.repeat(64) });
    expect(stranger.ok ? 'ok' : stranger.error.code).toBe('NOT_FOUND');

    // Maya sees that a grown-up looked at her pictures, and when.
    must(await family.api.selectProfile({ childId: maya.childId }));
    const mine = must(await family.api.getMyActivityDetail());
    expect(mine.imageLogOpenedAt).toEqual([clock]);
    must(await family.api.leaveProfile());

    must(await family.api.removeChildImage({ childId: maya.childId, messageId: photoId }));
    expect(must(await family.api.openChildImageLog({ childId: maya.childId })).items).toEqual([]);
    expect((await family.api.readChildImage({ childId: maya.childId, hash: photoHash })).ok).toBe(false);
    must(await family.api.selectProfile({ childId: maya.childId }));
    const left = await history(family.api, tom.childId);
    expect(left.map((m) => m.content.kind).sort()).toEqual(['text', 'text', 'text']);
    // Counts stay: the picture was sent that day, even if it is no longer kept.
    expect(must(await family.api.getMyActivityDetail()).days[0]?.sent).toBe(3);
    // A text is not a picture: the pane cannot remove it through the image log.
    const text = await family.api.removeChildImage({ childId: maya.childId, messageId: left[0]!.messageId });
    expect(text.ok ? 'ok' : text.error.code).toBe('NOT_FOUND');
  });

  it('keeps block and unblock history with the child’s own reason', async () => {
    must(await family.api.actOnFriendship({ friendshipId, action: 'block', reason: 'He said mean things' }));
    must(await family.api.leaveProfile());
    clock += 60_000;
    must(await family.api.actOnFriendshipAsParent({ friendshipId, action: 'unblock' }));
    const { history: h } = must(await family.api.getChildActivityDetail({ childId: maya.childId }));
    expect(h.map((e) => [e.action, e.by, e.reason, e.contactId])).toEqual([
      ['unblock', 'grown-up', null, tom.childId],
      ['block', 'child', 'He said mean things', tom.childId],
    ]);
  });

  it('deletes every row older than 30 days on the PC', async () => {
    clock += 29 * DAY;
    must(await family.api.unlock({ password: TEST_PASSWORD }));
    const still = must(await family.api.getChildActivityDetail({ childId: maya.childId }));
    expect(still.days).toHaveLength(1);
    clock += 2 * DAY;
    must(await family.api.unlock({ password: TEST_PASSWORD }));
    const gone = must(await family.api.getChildActivityDetail({ childId: maya.childId }));
    expect(gone).toMatchObject({ days: [], history: [], imageLogOpenedAt: [] });
    const { db } = family.core.stores.get(maya.childId);
    const count = (table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count('activity_log'), count('friendship_history'), count('image_log_opens')]).toEqual([0, 0, 0]);
  });
});
