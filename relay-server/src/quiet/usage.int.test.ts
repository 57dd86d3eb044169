import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuietView, UsageView, WeeklyWindows } from '@hearth/common';
import {
  api,
  buildTestApp,
  createFamily,
  enrollDevice,
  expectStatus,
  PASSWORD,
  signIn,
  type TestFamily,
  type TestRelay,
} from '../../test/helpers';
import { listenForWs, settle, socketPool, type TestSocket } from '../../test/ws-client';

/**
 * Time in Hearth per day (issue 14): the minutes the relay counts for the daily limit, per local
 * day in the child's zone. The relay's clock starts on Monday 2 November 2026 at 09:00 UTC; the
 * child's zone is set to New York (UTC−5 then: its day runs from 05:00 to 05:00 UTC).
 */
const MIN = 60_000;
const HOUR = 60 * MIN;
const none: WeeklyWindows = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

let relay: TestRelay;
let url: string;
let a: TestFamily;
let b: TestFamily;
const sockets = socketPool();
const socketFor = (token: string): Promise<TestSocket> => sockets.open(url, token);

async function advance(ms: number): Promise<void> {
  relay.clock.advance(ms);
  await relay.app.realtime.quietTick();
  await settle();
}
async function presence(socket: TestSocket, state: 'online' | 'away' | 'in-call'): Promise<void> {
  socket.send({ type: 'presence', state });
  await settle();
}
const usageAs = (token: string, childId = a.child.childId) =>
  api<UsageView>(relay.app, 'GET', `/v1/children/${childId}/usage`, { token });
/** The days with minutes, as `{ day: minutes }`. */
const counted = (view: UsageView): Record<string, number> =>
  Object.fromEntries(view.days.filter((d) => d.minutes > 0).map((d) => [d.day, d.minutes]));

beforeEach(async () => {
  relay = await buildTestApp();
  url = await listenForWs(relay.app);
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  expectStatus(
    await api(relay.app, 'PUT', `/v1/children/${a.child.childId}/time-zone`, {
      token: a.parent.token,
      body: { timeZone: 'America/New_York' },
    }),
    200,
  );
});

afterEach(async () => {
  await sockets.closeAll();
  await relay.close();
});

describe('time in Hearth per day', () => {
  it('counts online and in-call minutes on any PC once each, never away, split into the child’s own days', async () => {
    const second = await enrollDevice(relay.app, a.parent.token, [a.child.childId]);
    const secondToken = (second.credentials[0] as { token: string }).token;
    const pc1 = await socketFor(a.childToken);
    await advance(10 * MIN); // 09:00–09:10 UTC online on one PC: 10
    const pc2 = await socketFor(secondToken);
    await advance(5 * MIN); // both PCs online: each minute once, 5
    await presence(pc1, 'away');
    await presence(pc2, 'away');
    await advance(30 * MIN); // away on both: nothing
    await presence(pc2, 'in-call');
    await advance(5 * MIN); // in a call on one, away on the other: 5
    await presence(pc2, 'away');
    await advance(2 * HOUR);

    // Tuesday 04:55 UTC is still Monday in New York; ten minutes online run across its midnight.
    relay.clock.advance(Date.UTC(2026, 10, 3, 4, 55) - relay.clock.now());
    await presence(pc1, 'online');
    await advance(10 * MIN);
    await presence(pc1, 'away');

    // A day later the grown-up's session has ended: a fresh one.
    const grownUp = (await signIn(relay.app, a.parent.email, PASSWORD)).token;
    const view = expectStatus(await usageAs(grownUp), 200);
    expect(view.timeZone).toBe('America/New_York');
    expect(view.days).toHaveLength(30);
    expect(view.days[29]?.day).toBe('2026-11-03');
    expect(view.days[0]?.day).toBe('2026-10-05');
    expect(counted(view)).toEqual({ '2026-11-02': 25, '2026-11-03': 5 });
    // The daily limit counts the same minutes: Tuesday in New York has used 5 of 60.
    const limited = await api<QuietView>(relay.app, 'PUT', `/v1/children/${a.child.childId}/quiet`, {
      token: grownUp,
      body: { quiet: none, dailyLimitMinutes: 60, trustedGrownUpsReach: false },
    });
    expect(expectStatus(limited, 200).status).toMatchObject({ minutesLeftToday: 55 });
    // The child's own credential reads the same figure ("What my grown-ups can see").
    expect(expectStatus(await usageAs(a.childToken), 200)).toEqual(view);
  });

  it('keeps 30 days: an older day drops out of the view, and the relay forgets minutes after 31', async () => {
    const pc = await socketFor(a.childToken);
    await advance(3 * MIN);
    await presence(pc, 'away');
    expect(counted(expectStatus(await usageAs(a.childToken), 200))).toEqual({ '2026-11-02': 3 });
    await advance(29 * 24 * HOUR);
    const day30 = expectStatus(await usageAs(a.childToken), 200);
    expect(day30.days[0]).toEqual({ day: '2026-11-02', minutes: 3 });
    await advance(24 * HOUR);
    expect(counted(expectStatus(await usageAs(a.childToken), 200))).toEqual({});
    const first = Math.floor(Date.UTC(2026, 10, 2, 9) / MIN);
    expect(await relay.app.relay.store.quiet.countUsageMinutes(a.child.childId, first, first + 10)).toBe(3);
    await advance(2 * 24 * HOUR);
    expect(await relay.app.relay.store.quiet.countUsageMinutes(a.child.childId, first, first + 10)).toBe(0);
  });

  it('is told to no one but the child’s guardians and the child: another family’s grown-up or child', async () => {
    const pc = await socketFor(a.childToken);
    await advance(3 * MIN);
    await presence(pc, 'away');
    for (const token of [b.parent.token, b.childToken]) {
      const refused = await api<{ error: { code: string } }>(relay.app, 'GET', `/v1/children/${a.child.childId}/usage`, {
        token,
      });
      expect([refused.status, refused.body.error.code]).toEqual([404, 'NOT_FOUND']);
      expect(JSON.stringify(refused.body)).not.toContain('minutes');
    }
    // The other family's own child reads only its own: nothing counted there.
    expect(counted(expectStatus(await usageAs(b.parent.token, b.child.childId), 200))).toEqual({});
  });
});
