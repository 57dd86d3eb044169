import fs from 'node:fs';
import argon2 from 'argon2';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARENT_ONLY_CHANNELS, type ChannelName } from '@hearth/common';
import { PARENT_ONLY_SAMPLE_ARGS as VALID_ARGS } from '../ipc/parent-only-samples';
import { must, RELAY_PASSWORD, setUpFamily, startTestDesktop, TEST_PASSWORD, type TestDesktop } from '@hearth/test-kit/desktop';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { waitFor } from '@hearth/test-kit/ports';

let relay: TestRelay;
let t = Date.now();
const clock = { now: (): number => t, advance: (ms: number): void => void (t += ms) };
let desk: TestDesktop;
let childId: string;
let parentEmail: string;

beforeAll(async () => {
  relay = await startTestRelay();
  desk = await startTestDesktop(relay.url, { now: clock.now });
  ({ childId, parentEmail } = await setUpFamily(desk.api, 'Maya'));
});

afterAll(async () => {
  desk.close();
  await relay.dispose();
});

async function call(channel: ChannelName, args: unknown): Promise<unknown> {
  return desk.core.handlers[channel](args);
}

describe("the grown-ups' pane lock", () => {
  it('refuses every parent-only channel while locked, even with a child at the PC', async () => {
    must(await desk.api.lock());
    must(await desk.api.selectProfile({ childId }));
    const before = must(await desk.api.getSettings());
    for (const channel of PARENT_ONLY_CHANNELS) {
      expect(await call(channel, VALID_ARGS[channel]), channel).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    }
    expect(must(await desk.api.getSettings())).toEqual(before);
    expect(must(await desk.api.getLockStatus())).toMatchObject({ state: 'locked', parentSignedIn: false });
  });

  it('lets the same channels past the lock once unlocked', async () => {
    must(await desk.api.unlock({ password: TEST_PASSWORD }));
    for (const channel of PARENT_ONLY_CHANNELS.filter((c) => c !== 'signOutParent' && c !== 'changeParentPassword')) {
      const result = (await call(channel, VALID_ARGS[channel])) as { ok: boolean; error?: { code: string } };
      expect(result.ok ? 'OK' : result.error?.code, channel).not.toBe('LOCKED');
    }
    must(await desk.api.lock());
  });

  it('backs off exponentially after wrong passwords and locks for 15 minutes after five', async () => {
    const expectedWaits = [1_000, 2_000, 4_000, 8_000, 15 * 60_000];
    for (const [i, wait] of expectedWaits.entries()) {
      expect(await desk.api.unlock({ password: 'wrong-password' })).toMatchObject({
        ok: false,
        error: { code: 'WRONG_PASSWORD' },
      });
      const status = must(await desk.api.getLockStatus());
      expect(status).toMatchObject({ state: 'locked', failures: i + 1, retryAt: t + wait });
      // Even the right password is refused before the wait is over.
      clock.advance(wait - 1);
      expect(await desk.api.unlock({ password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
      clock.advance(1);
    }
    expect(must(await desk.api.unlock({ password: TEST_PASSWORD }))).toMatchObject({
      state: 'unlocked',
      failures: 0,
      retryAt: null,
    });
    must(await desk.api.lock());
  });

  it('keeps the failure count across a restart of the app', async () => {
    expect((await desk.api.unlock({ password: 'wrong-password' })).ok).toBe(false);
    desk.close();
    desk = await startTestDesktop(relay.url, { now: clock.now, dataDir: desk.dataDir });
    expect(must(await desk.api.getLockStatus())).toMatchObject({ state: 'locked', failures: 1, retryAt: t + 1_000 });
    expect(await desk.api.unlock({ password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    clock.advance(1_000);
    must(await desk.api.unlock({ password: TEST_PASSWORD }));
  });

  it('locks itself when idle; the parent session waits, unusable, for the next unlock', async () => {
    must(await desk.api.unlock({ password: TEST_PASSWORD }));
    must(await desk.api.signInParent({ email: parentEmail, password: RELAY_PASSWORD }));
    expect(must(await desk.api.getLockStatus()).parentSignedIn).toBe(true);
    must(await desk.api.updateSettings({ autoLockMinutes: 5 }));
    expect(must(await desk.api.getLockStatus()).state).toBe('unlocked');
    clock.advance(4 * 60_000);
    must(await desk.api.keepParentUnlocked());
    clock.advance(4 * 60_000);
    expect(must(await desk.api.getLockStatus()).state).toBe('unlocked');
    clock.advance(60_000 + 1);
    expect(must(await desk.api.getLockStatus())).toMatchObject({ state: 'locked', parentSignedIn: false });
    expect(await desk.api.listApprovals()).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(desk.events.some((e) => e.event === 'lockChanged' && e.payload.state === 'locked')).toBe(true);
  });

  it('keeps the parent session across a lock, so the next unlock needs no second sign-in', async () => {
    must(await desk.api.unlock({ password: TEST_PASSWORD }));
    expect(must(await desk.api.getLockStatus()).parentSignedIn).toBe(true);
    must(await desk.api.lock());
    expect(desk.core.services.lock.session()).toBeNull();
    expect(await desk.api.listApprovals()).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await desk.api.getParentAccount()).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    const unlocked = must(await desk.api.unlock({ password: TEST_PASSWORD }));
    expect(unlocked.parentSignedIn).toBe(true);
    must(await desk.api.listApprovals());
    expect(must(await desk.api.getParentAccount()).email).toBe(parentEmail);
    must(await desk.api.lock());
  });

  it("opens nothing for a password put in the PC's files while the app runs, and keeps its wait when the file's is cleared", async () => {
    // A child on the same OS account can write the data folder: a password of their own, a cleared
    // password (first run again?) and cleared failures, with the parent session held in memory.
    must(await desk.api.unlock({ password: TEST_PASSWORD }));
    expect(must(await desk.api.getLockStatus()).parentSignedIn).toBe(true);
    must(await desk.api.lock());
    const file = new Database(path.join(desk.dataDir, 'family.sqlite'));
    try {
      file
        .prepare('UPDATE parent_lock SET password_hash = ?, failures = 0, retry_at = NULL')
        .run(await argon2.hash('childs-own-password'));
      expect(await desk.api.unlock({ password: 'childs-own-password' })).toMatchObject({
        ok: false,
        error: { code: 'WRONG_PASSWORD' },
      });
      file.prepare('UPDATE parent_lock SET failures = 0, retry_at = NULL').run();
      expect(await desk.api.unlock({ password: 'childs-own-password' })).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED' },
      });
      file.prepare('UPDATE parent_lock SET password_hash = NULL').run();
      expect(must(await desk.api.getLockStatus()).state).toBe('locked');
      expect(must(await desk.api.getAppInfo()).lockSet).toBe(true); // no first run on screen either
      // (No first run again: the pane is still locked.)
      expect(await desk.api.setParentPassword({ password: 'childs-own-password' })).toMatchObject({
        ok: false,
        error: { code: 'LOCKED' },
      });
      expect(await desk.api.listApprovals()).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    } finally {
      file.close();
    }
    // The grown-up's own password still works once the wait is over, with the session it held.
    clock.advance(1_000);
    expect(must(await desk.api.unlock({ password: TEST_PASSWORD })).parentSignedIn).toBe(true);
    must(await desk.api.lock());
  });

  it('forgets the parent session when the grown-up signs out, and ends it on the relay', async () => {
    must(await desk.api.unlock({ password: TEST_PASSWORD }));
    must(await desk.api.signInParent({ email: parentEmail, password: RELAY_PASSWORD }));
    const held = desk.core.services.lock.session();
    expect(must(await desk.api.signOutParent())).toMatchObject({ state: 'locked', parentSignedIn: false });
    expect(must(await desk.api.unlock({ password: TEST_PASSWORD })).parentSignedIn).toBe(false);
    await waitFor(
      async () => (await fetch(`${relay.url}/v1/me`, { headers: { authorization: `Bearer ${held?.token}` } })).status === 401,
    );
    must(await desk.api.lock());
  });

  it('remembers the email on this PC, never the relay password or the session token', async () => {
    expect(must(await desk.api.getRememberedEmail())).toEqual({ email: parentEmail });
    must(await desk.api.unlock({ password: TEST_PASSWORD }));
    must(await desk.api.signInParent({ email: parentEmail, password: RELAY_PASSWORD }));
    const token = desk.core.services.lock.session()?.token ?? 'no token';
    must(await desk.api.lock());
    const files = fs.readdirSync(desk.dataDir).filter((f) => f.startsWith('family.sqlite'));
    const bytes = Buffer.concat(files.map((f) => fs.readFileSync(path.join(desk.dataDir, f))));
    expect(bytes.includes(Buffer.from(parentEmail))).toBe(true);
    expect(bytes.includes(Buffer.from(RELAY_PASSWORD))).toBe(false);
    expect(bytes.includes(Buffer.from(token))).toBe(false);
  });

  it('lets the grown-up who enrolled this PC unlock at once with their Hearth account, even when locked out', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await desk.api.unlock({ password: 'wrong-password' })).ok).toBe(false);
      clock.advance(must(await desk.api.getLockStatus()).failures < 5 ? 10_000 : 0);
    }
    expect(must(await desk.api.getLockStatus())).toMatchObject({ state: 'locked', failures: 5, retryAt: t + 15 * 60_000 });
    const status = must(await desk.api.unlockWithAccount({ email: parentEmail, password: RELAY_PASSWORD }));
    expect(status).toMatchObject({ state: 'unlocked', failures: 0, retryAt: null, parentSignedIn: true });
    must(await desk.api.listApprovals());
    must(await desk.api.lock());
  });

  it("refuses another grown-up's Hearth account before the pane opens, and a wrong account password", async () => {
    const other = await startTestDesktop(relay.url);
    const { parentEmail: otherEmail } = await setUpFamily(other.api, 'Noor');
    other.close();
    expect((await desk.api.unlock({ password: 'wrong-password' })).ok).toBe(false);
    const before = must(await desk.api.getLockStatus());
    expect(await desk.api.unlockWithAccount({ email: otherEmail, password: RELAY_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await desk.api.unlockWithAccount({ email: parentEmail, password: 'not-the-relay-password' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD' },
    });
    expect(must(await desk.api.getLockStatus())).toEqual({ ...before, parentSignedIn: false });
    expect(desk.core.services.lock.session()).toBeNull();
    expect(await desk.api.listApprovals()).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    clock.advance(1_000);
  });

  it('stores only an argon2id hash of the password', () => {
    const files = fs.readdirSync(desk.dataDir).filter((f) => f.startsWith('family.sqlite'));
    const bytes = Buffer.concat(files.map((f) => fs.readFileSync(path.join(desk.dataDir, f))));
    expect(bytes.includes(Buffer.from(TEST_PASSWORD))).toBe(false);
    expect(bytes.includes(Buffer.from('$argon2id$'))).toBe(true);
  });

  it('asks the relay for a family-PC session (4 h) and forgets it once expired', async () => {
    must(await desk.api.unlock({ password: TEST_PASSWORD }));
    must(await desk.api.signInParent({ email: parentEmail, password: RELAY_PASSWORD }));
    const held = desk.core.services.lock.session();
    const lifetime = (held?.expiresAt ?? 0) - Date.now();
    expect(lifetime).toBeGreaterThan(4 * 3_600_000 - 60_000);
    expect(lifetime).toBeLessThanOrEqual(4 * 3_600_000);
    must(await desk.api.lock());
    // Last: the pane's own clock jumps past the session's end (the relay's clock is the real one).
    clock.advance((held?.expiresAt ?? 0) - t);
    expect(must(await desk.api.unlock({ password: TEST_PASSWORD })).parentSignedIn).toBe(false);
    expect(await desk.api.listApprovals()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    must(await desk.api.lock());
  });
});
