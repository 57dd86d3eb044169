import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityDetail, UsageView } from '@hearth/common';
import { must, RELAY_PASSWORD, setUpFamily, startTestDesktop, TEST_PASSWORD, type TestDesktop } from '@hearth/test-kit/desktop';
import { waitFor } from '@hearth/test-kit/ports';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';

/**
 * Time in Hearth in the 30-day activity view (issue 14): the relay's count of the minutes the
 * child was online or in a call (the daily limit's measure), read by the pane with the guardian's
 * session and by the child with her own credential; this PC's own measure, labelled, when the
 * relay cannot be reached. The relay's clock runs ahead by hand, the PC's does not, so the two
 * measures differ and the test sees which one is shown.
 */
const MIN = 60_000;

let relay: TestRelay;
let family: TestDesktop;
let maya: Awaited<ReturnType<typeof setUpFamily>>;
let relayNow = Date.now();

/** Lets the relay count minutes up to its clock (its realtime hub is not in the app's public type). */
function quietTick(): Promise<void> {
  return (relay.app() as unknown as { realtime: { quietTick: () => Promise<void> } }).realtime.quietTick();
}

/** What the relay itself answers, read as the child's guardian over HTTP. */
async function relayUsage(): Promise<UsageView> {
  const app = relay.app();
  const session = await app.inject({
    method: 'POST',
    url: '/v1/sessions',
    payload: { email: maya.parentEmail, password: RELAY_PASSWORD },
  });
  const token = (session.json() as { token: string }).token;
  const usage = await app.inject({
    method: 'GET',
    url: `/v1/children/${maya.childId}/usage`,
    headers: { authorization: `Bearer ${token}` },
  });
  expect(usage.statusCode).toBe(200);
  return usage.json() as UsageView;
}

const total = (days: readonly { minutes?: number; minutesInHearth?: number }[]): number =>
  days.reduce((n, d) => n + (d.minutes ?? d.minutesInHearth ?? 0), 0);

/** Every day the view lists shows the relay's minutes for that day, and no counted day is left out. */
function expectRelayTime(detail: ActivityDetail, usage: UsageView): void {
  expect(detail.timeSource).toBe('relay');
  expect(detail.timeZone).toBe(usage.timeZone);
  const counted = new Map(usage.days.map((d) => [d.day, d.minutes]));
  for (const d of detail.days) expect([d.day, d.minutesInHearth]).toEqual([d.day, counted.get(d.day) ?? 0]);
  expect(total(detail.days)).toBe(total(usage.days));
}

beforeAll(async () => {
  relay = await startTestRelay({}, { now: () => relayNow });
  family = await startTestDesktop(relay.url);
  maya = await setUpFamily(family.api, 'Maya');
  must(await family.api.selectProfile({ childId: maya.childId }));
  // Maya is online on this PC: the relay counts her minutes on its own clock, moved a minute at a time.
  await waitFor(
    async () => {
      relayNow += MIN;
      await quietTick();
      return total((await relayUsage()).days) >= 7;
    },
    20_000,
    'seven minutes counted by the relay',
  );
  must(await family.api.leaveProfile());
  must(await family.api.unlock({ password: TEST_PASSWORD }));
}, 120_000);

afterAll(async () => {
  family?.close();
  await relay?.dispose();
});

describe('time in Hearth, as the relay counts it', () => {
  it('is what the pane shows, per day in the child’s zone', async () => {
    const usage = await relayUsage();
    expect(total(usage.days)).toBeGreaterThanOrEqual(7);
    const detail = must(await family.api.getChildActivityDetail({ childId: maya.childId }));
    expectRelayTime(detail, usage);
  });

  it('is what the child sees in “What my grown-ups can see”, read with her own credential', async () => {
    must(await family.api.selectProfile({ childId: maya.childId }));
    const mine = must(await family.api.getMyActivityDetail());
    expectRelayTime(mine, await relayUsage());
    must(await family.api.leaveProfile());
  });

  it('falls back to this PC’s own measure, labelled, when the relay cannot be reached', async () => {
    const before = total((await relayUsage()).days);
    await relay.stop();
    must(await family.api.unlock({ password: TEST_PASSWORD }));
    const offline = must(await family.api.getChildActivityDetail({ childId: maya.childId }));
    expect(offline.timeSource).toBe('this-pc');
    expect(offline.timeZone).toBeUndefined();
    // The PC's clock did not move: its profile was open for seconds, not the relay's minutes.
    expect(total(offline.days)).toBeLessThan(before);
    must(await family.api.selectProfile({ childId: maya.childId }));
    expect(must(await family.api.getMyActivityDetail()).timeSource).toBe('this-pc');
    must(await family.api.leaveProfile());
  });
});
