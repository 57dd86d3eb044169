import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type IceConfig, type QuietView } from '@hearth/common';
import {
  api,
  buildTestApp,
  createFamily,
  DEVICE_INFO,
  enrollDevice,
  expectStatus,
  type TestFamily,
  type TestRelay,
} from '../../test/helpers';

/**
 * A PC's quiet-hours floor (issue 17): its machine policy sends a daily window with the device
 * info, and the relay applies it to that PC's credential like a schedule, on the relay's clock in
 * the child's zone. The relay's clock starts on Monday 2 November 2026 at 09:00 UTC; the child's
 * zone is its PC's, Europe/London (UTC then).
 */
const MIN = 60_000;
let relay: TestRelay;
let a: TestFamily;

beforeEach(async () => {
  relay = await buildTestApp({
    ice: {
      stunUrls: [],
      turnUrls: ['turn:127.0.0.1:3478'],
      turnSecret: 'x'.repeat(32),
      turnTtlSeconds: 3600,
      transportPolicy: 'all',
    },
  });
  a = await createFamily(relay.app);
});
afterEach(async () => relay.close());

const ice = async (token: string): Promise<IceConfig> =>
  expectStatus(await api<IceConfig>(relay.app, 'GET', '/v1/ice', { token }), 200);
const putInfo = (deviceId: string, token: string, info: unknown) =>
  api(relay.app, 'PUT', `/v1/devices/${deviceId}/info`, { token, body: { info } });

describe("a PC's quiet-hours floor", () => {
  it("ends that PC's TURN credentials at the floor's start and gives none inside it; the child's other PC is untouched", async () => {
    const other = await enrollDevice(relay.app, a.parent.token, [a.child.childId]);
    const otherToken = (other.credentials[0] as { token: string }).token;
    expect(
      (await putInfo(a.deviceId, a.childToken, { ...DEVICE_INFO, quietFloor: { start: '09:30', end: '10:00' } })).status,
    ).toBe(204);
    const t0 = relay.clock.now();
    expect((await ice(a.childToken)).expiresAt).toBe(t0 + 30 * MIN);
    expect((await ice(otherToken)).expiresAt).toBe(t0 + 60 * MIN);
    relay.clock.advance(35 * MIN);
    expect(await ice(a.childToken)).toEqual({ iceServers: [], iceTransportPolicy: 'all', expiresAt: null });
    expect((await ice(otherToken)).iceServers).toHaveLength(1);
    // The child's own schedule (what the grown-up sees and sets) is not changed by a PC's floor.
    const view = expectStatus(
      await api<QuietView>(relay.app, 'GET', `/v1/children/${a.child.childId}/quiet`, { token: a.parent.token }),
      200,
    );
    expect(view.status.quiet).toBe(false);
    // Out of the window again at 10:00, and the floor goes with the next info that lacks it.
    relay.clock.advance(30 * MIN);
    expect((await ice(a.childToken)).iceServers).toHaveLength(1);
    relay.clock.advance(24 * 60 * MIN - 35 * MIN);
    expect((await ice(a.childToken)).iceServers).toEqual([]);
    expect((await putInfo(a.deviceId, a.childToken, DEVICE_INFO)).status).toBe(204);
    expect((await ice(a.childToken)).iceServers).toHaveLength(1);
  });

  it('follows the child’s zone, not the PC’s clock: 21:00–07:00 in New York is quiet at 09:00 UTC (04:00 there)', async () => {
    expectStatus(
      await api(relay.app, 'PUT', `/v1/children/${a.child.childId}/time-zone`, {
        token: a.parent.token,
        body: { timeZone: 'America/New_York' },
      }),
      200,
    );
    expect((await ice(a.childToken)).iceServers).toHaveLength(1);
    await putInfo(a.deviceId, a.childToken, { ...DEVICE_INFO, quietFloor: { start: '21:00', end: '07:00' } });
    expect((await ice(a.childToken)).iceServers).toEqual([]);
  });

  it('refuses a floor that is no window with VALIDATION_FAILED, and ignores one that starts and ends at once', async () => {
    const bad = await putInfo(a.deviceId, a.childToken, { ...DEVICE_INFO, quietFloor: { start: '25:00', end: '07:00' } });
    expect(bad.status).toBe(400);
    await putInfo(a.deviceId, a.childToken, { ...DEVICE_INFO, quietFloor: { start: '09:00', end: '09:00' } });
    expect((await ice(a.childToken)).iceServers).toHaveLength(1);
  });
});
