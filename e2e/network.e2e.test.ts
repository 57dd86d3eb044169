/**
 * Calls on impaired networks (issue 18): two PCs, each in its own network namespace with its own
 * Chromium, the relay and TURN (behind a userspace stage that impairs each PC's media) on the host.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { CallHarness } from '@hearth/desktop/renderer/calls/harness/harness-types';
import type { ReceivedAudio } from '@hearth/desktop/renderer/calls/harness/received-audio';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { must } from '@hearth/test-kit/desktop';
import { withoutNamespaces } from '@hearth/test-kit/netpath/namespaces';
import { HOME_WIFI, impairment } from '@hearth/test-kit/netpath/impairment';
import { openNetWorld, type NetWorld } from '@hearth/test-kit/netpath/net-world';
import { firstFrameAfter, readNetWatch, startNetWatch } from './support/net-watch';
import { startTurnServer, turnServerAvailable, type LocalTurnServer } from '../scripts/coturn';

type Win = { callHarness: CallHarness };

describe.skipIf(withoutChromium() || withoutNamespaces() || !turnServerAvailable())('calls on impaired networks', () => {
  let work = '';
  let turn: LocalTurnServer | null = null;
  let world: NetWorld | null = null;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'hearth-net-'));
    turn = await startTurnServer();
    world = await openNetWorld({ workDir: work, names: ['Alice', 'Bob'], turn });
  }, 180_000);

  afterAll(async () => {
    await world?.close();
    await turn?.close();
    await rm(work, { recursive: true, force: true });
  }, 60_000);

  it('connects a relay-only call through the stage', async () => {
    const [alice, bob] = world!.kids;
    await bob!.page.evaluate(() => {
      (globalThis as unknown as Win).callHarness.autoAccept = true;
    });
    const ms = await alice!.page.evaluate((id) => (globalThis as unknown as Win).callHarness.measureDial(id), bob!.childId);
    expect(ms).toBeGreaterThan(0);
    const t = await alice!.page.evaluate(() => (globalThis as unknown as Win).callHarness.transport());
    expect(t?.local).toBe('relay');
    console.log(JSON.stringify(world!.stage.stats()));
  }, 60_000);

  it('stays watchable on home Wi-Fi: the friend’s video at 15 fps or more, the voice continuous', async () => {
    const [alice, bob] = world!.kids;
    const audio = (): Promise<ReceivedAudio | null> =>
      alice!.page.evaluate(() => (globalThis as unknown as Win).callHarness.receivedAudio());
    bob!.setPath({ up: HOME_WIFI, down: HOME_WIFI });
    try {
      // The call first finds the path's rate (its bandwidth estimate comes down to 1 Mbit/s).
      await new Promise((r) => setTimeout(r, 10_000));
      await startNetWatch(alice!.page);
      await new Promise((r) => setTimeout(r, 1_000));
      const [t0, from] = [Date.now(), await audio()];
      await new Promise((r) => setTimeout(r, 20_000));
      const [t1, to] = [Date.now(), await audio()];
      const frames = (await readNetWatch(alice!.page)).frames.filter((f) => f >= t0 && f <= t1);
      const fps = frames.length / ((t1 - t0) / 1000);
      const gaps = frames.slice(1).map((f, i) => f - frames[i]!);
      expect(from).not.toBeNull();
      // The same connection both times (no re-dial between), and about 20 s of audio at 48 kHz.
      expect(to?.connection).toBe(from!.connection);
      expect(to!.totalSamplesReceived - from!.totalSamplesReceived).toBeGreaterThan(15 * 48_000);
      const concealed = (to!.concealedSamples - from!.concealedSamples) / (to!.totalSamplesReceived - from!.totalSamplesReceived);
      console.log(
        `home Wi-Fi: received ${fps.toFixed(1)} fps, longest gap ${Math.round(Math.max(...gaps))} ms, audio concealed ${(100 * concealed).toFixed(2)} % of ${to!.totalSamplesReceived - from!.totalSamplesReceived} samples`,
      );
      expect(fps).toBeGreaterThanOrEqual(15);
      // The issue's limit is 2 %; with RED it is 0.2–0.4 % here, and 2.3–2.7 % with Opus alone, so
      // 1.5 % tells the two apart.
      expect(concealed).toBeLessThanOrEqual(0.015);
    } finally {
      bob!.setPath({ up: impairment(), down: impairment() });
    }
  }, 90_000);

  it("recovers from a 5 s outage of the callee's link within 10 s of its return, no button pressed", async () => {
    const [alice, bob] = world!.kids;
    await startNetWatch(alice!.page);
    await new Promise((r) => setTimeout(r, 2_000));
    bob!.pc.setLink(false);
    await new Promise((r) => setTimeout(r, 5_000));
    bob!.pc.setLink(true);
    const back = Date.now();
    let first: number | null = null;
    for (let i = 0; i < 60 && first === null; i++) {
      await new Promise((r) => setTimeout(r, 500));
      first = firstFrameAfter((await readNetWatch(alice!.page)).frames, back);
    }
    const w = await readNetWatch(alice!.page);
    console.log('recovery', first === null ? 'never' : (first - back) / 1000, JSON.stringify(w.phases));
    expect(first).not.toBeNull();
    expect(first! - back).toBeLessThan(10_000);
  }, 60_000);

  it("recovers after the callee's address changes: both children see Reconnecting…, then the friend again", async () => {
    const [alice, bob] = world!.kids;
    await startNetWatch(alice!.page);
    await new Promise((r) => setTimeout(r, 1_000));
    const at = Date.now();
    bob!.changeAddress();
    for (const kid of [alice!, bob!]) {
      await kid.page.getByTestId('call-status').filter({ hasText: 'Reconnecting…' }).waitFor({ timeout: 10_000 });
    }
    // Bob mutes while the call is reconnecting: what he said went out on the lost path, so the
    // recovered call's control channel says it again.
    await bob!.page.evaluate(() => (globalThis as unknown as Win).callHarness.service.setMuted(true));
    let back: number | null = null;
    for (let i = 0; i < 40 && back === null; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const w = await readNetWatch(alice!.page);
      const gap = w.frames.findIndex((f, k) => k > 0 && f > at && f - w.frames[k - 1]! > 1_000);
      if (gap > 0 && w.phases.at(-1)?.phase === 'active') back = w.frames[gap]!;
    }
    console.log(`call recovery after an address change: ${back === null ? 'never' : ((back - at) / 1000).toFixed(2)} s`);
    expect(back).not.toBeNull();
    expect(back! - at).toBeLessThan(15_000);
    const w = await readNetWatch(alice!.page);
    expect(w.phases.map((p) => p.phase)).toEqual(['active', 'reconnecting', 'active']);
    // Frames keep coming on the new path.
    const before = (await readNetWatch(alice!.page)).frames.length;
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await readNetWatch(alice!.page)).frames.length).toBeGreaterThan(before + 5);
    // The control channel came back too: Alice hears of the mute Bob pressed while it was down, and
    // what Bob does now reaches her, and back. (Where it did not, the log says how each connection stands.)
    onTestFailed(async () => {
      for (const kid of [alice!, bob!]) {
        const states = await kid.page.evaluate(() => (globalThis as unknown as Win).callHarness.peerConnectionStates());
        console.log(`${kid.name}'s connections: ${states.join('; ')}`);
        const trace = await kid.page.evaluate(() => (globalThis as unknown as Win).callHarness.callTrace());
        console.log(`${kid.name}'s trace: ${trace.map((m) => `${m.step}@${((m.at - at) / 1000).toFixed(2)}`).join(' ')}`);
      }
    });
    await alice!.page.waitForFunction(() => (globalThis as unknown as Win).callHarness.service.view().remoteMuted, undefined, {
      timeout: 5_000,
    });
    await bob!.page.evaluate(() => (globalThis as unknown as Win).callHarness.service.setMuted(false));
    await alice!.page.waitForFunction(() => !(globalThis as unknown as Win).callHarness.service.view().remoteMuted, undefined, {
      timeout: 5_000,
    });
    await alice!.page.evaluate(() => (globalThis as unknown as Win).callHarness.service.setMuted(true));
    await bob!.page.waitForFunction(() => (globalThis as unknown as Win).callHarness.service.view().remoteMuted, undefined, {
      timeout: 5_000,
    });
    for (const k of [alice!, bob!])
      await k.page.evaluate(() => (globalThis as unknown as Win).callHarness.service.setMuted(false));
  }, 60_000);

  it('falls back to voice at 100 kbit/s and says so, then brings the video back when the line recovers', async () => {
    const [alice, bob] = world!.kids;
    await startNetWatch(alice!.page);
    const slow = impairment({ rateBps: 100_000 });
    bob!.setPath({ up: slow, down: slow });
    const t0 = Date.now();
    const notice = alice!.page.getByTestId('call-voice-only');
    try {
      await notice.waitFor({ timeout: 45_000 });
      expect(await notice.textContent()).toBe('Your friend’s internet is slow, so we’re using voice only');
      console.log(`voice only after ${((Date.now() - t0) / 1000).toFixed(1)} s at 100 kbit/s`);
      // Still a call: the phase stays active and the friend's voice keeps coming.
      expect(await alice!.page.getByTestId('call-screen').getAttribute('data-phase')).toBe('active');
    } finally {
      bob!.setPath({ up: impairment(), down: impairment() });
    }
    const t1 = Date.now();
    await notice.waitFor({ state: 'detached', timeout: 45_000 });
    console.log(`video back ${((Date.now() - t1) / 1000).toFixed(1)} s after the line recovered`);
    // The video ramps up again: at least 5 frames a second within 15 s.
    await expect
      .poll(
        async () => {
          const before = (await readNetWatch(alice!.page)).frames.length;
          await new Promise((r) => setTimeout(r, 2_000));
          return (await readNetWatch(alice!.page)).frames.length - before;
        },
        { timeout: 15_000, interval: 0 },
      )
      .toBeGreaterThanOrEqual(10);
  }, 120_000);

  it('ends as "The call was lost" on both sides when the path stays down past 30 s, logged on both', async () => {
    const [alice, bob] = world!.kids;
    const before = await Promise.all([alice!, bob!].map(async (k) => must(await k.api.listCalls({})).calls.length));
    for (const kid of [alice!, bob!]) await startNetWatch(kid.page);
    bob!.pc.setLink(false);
    const cut = Date.now();
    try {
      // The end screen lingers a few seconds: both are looked at together.
      const screens = [alice!, bob!].map(async (kid) => {
        const ended = kid.page.getByTestId('call-ended');
        await ended.waitFor({ timeout: 45_000 });
        return [await ended.getAttribute('data-reason'), await ended.textContent()];
      });
      const seen = await Promise.allSettled(screens);
      const phases = await Promise.all([alice!, bob!].map(async (k) => (await readNetWatch(k.page)).phases));
      console.log(JSON.stringify(phases.map((ps) => ps.map((p) => `${p.phase}@${((p.at - cut) / 1000).toFixed(1)}`))));
      for (const r of seen) {
        expect(r.status).toBe('fulfilled');
        const [reason, text] = (r as PromiseFulfilledResult<(string | null)[]>).value;
        expect(reason).toBe('lost');
        expect(text).toContain('The call was lost');
      }
      for (const ps of phases) {
        const lostAt = ps.find((p) => p.phase === 'ended')!.at - cut;
        expect(lostAt).toBeGreaterThan(30_000);
        expect(lostAt).toBeLessThan(40_000);
      }
    } finally {
      bob!.pc.setLink(true);
    }
    // Each child's own log has the talk, as lost (the bridge comes back with the link).
    for (const [i, kid] of [alice!, bob!].entries()) {
      await expect.poll(async () => must(await kid.api.listCalls({})).calls.length, { timeout: 20_000 }).toBe(before[i]! + 1);
      const entry = must(await kid.api.listCalls({})).calls[0]!;
      expect(entry).toMatchObject({ outcome: 'lost' });
      expect(entry.endedAt! - entry.startedAt).toBeGreaterThan(0);
    }
  }, 90_000);
});
