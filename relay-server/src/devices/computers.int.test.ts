import type { Static } from 'typebox';
import { WebSocket } from 'ws';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_VERSION, APP_VERSION_HEADER, type DeviceList } from '@hearth/common';
import {
  DEVICE_INFO,
  api,
  createFamily,
  expectStatus,
  registerParent,
  registerParentDevice,
  twoChildrenOnOnePc,
  relayForFile,
  signIn,
  type TestRelay,
} from '../../test/helpers';
import { addGrownUp } from '../../test/family-helpers';
import { listenForWs, openSocket } from '../../test/ws-client';
import type {} from '../retention/plugin';

let relay: TestRelay;
relayForFile((r) => (relay = r));
let wsUrl: string;
beforeAll(async () => {
  wsUrl = await listenForWs(relay.app);
});

const DAY = 24 * 60 * 60 * 1000;
const me = (token: string, version = APP_VERSION) =>
  relay.app.inject({
    method: 'GET',
    url: '/v1/me',
    headers: { [APP_VERSION_HEADER]: version, authorization: `Bearer ${token}` },
  });
const devicesOf = async (token: string) =>
  expectStatus(await api<Static<typeof DeviceList>>(relay.app, 'GET', '/v1/devices', { token }), 200).devices;

/** The upgrade's refusal: status and body, read where `ws` would only say "Unexpected server response". */
function refusedUpgrade(token: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, { headers: { [APP_VERSION_HEADER]: APP_VERSION, authorization: `Bearer ${token}` } });
    ws.once('open', () => reject(new Error('the upgrade was accepted')));
    ws.once('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
  });
}

describe('signing a computer out leaves a tombstone (F18)', () => {
  it('answers every request of its credentials with DEVICE_REVOKED and the wipe flag, when erase was asked', async () => {
    const { parent, enrolled } = await twoChildrenOnOnePc(relay.app);
    const res = await api(relay.app, 'DELETE', `/v1/devices/${enrolled.deviceId}?erase=true`, { token: parent.token });
    expect(res.status).toBe(204);
    for (const { token } of enrolled.credentials) {
      const answer = await me(token);
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toEqual({ error: { code: 'DEVICE_REVOKED', message: expect.any(String), wipe: true } });
      // Any route, not only /me.
      const friends = await api(relay.app, 'GET', '/v1/friendships', { token });
      expect(friends.body).toMatchObject({ error: { code: 'DEVICE_REVOKED', wipe: true } });
    }
  });

  it('says wipe: false when the guardian did not tick "also erase"', async () => {
    const family = await createFamily(relay.app);
    expectStatus(await api(relay.app, 'DELETE', `/v1/devices/${family.deviceId}`, { token: family.parent.token }), 204);
    expect((await me(family.childToken)).json()).toMatchObject({ error: { code: 'DEVICE_REVOKED', wipe: false } });
  });

  it("tombstones one child's credential taken off a PC, and only that one", async () => {
    const { parent, kids, enrolled } = await twoChildrenOnOnePc(relay.app);
    const [first, second] = enrolled.credentials as unknown as [{ token: string }, { token: string }];
    const url = `/v1/devices/${enrolled.deviceId}/children/${kids[0]?.childId}?erase=true`;
    expectStatus(await api(relay.app, 'DELETE', url, { token: parent.token }), 204);
    expect((await me(first.token)).json()).toMatchObject({ error: { code: 'DEVICE_REVOKED', wipe: true } });
    expect((await me(second.token)).statusCode).toBe(200);
  });

  it('refuses an erase flag that is not true or false', async () => {
    const family = await createFamily(relay.app);
    const res = await api(relay.app, 'DELETE', `/v1/devices/${family.deviceId}?erase=yes`, { token: family.parent.token });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect((await me(family.childToken)).statusCode).toBe(200);
  });

  it('still answers an unknown credential as before, and a 0.2.0 app as before', async () => {
    const unknown = await me('dc_unknownunknownunknown');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    const family = await createFamily(relay.app);
    expectStatus(
      await api(relay.app, 'DELETE', `/v1/devices/${family.deviceId}?erase=true`, { token: family.parent.token }),
      204,
    );
    // An app that cannot read DEVICE_REVOKED hears what it heard before the tombstones.
    const old = await me(family.childToken, '0.2.0');
    expect(old.statusCode).toBe(401);
    expect(old.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
  });

  it('refuses the /v1/ws upgrade of a signed-out credential with DEVICE_REVOKED and the wipe flag', async () => {
    const family = await createFamily(relay.app);
    expectStatus(
      await api(relay.app, 'DELETE', `/v1/devices/${family.deviceId}?erase=true`, { token: family.parent.token }),
      204,
    );
    expect(await refusedUpgrade(family.childToken)).toEqual({
      status: 401,
      body: { error: { code: 'DEVICE_REVOKED', message: expect.any(String), wipe: true } },
    });
  });

  it('answers a hello with a signed-out credential with a DEVICE_REVOKED frame, then closes 4401', async () => {
    const family = await createFamily(relay.app);
    expectStatus(await api(relay.app, 'DELETE', `/v1/devices/${family.deviceId}`, { token: family.parent.token }), 204);
    const socket = await openSocket(wsUrl, family.childToken, 'hello');
    const frame = await socket.take((f) => f.type === 'error');
    expect(frame).toEqual({ type: 'error', code: 'DEVICE_REVOKED', message: expect.any(String), wipe: false });
    expect((await socket.closed).code).toBe(4401);
  });

  it('keeps a tombstone 90 days, then sweeps it: the credential is unknown again', async () => {
    const family = await createFamily(relay.app);
    expectStatus(
      await api(relay.app, 'DELETE', `/v1/devices/${family.deviceId}?erase=true`, { token: family.parent.token }),
      204,
    );
    relay.clock.advance(89 * DAY);
    await relay.app.retention.sweepNow();
    expect((await me(family.childToken)).json()).toMatchObject({ error: { code: 'DEVICE_REVOKED', wipe: true } });
    relay.clock.advance(1 * DAY + 1);
    await relay.app.retention.sweepNow();
    expect((await me(family.childToken)).json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('deleting a child tombstones its credentials (F18)', () => {
  it('answers each of its PCs, off or on, with DEVICE_REVOKED and wipe: true; the sibling on the same PC keeps working', async () => {
    const { parent, kids, enrolled } = await twoChildrenOnOnePc(relay.app);
    const [first, second] = enrolled.credentials as unknown as [{ token: string }, { token: string }];
    // A second PC of the first child, off during the delete.
    const other = await api<{ credentials: { token: string }[] }>(relay.app, 'POST', '/v1/devices', {
      token: parent.token,
      body: {
        name: 'Laptop',
        info: { os: 'linux', appVersion: '0.3.0', language: 'en', timeZone: 'UTC' },
        childIds: [kids[0]?.childId],
      },
    });
    const laptop = (expectStatus(other, 201).credentials[0] as { token: string }).token;
    expectStatus(
      await api(relay.app, 'DELETE', `/v1/children/${kids[0]?.childId}`, {
        token: parent.token,
        body: { password: parent.password },
      }),
      204,
    );
    for (const token of [first.token, laptop]) {
      const answer = await me(token);
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toEqual({ error: { code: 'DEVICE_REVOKED', message: expect.any(String), wipe: true } });
    }
    expect(await refusedUpgrade(laptop)).toMatchObject({ status: 401, body: { error: { code: 'DEVICE_REVOKED', wipe: true } } });
    expect((await me(second.token)).statusCode).toBe(200);
  });

  it('keeps the first tombstone of a credential signed out before the delete (wipe: false stays)', async () => {
    const family = await createFamily(relay.app);
    expectStatus(await api(relay.app, 'DELETE', `/v1/devices/${family.deviceId}`, { token: family.parent.token }), 204);
    expectStatus(
      await api(relay.app, 'DELETE', `/v1/children/${family.child.childId}`, {
        token: family.parent.token,
        body: { password: family.parent.password },
      }),
      204,
    );
    expect((await me(family.childToken)).json()).toMatchObject({ error: { code: 'DEVICE_REVOKED', wipe: false } });
  });
});

describe('every guardian of a child sees and may sign out the PCs it is on (F18)', () => {
  it("lists the other guardian's PC with only the co-guardian's own children, and signs out only theirs", async () => {
    const { parent, kids, enrolled } = await twoChildrenOnOnePc(relay.app);
    const [shared, onlyA] = kids as unknown as [{ childId: string }, { childId: string }];
    const [sharedCred, onlyACred] = enrolled.credentials as unknown as [{ token: string }, { token: string }];
    const b = await addGrownUp(relay.app, parent.token, 'guardian', [shared.childId], { displayName: 'Co' });
    const stranger = await createFamily(relay.app);

    const seen = await devicesOf(b.token);
    expect(seen.map((d) => d.deviceId)).toEqual([enrolled.deviceId]);
    expect(seen[0]?.children.map((c) => c.childId)).toEqual([shared.childId]);
    expect(seen[0]).toMatchObject({ name: 'Family PC', info: DEVICE_INFO, revokedAt: null });
    expect(await devicesOf(stranger.parent.token)).toHaveLength(1);
    expect((await api(relay.app, 'DELETE', `/v1/devices/${enrolled.deviceId}`, { token: stranger.parent.token })).status).toBe(
      404,
    );

    expectStatus(await api(relay.app, 'DELETE', `/v1/devices/${enrolled.deviceId}?erase=true`, { token: b.token }), 204);
    expect((await me(sharedCred.token)).json()).toMatchObject({ error: { code: 'DEVICE_REVOKED', wipe: true } });
    // The child B does not guard stays signed in; the PC stays A's, live.
    expect((await me(onlyACred.token)).statusCode).toBe(200);
    const [forA] = await devicesOf(parent.token);
    expect(forA?.revokedAt).toBeNull();
    expect(forA?.children.map((c) => [c.childId, c.revokedAt === null])).toEqual([
      [shared.childId, false],
      [onlyA.childId, true],
    ]);
  });

  it('signs the whole PC out when every child on it is one the co-guardian guards', async () => {
    const a = await createFamily(relay.app);
    const b = await addGrownUp(relay.app, a.parent.token, 'guardian', [a.child.childId]);
    const [device] = await devicesOf(b.token);
    expect(device?.deviceId).toBe(a.deviceId);
    expect(device?.lastSeen).toBeNull();
    expectStatus(await api(relay.app, 'DELETE', `/v1/devices/${a.deviceId}`, { token: b.token }), 204);
    expect((await me(a.childToken)).json()).toMatchObject({ error: { code: 'DEVICE_REVOKED', wipe: false } });
    expect((await devicesOf(a.parent.token))[0]?.revokedAt).toEqual(expect.any(Number));
  });

  it("lets a co-guardian take their child off the other guardian's PC", async () => {
    const a = await createFamily(relay.app);
    const b = await addGrownUp(relay.app, a.parent.token, 'guardian', [a.child.childId]);
    const url = `/v1/devices/${a.deviceId}/children/${a.child.childId}?erase=true`;
    expectStatus(await api(relay.app, 'DELETE', url, { token: b.token }), 204);
    expect((await me(a.childToken)).json()).toMatchObject({ error: { code: 'DEVICE_REVOKED', wipe: true } });
  });

  it('shows a trusted grown-up no PC', async () => {
    const a = await createFamily(relay.app);
    const trusted = await addGrownUp(relay.app, a.parent.token, 'trusted', [a.child.childId]);
    expect(await devicesOf(trusted.token)).toEqual([]);
    expect((await api(relay.app, 'DELETE', `/v1/devices/${a.deviceId}`, { token: trusted.token })).status).toBe(404);
  });
});

describe('last seen, to the day (F18)', () => {
  it('is null until the PC calls, then the UTC day of its last request or socket, never finer', async () => {
    const family = await createFamily(relay.app);
    // Days pass in this test: a fresh session for each look.
    const seen = async () => {
      const { token } = await signIn(relay.app, family.parent.email, family.parent.password);
      return (await devicesOf(token)).find((d) => d.deviceId === family.deviceId)?.lastSeen;
    };
    expect(await seen()).toBeNull();
    const today = new Date(relay.clock.now()).toISOString().slice(0, 10);
    expect((await me(family.childToken)).statusCode).toBe(200);
    expect(await seen()).toBe(today);
    relay.clock.advance(2 * DAY);
    const later = new Date(relay.clock.now()).toISOString().slice(0, 10);
    expect(later).not.toBe(today);
    // A socket counts too.
    const socket = await openSocket(wsUrl, family.childToken);
    await socket.take((f) => f.type === 'welcome');
    await socket.close();
    expect(await seen()).toBe(later);
    expect(await seen()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The parent's own requests are not the PC's.
    relay.clock.advance(DAY);
    expect(await seen()).toBe(later);
  });
});

describe("the PC's info, sent again when it changes (F18)", () => {
  const NEW_INFO = { os: 'win32', osVersion: '10.0.22631', appVersion: '0.3.0', language: 'es-ES', timeZone: 'Europe/Madrid' };

  it('replaces the info with its own device credential; the parent sees it', async () => {
    const family = await createFamily(relay.app);
    const res = await api(relay.app, 'PUT', `/v1/devices/${family.deviceId}/info`, {
      token: family.childToken,
      body: { info: NEW_INFO },
    });
    expect(res.status).toBe(204);
    const [device] = await devicesOf(family.parent.token);
    expect(device?.info).toEqual(NEW_INFO);
  });

  it('accepts info without an OS version (as a 0.2.0 app enrolls)', async () => {
    const family = await createFamily(relay.app);
    const [device] = await devicesOf(family.parent.token);
    expect(device?.info).toEqual(DEVICE_INFO);
  });

  it.each([
    ['a missing OS', { appVersion: '0.3.0', language: 'en', timeZone: 'UTC' }],
    ['an unknown field', { ...NEW_INFO, serial: 'ABC-123' }],
    ['an OS version too long', { ...NEW_INFO, osVersion: 'x'.repeat(65) }],
    ['an empty OS version', { ...NEW_INFO, osVersion: '' }],
  ])('refuses %s with VALIDATION_FAILED and keeps the old info', async (_what, info) => {
    const family = await createFamily(relay.app);
    const res = await api(relay.app, 'PUT', `/v1/devices/${family.deviceId}/info`, { token: family.childToken, body: { info } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: expect.any(String) } });
    expect((await devicesOf(family.parent.token))[0]?.info).toEqual(DEVICE_INFO);
  });

  it("refuses another PC's info (404), a grown-up's session (403) and a signed-out PC (DEVICE_REVOKED)", async () => {
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    const put = (token: string, deviceId: string) =>
      api(relay.app, 'PUT', `/v1/devices/${deviceId}/info`, { token, body: { info: NEW_INFO } });
    expect((await put(a.childToken, b.deviceId)).status).toBe(404);
    expect((await put(a.parent.token, a.deviceId)).status).toBe(403);
    expectStatus(await api(relay.app, 'DELETE', `/v1/devices/${a.deviceId}`, { token: a.parent.token }), 204);
    expect((await put(a.childToken, a.deviceId)).body).toMatchObject({ error: { code: 'DEVICE_REVOKED' } });
    expect((await devicesOf(b.parent.token))[0]?.info).toEqual(DEVICE_INFO);
  });
});

describe("a guardian's own parent-mode PCs, with last seen (F18)", () => {
  type Computers = {
    computers: { deviceId: string; sessionId: string; since: number; lastSeen: string | null; current: boolean }[];
  };
  const computersOf = async (token: string) =>
    expectStatus(await api<Computers>(relay.app, 'GET', '/v1/parent-devices', { token }), 200).computers;

  it('lists each parent-mode PC with the day it was last seen; a signed-out one goes, and its session ends', async () => {
    const parent = await registerParent(relay.app);
    expect(await computersOf(parent.token)).toEqual([]);
    const day = () => new Date(relay.clock.now()).toISOString().slice(0, 10);
    const today = day();
    let laptop = await signIn(relay.app, parent.email, parent.password);
    const laptopDevice = await registerParentDevice(relay.app, laptop.token);
    let desk = await signIn(relay.app, parent.email, parent.password);
    const deskDevice = await registerParentDevice(relay.app, desk.token);
    expect(await computersOf(desk.token)).toEqual([
      { deviceId: laptopDevice, sessionId: laptop.sessionId, since: relay.clock.now(), lastSeen: today, current: false },
      { deviceId: deskDevice, sessionId: desk.sessionId, since: relay.clock.now(), lastSeen: today, current: true },
    ]);

    // The desk keeps signing in again (its session lasts hours) until the next day; the laptop stays off.
    const renew = async (old: { sessionId: string }) => {
      const grant = await signIn(relay.app, parent.email, parent.password);
      await registerParentDevice(relay.app, grant.token, old.sessionId);
      return grant;
    };
    while (day() === today) {
      relay.clock.advance(5 * 60 * 60 * 1000);
      desk = await renew(desk);
      if (day() === today) laptop = await renew(laptop);
    }
    const later = day();
    const listed = await computersOf(desk.token);
    expect(listed.map((c) => [c.deviceId, c.lastSeen, c.current])).toEqual([
      [laptopDevice, today, false],
      [deskDevice, later, true],
    ]);
    // Any request with the laptop's session counts as the laptop seen.
    expect((await me(laptop.token)).statusCode).toBe(200);
    expect((await computersOf(desk.token)).find((c) => c.deviceId === laptopDevice)?.lastSeen).toBe(later);
    // Another grown-up sees none of them; the pane session that made this account is no parent-mode PC.
    const other = await registerParent(relay.app);
    expect(await computersOf(other.token)).toEqual([]);
    expect((await computersOf(desk.token)).map((c) => c.sessionId)).not.toContain(parent.sessionId);

    // Signed out from the desk: the laptop's session ends and it is no longer listed.
    expectStatus(await api(relay.app, 'DELETE', `/v1/sessions/${laptop.sessionId}`, { token: desk.token }), 204);
    expect((await me(laptop.token)).statusCode).toBe(401);
    expect((await computersOf(desk.token)).map((c) => c.deviceId)).toEqual([deskDevice]);
  });

  it('refuses a child credential (403)', async () => {
    const family = await createFamily(relay.app);
    expect((await api(relay.app, 'GET', '/v1/parent-devices', { token: family.childToken })).status).toBe(403);
  });
});
