import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, RETENTION_DAYS, type AttachmentRef, type QuietSchedule, type WeeklyWindows } from '@hearth/common';
import {
  PASSWORD,
  api,
  befriend,
  createFamily,
  expectStatus,
  registerParent,
  relayForFile,
  type TestRelay,
} from '../../test/helpers';
import { listenForWs, sendAndAck, settle, socketPool, text, type TestSocket } from '../../test/ws-client';
import { createFolderBlobStore } from '../attachments/folder-blob-store';
import type {} from './plugin';

/**
 * Each retention rule at the numbers the relay publishes (`RETENTION_DAYS`, served by
 * `GET /v1/policy`), on the relay's hand-moved clock: nothing goes a minute early, and the sweep
 * after the time is up deletes it.
 */
let relay: TestRelay;
relayForFile((r) => (relay = r));
const MIN = 60_000;
const sockets = socketPool();
afterAll(() => sockets.closeAll());

describe('sign-in failures', () => {
  const failures = (email: string) => relay.app.relay.store.sessions.getSignInFailures(email);
  const wrong = (email: string) => api(relay.app, 'POST', '/v1/sessions', { body: { email, password: 'not the password' } });

  it('are kept one day after the last failure, then the hourly sweep forgets them', async () => {
    const parent = await registerParent(relay.app);
    expect((await wrong(parent.email)).status).toBe(401);
    expect(await failures(parent.email)).toMatchObject({ failures: 1 });
    relay.clock.advance(RETENTION_DAYS.signInFailures * DAY_MS - MIN);
    await relay.app.retention.sweepNow();
    expect(await failures(parent.email)).toMatchObject({ failures: 1 });
    relay.clock.advance(MIN);
    const pass = await relay.app.retention.sweepNow();
    expect(pass.deleted['sign-in-failures']).toBeGreaterThanOrEqual(1);
    expect(await failures(parent.email)).toBeUndefined();
    // The password still works, and a fresh streak starts from nothing.
    expect((await api(relay.app, 'POST', '/v1/sessions', { body: { email: parent.email, password: PASSWORD } })).status).toBe(
      201,
    );
  });
});

describe('device tombstones', () => {
  it('are kept 90 days after signing a computer out, then swept', async () => {
    const family = await createFamily(relay.app);
    expectStatus(
      await api(relay.app, 'DELETE', `/v1/devices/${family.deviceId}?erase=true`, { token: family.parent.token }),
      204,
    );
    const me = () => api<{ error: { code: string } }>(relay.app, 'GET', '/v1/me', { token: family.childToken });
    relay.clock.advance(RETENTION_DAYS.deviceTombstones * DAY_MS - MIN);
    await relay.app.retention.sweepNow();
    expect((await me()).body.error.code).toBe('DEVICE_REVOKED');
    relay.clock.advance(MIN + 1);
    expect((await relay.app.retention.sweepNow()).deleted['device-tombstones']).toBeGreaterThanOrEqual(1);
    expect((await me()).body.error.code).toBe('UNAUTHENTICATED');
  });
});

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1a4f80000000049454e44ae426082',
  'hex',
);

/**
 * The quiet-hours rule at the published numbers: 15 days of non-quiet time, 30 calendar days at
 * most; a photo's bytes go with its message.
 */
describe('queued messages and their attachments', () => {
  const none: WeeklyWindows = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  const day = [{ start: '02:00', end: '22:00' }];
  /** Quiet 20 hours a day: 15 days of non-quiet time would take 90 days, so the 30-day bound decides. */
  const mostlyQuiet: QuietSchedule = {
    quiet: { ...none, mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
    dailyLimitMinutes: null,
    trustedGrownUpsReach: false,
  };
  let url: string;
  let friendToken: string;
  let sender: TestSocket;
  let awake: Awaited<ReturnType<typeof createFamily>>;
  let sleepy: Awaited<ReturnType<typeof createFamily>>;
  const expiredIds = (): string[] => [...new Set(sender.frames.flatMap((f) => (f.type === 'expired' ? f.ids : [])))];
  const sweepAt = async (ms: number): Promise<void> => {
    relay.clock.advance(ms);
    await relay.app.realtime.sweep();
    await settle();
  };

  beforeAll(async () => {
    url = await listenForWs(relay.app);
    const friend = await createFamily(relay.app);
    awake = await createFamily(relay.app);
    sleepy = await createFamily(relay.app);
    await befriend(relay.app, friend, awake);
    await befriend(relay.app, friend, sleepy);
    expectStatus(
      await api(relay.app, 'PUT', `/v1/children/${sleepy.child.childId}/quiet`, {
        token: sleepy.parent.token,
        body: mostlyQuiet,
      }),
      200,
    );
    friendToken = friend.childToken;
    sender = await sockets.open(url, friend.childToken);
  });

  it('wait 15 days for a child who is never quiet, and 30 calendar days at most for one who mostly is', async () => {
    const uploaded = await relay.app.inject({
      method: 'POST',
      url: '/v1/attachments',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${friendToken}` },
      payload: PNG,
    });
    const ref = uploaded.json<AttachmentRef>();
    const blob = createFolderBlobStore(path.join(relay.dataDir, 'attachments')).pathOf(ref.hash);
    const toAwake = await sendAndAck(sender, awake.child.childId, text('see you'));
    const toSleepy = await sendAndAck(sender, sleepy.child.childId, { kind: 'photo', attachment: ref });
    expect(fs.existsSync(blob)).toBe(true);
    await sweepAt(RETENTION_DAYS.queuedMessages * DAY_MS - MIN);
    expect(expiredIds()).toEqual([]);
    await sweepAt(2 * MIN);
    expect(expiredIds()).toEqual([toAwake]);
    await sweepAt((RETENTION_DAYS.queuedMessagesAtMost - RETENTION_DAYS.queuedMessages) * DAY_MS - 2 * MIN);
    expect(expiredIds()).toEqual([toAwake]);
    expect(fs.existsSync(blob)).toBe(true);
    await sweepAt(2 * MIN);
    expect(expiredIds()).toEqual([toAwake, toSleepy]);
    expect(fs.existsSync(blob)).toBe(false);
  });
});
