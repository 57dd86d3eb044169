import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type WsQuietFrame, type WsServerFrame } from '@hearth/common';
import {
  api,
  befriend,
  buildTestApp,
  createFamily,
  DEVICE_INFO,
  enrollDevice,
  registerParentDevice,
  type TestFamily,
  type TestRelay,
} from '../../test/helpers';
import {
  errorFor,
  listenForWs,
  messageWith,
  newMessageId,
  sendAndAck,
  settle,
  socketPool,
  text,
  type TestSocket,
} from '../../test/ws-client';

/**
 * A PC's quiet-hours floor (issue 17) reaches messages and the `quiet` frame: what the child
 * sends through that PC's credential while the floor covers now is refused with QUIET_HOURS
 * (its guardians still pass), and that PC's sockets hear the floor; the child's other PC, and the
 * child's own schedule, are untouched. The relay's clock starts on Monday 2 November 2026 at
 * 09:00 UTC; the child's zone is its PC's, Europe/London (UTC then).
 */
const MIN = 60_000;
let relay: TestRelay;
let url: string;
let a: TestFamily;
let b: TestFamily;
const sockets = socketPool();

beforeEach(async () => {
  relay = await buildTestApp({
    ice: { stunUrls: [], turnUrls: [], turnSecret: 'x'.repeat(32), turnTtlSeconds: 3600, transportPolicy: 'all' },
  });
  url = await listenForWs(relay.app);
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  await befriend(relay.app, a, b);
});
afterEach(async () => {
  await sockets.closeAll();
  await relay.close();
});

const putInfo = async (deviceId: string, token: string, info: unknown): Promise<void> => {
  expect((await api(relay.app, 'PUT', `/v1/devices/${deviceId}/info`, { token, body: { info } })).status).toBe(204);
};
const floorInfo = (start: string, end: string) => ({ ...DEVICE_INFO, quietFloor: { start, end } });
const quietOf =
  (match: Partial<WsQuietFrame['status']>) =>
  (f: WsServerFrame): boolean =>
    f.type === 'quiet' &&
    f.childId === a.child.childId &&
    Object.entries(match).every(([k, v]) => (f.status as Record<string, unknown>)[k] === v);
const quietFrames = (s: TestSocket): WsServerFrame[] => s.frames.filter((f) => f.type === 'quiet');
async function refused(socket: TestSocket, to: string): Promise<void> {
  const id = newMessageId();
  socket.send({ type: 'send', id, to, content: text('hi!') });
  expect(await socket.take(errorFor(id))).toMatchObject({ code: 'QUIET_HOURS' });
}

describe("a PC's quiet-hours floor and messages", () => {
  it('refuses a friend from the floored PC only, lets the guardian through, and goes with the info at once', async () => {
    await registerParentDevice(relay.app, a.parent.token);
    const parent = await sockets.open(url, a.parent.token);
    const other = await enrollDevice(relay.app, a.parent.token, [a.child.childId]);
    const otherToken = (other.credentials[0] as { token: string }).token;
    const friend = await sockets.open(url, b.childToken);
    await putInfo(a.deviceId, a.childToken, floorInfo('08:30', '10:00'));

    const floored = await sockets.open(url, a.childToken);
    const second = await sockets.open(url, otherToken);
    // The floored PC hears it is quiet until 10:00; the other PC (nothing set for the child) hears nothing.
    await floored.take(quietOf({ quiet: true, reason: 'schedule', endsAt: '10:00', endsInMs: 60 * MIN }));
    await refused(floored, b.child.childId);
    const up = await sendAndAck(floored, a.parent.parentId, text('goodnight'));
    await parent.take(messageWith(up));
    const fine = await sendAndAck(second, b.child.childId, text('from the other PC'));
    await friend.take(messageWith(fine));
    await settle();
    expect(quietFrames(second)).toEqual([]);
    // The guardian's parent-mode socket hears the child's own schedule: nothing set, never quiet.
    expect(quietFrames(parent).filter((f) => (f as WsQuietFrame).status.quiet)).toEqual([]);

    // The next info without a floor lifts it at once, and the PC hears so.
    await putInfo(a.deviceId, a.childToken, DEVICE_INFO);
    await floored.take(quietOf({ quiet: false }));
    const after = await sendAndAck(floored, b.child.childId, text('free again'));
    await friend.take(messageWith(after));
  });

  it("counts down to the floor's start, applies it there, and lifts it at its end", async () => {
    await putInfo(a.deviceId, a.childToken, floorInfo('09:30', '10:00'));
    const floored = await sockets.open(url, a.childToken);
    await floored.take(quietOf({ quiet: false, startsInMs: 30 * MIN }));
    await sendAndAck(floored, b.child.childId);
    relay.clock.advance(30 * MIN);
    await relay.app.realtime.quietTick();
    await floored.take(quietOf({ quiet: true, endsAt: '10:00' }));
    await refused(floored, b.child.childId);
    relay.clock.advance(30 * MIN);
    await relay.app.realtime.quietTick();
    await floored.take(quietOf({ quiet: false }));
    await sendAndAck(floored, b.child.childId);
  });

  it("adds to the child's own schedule: outside the child's quiet time, the floor still keeps friends out", async () => {
    expect(
      (
        await api(relay.app, 'PUT', `/v1/children/${a.child.childId}/quiet`, {
          token: a.parent.token,
          body: {
            quiet: { mon: [{ start: '20:00', end: '07:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
            dailyLimitMinutes: null,
            trustedGrownUpsReach: false,
          },
        })
      ).status,
    ).toBe(200);
    const floored = await sockets.open(url, a.childToken);
    await floored.take(quietOf({ quiet: false }));
    await sendAndAck(floored, b.child.childId);
    await putInfo(a.deviceId, a.childToken, floorInfo('08:00', '12:00'));
    await floored.take(quietOf({ quiet: true, endsAt: '12:00' }));
    await refused(floored, b.child.childId);
  });
});
