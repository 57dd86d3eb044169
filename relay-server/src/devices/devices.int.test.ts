import type { Static } from 'typebox';
import { describe, expect, it } from 'vitest';
import type { DeviceList, EnrollDeviceResult } from '@hearth/common';
import {
  DEVICE_INFO,
  api,
  createChild,
  createFamily,
  expectStatus,
  registerParent,
  type TestFamily,
  twoChildrenOnOnePc,
  relayForFile,
  type TestRelay,
} from '../../test/helpers';

let relay: TestRelay;
relayForFile((r) => (relay = r));

const me = (token: string) => api<{ kind: string; childId?: string; deviceId?: string }>(relay.app, 'GET', '/v1/me', { token });
const devicesOf = async (token: string) =>
  expectStatus(await api<Static<typeof DeviceList>>(relay.app, 'GET', '/v1/devices', { token }), 200).devices;

describe('device enrollment', () => {
  it('gives each child on the PC its own credential, which acts as that child on that device', async () => {
    const { kids, enrolled } = await twoChildrenOnOnePc(relay.app);
    expect(enrolled.credentials.map((c) => c.childId)).toEqual(kids.map((k) => k.childId));
    expect(new Set(enrolled.credentials.map((c) => c.token)).size).toBe(2);
    for (const credential of enrolled.credentials) {
      const who = expectStatus(await me(credential.token), 200);
      expect(who).toMatchObject({ kind: 'child', childId: credential.childId, deviceId: enrolled.deviceId });
    }
  });

  it("records the PC's details for the parent to see (F18)", async () => {
    const family = await createFamily(relay.app);
    const [device] = await devicesOf(family.parent.token);
    expect(device).toEqual({
      deviceId: family.deviceId,
      name: 'Family PC',
      info: DEVICE_INFO,
      enrolledAt: relay.clock.now(),
      revokedAt: null,
      lastSeen: null,
      children: [{ childId: family.child.childId, displayName: family.child.displayName, revokedAt: null }],
    });
  });

  it("refuses to enroll another family's child, and enrolls nothing at all", async () => {
    const parent = await registerParent(relay.app);
    const own = await createChild(relay.app, parent.token);
    const stranger = await createFamily(relay.app);
    const res = await api(relay.app, 'POST', '/v1/devices', {
      token: parent.token,
      body: { name: 'PC', info: DEVICE_INFO, childIds: [own.childId, stranger.child.childId] },
    });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await devicesOf(parent.token)).toEqual([]);
  });

  it("lists only the parent's own devices", async () => {
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    expect((await devicesOf(b.parent.token)).map((d) => d.deviceId)).toEqual([b.deviceId]);
    expect((await devicesOf(a.parent.token)).map((d) => d.deviceId)).toEqual([a.deviceId]);
  });
});

describe('revoking devices and credentials', () => {
  it('revokes a whole PC: every credential on it stops working at once', async () => {
    const { parent, kids, enrolled } = await twoChildrenOnOnePc(relay.app);
    const revoked: unknown[] = [];
    const listener = (e: unknown): void => void revoked.push(e);
    relay.app.relay.events.on('credentialsRevoked', listener);
    try {
      expect((await api(relay.app, 'DELETE', `/v1/devices/${enrolled.deviceId}`, { token: parent.token })).status).toBe(204);
    } finally {
      relay.app.relay.events.off('credentialsRevoked', listener);
    }
    for (const credential of enrolled.credentials) {
      const res = await me(credential.token);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: { code: 'DEVICE_REVOKED' } });
    }
    expect(revoked).toEqual([{ childIds: expect.arrayContaining(kids.map((k) => k.childId)), deviceId: enrolled.deviceId }]);
    const [device] = await devicesOf(parent.token);
    expect(device?.revokedAt).toBe(relay.clock.now());
  });

  it("revokes one child's credential on a PC, leaving the sibling's working", async () => {
    const { parent, enrolled } = await twoChildrenOnOnePc(relay.app);
    const [first, second] = enrolled.credentials as [EnrollDeviceResult['credentials'][0], EnrollDeviceResult['credentials'][0]];
    const res = await api(relay.app, 'DELETE', `/v1/devices/${enrolled.deviceId}/children/${first.childId}`, {
      token: parent.token,
    });
    expect(res.status).toBe(204);
    expect((await me(first.token)).status).toBe(401);
    expect((await me(second.token)).status).toBe(200);
    const again = await api(relay.app, 'DELETE', `/v1/devices/${enrolled.deviceId}/children/${first.childId}`, {
      token: parent.token,
    });
    expect(again.status).toBe(404);
  });

  it('adds a child back to a PC with a fresh credential; the old one stays dead', async () => {
    const family = await createFamily(relay.app);
    const { deviceId, child, parent } = family;
    await api(relay.app, 'DELETE', `/v1/devices/${deviceId}/children/${child.childId}`, { token: parent.token });
    const readded = expectStatus(
      await api<EnrollDeviceResult>(relay.app, 'POST', `/v1/devices/${deviceId}/children`, {
        token: parent.token,
        body: { childId: child.childId },
      }),
      201,
    );
    const token = readded.credentials[0]?.token ?? '';
    expect(token).not.toBe(family.childToken);
    expect((await me(token)).status).toBe(200);
    expect((await me(family.childToken)).status).toBe(401);
    const [device] = await devicesOf(parent.token);
    expect(device?.children).toEqual([{ childId: child.childId, displayName: child.displayName, revokedAt: null }]);
  });

  it('refuses to add a child who already has a live credential on that PC', async () => {
    const family = await createFamily(relay.app);
    const res = await api(relay.app, 'POST', `/v1/devices/${family.deviceId}/children`, {
      token: family.parent.token,
      body: { childId: family.child.childId },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('refuses to add a child to a PC that was revoked', async () => {
    const family = await createFamily(relay.app);
    const sibling = await createChild(relay.app, family.parent.token);
    await api(relay.app, 'DELETE', `/v1/devices/${family.deviceId}`, { token: family.parent.token });
    const res = await api(relay.app, 'POST', `/v1/devices/${family.deviceId}/children`, {
      token: family.parent.token,
      body: { childId: sibling.childId },
    });
    expect(res.status).toBe(409);
  });

  it("refuses to revoke another family's PC or credential, which keep working", async () => {
    const victim = await createFamily(relay.app);
    const other = await registerParent(relay.app);
    const whole = await api(relay.app, 'DELETE', `/v1/devices/${victim.deviceId}`, { token: other.token });
    const one = await api(relay.app, 'DELETE', `/v1/devices/${victim.deviceId}/children/${victim.child.childId}`, {
      token: other.token,
    });
    expect([whole.status, one.status]).toEqual([404, 404]);
    expect((await me(victim.childToken)).status).toBe(200);
  });
});

describe('what a child credential cannot do', () => {
  it.each([
    ['enroll a PC', 'POST', '/v1/devices', (f: TestFamily) => ({ name: 'PC', info: DEVICE_INFO, childIds: [f.child.childId] })],
    ['list the PCs', 'GET', '/v1/devices', undefined],
    ['revoke its own PC', 'DELETE', '/v1/devices/{device}', undefined],
    ['revoke its own credential', 'DELETE', '/v1/devices/{device}/children/{child}', undefined],
    ['add a child to its PC', 'POST', '/v1/devices/{device}/children', (f: TestFamily) => ({ childId: f.child.childId })],
    [
      'create a child account',
      'POST',
      '/v1/children',
      () => ({
        displayName: 'Sneaky',
        username: 'sneakyone',
        consent: { policyVersion: relay.config.policyVersion, method: 'checkbox', agreed: true },
      }),
    ],
    ['list the children', 'GET', '/v1/children', undefined],
    ['read its own account details', 'GET', '/v1/children/{child}', undefined],
    ['rename itself', 'PATCH', '/v1/children/{child}', () => ({ displayName: 'Boss' })],
    ['read the consents', 'GET', '/v1/consents', undefined],
    ['list parent sessions', 'GET', '/v1/sessions', undefined],
  ] as const)('refuses a child credential that tries to %s (403)', async (_what, method, template, body) => {
    const family = await createFamily(relay.app);
    const url = template.replace('{device}', family.deviceId).replace('{child}', family.child.childId);
    const res = await api(relay.app, method, url, {
      token: family.childToken,
      ...(body ? { body: body(family) } : {}),
    });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String) } });
    expect((await me(family.childToken)).status).toBe(200);
  });
});
