/**
 * `npm run bench:call` (by hand, not a test): dial to first remote video frame, ours against bare
 * PeerJS on the official `peer` server, side by side in one run and in the same two Chromiums
 * (fake camera showing a person). Ours: the call UI's service through the web host, the relay's
 * signaling and main's checks, the friend's app answering as soon as it rings. Bare: `peer.call`
 * with the camera, answered on `call`. Both time from the dial to the first frame a video element
 * presents (requestVideoFrameCallback), opening the camera on both sides included. Calls alternate
 * between the two so that load on this shared machine hits both alike. The relay and each PC run
 * in their own processes, as in real life. Prints `name: value unit`.
 *
 * Issue 18: first with a loopback coturn and `iceTransportPolicy: 'relay'` on both sides (the
 * relay hands Hearth its TURN credentials; the bare pages get the same server and credentials of
 * the same kind), `BENCH_ROUNDS` rounds (3) of `BENCH_CALLS` calls (10), the median of the rounds'
 * ratios; then the same without TURN. Each step between the dial and the first remote frame
 * (call-steps.ts) is printed as its median over the TURN calls.
 */
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PeerServer } from 'peer';
import { bareHarnessQuery, type BareHarness, type BareIce, type CallHarness } from '../src/renderer/calls/harness/harness-types';
import { openCallWorld, type CallKid } from '@hearth/test-kit/call-world';
import { createClosers } from '@hearth/test-kit/closers';
import { serveHarness } from '../scripts/effects/harness-server';
// The loopback coturn that `npm start` and the e2e tests use (root scripts/, no package of its own).
// eslint-disable-next-line hearth/package-boundaries
import { startTurnServer, turnServerAvailable, type LocalTurnServer } from '../../scripts/coturn';
import { CALL_STEPS, callSteps } from './call-steps';

type Win = { callHarness: CallHarness; bareHarness: BareHarness };

const CALLS = Number(process.env.BENCH_CALLS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP = 1;

/** Fails the run instead of hanging when a call never gets its first frame. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no first frame within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const h = (globalThis as unknown as Win).callHarness;
    if (h.service.view().phase === 'ended') h.service.dismiss();
    return h.service.view().phase === 'idle';
  });
}

/** Forgets the pages' call setup marks (before a call), or reads and forgets them (after it). */
function takeTrace(page: Page): Promise<{ step: string; at: number }[]> {
  return page.evaluate(() => (globalThis as unknown as Win).callHarness.callTrace(true));
}

async function oursOnce(caller: CallKid, callee: CallKid, steps: Map<string, number[]> | null): Promise<number> {
  await Promise.all([takeTrace(caller.page), takeTrace(callee.page)]);
  const ms = await within(
    caller.page.evaluate((id) => (globalThis as unknown as Win).callHarness.measureDial(id), callee.childId),
    30_000,
    'ours',
  );
  const [c, e] = await Promise.all([takeTrace(caller.page), takeTrace(callee.page)]);
  for (const [name, v] of callSteps(c, e)) steps?.set(name, [...(steps.get(name) ?? []), v]);
  await caller.page.evaluate(() => (globalThis as unknown as Win).callHarness.service.hangUp());
  await Promise.all([idle(caller.page), idle(callee.page)]);
  return ms;
}

function takeBareTrace(page: Page): Promise<{ step: string; at: number }[]> {
  return page.evaluate(() => (globalThis as unknown as Win).bareHarness.callTrace(true));
}

async function bareOnce(caller: Page, callee: Page, to: string, steps: Map<string, number[]> | null): Promise<number> {
  await Promise.all([takeBareTrace(caller), takeBareTrace(callee)]);
  const ms = await within(
    caller.evaluate((id) => (globalThis as unknown as Win).bareHarness.measureDial(id), to),
    30_000,
    'bare',
  );
  const [c, e] = await Promise.all([takeBareTrace(caller), takeBareTrace(callee)]);
  for (const [name, v] of callSteps(c, e)) steps?.set(name, [...(steps.get(name) ?? []), v]);
  await caller.evaluate(() => (globalThis as unknown as Win).bareHarness.hangUpAll());
  await callee.evaluate(() => (globalThis as unknown as Win).bareHarness.hangUpAll());
  await caller.waitForTimeout(300);
  return ms;
}

/** The same TURN for the bare pages, with TURN REST credentials of the kind the relay hands out. */
function bareIceOf(turn: LocalTurnServer): BareIce {
  const username = `${Math.floor(Date.now() / 1000) + 3600}:bench`;
  const credential = createHmac('sha1', turn.secret).update(username).digest('base64');
  return { iceServers: [{ urls: [turn.url], username, credential }], iceTransportPolicy: 'relay' };
}

type SideResult = Readonly<{
  ratios: number[];
  ours: number[];
  bare: number[];
  steps: Map<string, number[]>;
  bareSteps: Map<string, number[]>;
}>;

/** One world (with `turn`: relay-only through it on both sides), `ROUNDS` rounds of `CALLS` calls each side. */
async function measure(turn: LocalTurnServer | null, label: string): Promise<SideResult> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'hearth-bench-call-'));
  // The relay and each PC in their own processes, as in real life; only the `peer` server of the
  // bare baseline and Playwright share this one.
  // Whatever step fails, everything started so far is stopped (no relay or PC process left behind).
  const closers = createClosers();
  closers.add(work, () => rm(work, { recursive: true, force: true }));
  try {
    const peerServer = await new Promise<Server>((resolve) => {
      PeerServer({ host: '127.0.0.1', port: 0, path: '/' }, (s) => resolve(s as Server));
    });
    closers.add(peerServer, () => new Promise<void>((resolve) => peerServer.close(() => resolve())));
    const world = await openCallWorld({
      workDir: work,
      names: ['Alice', 'Bob'],
      processes: true,
      ...(turn
        ? {
            relayOnlyCalls: true,
            relayEnv: { HEARTH_TURN_URLS: turn.url, HEARTH_TURN_SECRET: turn.secret, HEARTH_ICE_POLICY: 'relay' },
          }
        : {}),
    });
    closers.add(world, () => world.close());
    // The bare pages talk to the `peer` server's port, which the app's CSP would refuse: served without one.
    const bareSite = await serveHarness(world.harnessDir, { csp: null });
    closers.add(bareSite, () => bareSite.close());
    const [alice, bob] = world.kids as [CallKid, CallKid];
    await bob.page.evaluate(() => {
      (globalThis as unknown as Win).callHarness.autoAccept = true;
    });
    const port = (peerServer.address() as AddressInfo).port;
    const ice = turn ? bareIceOf(turn) : undefined;
    const barePages = await Promise.all(
      [
        [alice, 'benchalice'],
        [bob, 'benchbob'],
      ].map(async ([kid, id]) => {
        const page = await (kid as CallKid).browser.newPage();
        const query = bareHarnessQuery({ host: '127.0.0.1', port, id: id as string, ...(ice ? { ice } : {}) });
        await page.goto(`${bareSite.url}${query}`);
        await page.waitForFunction(() => 'bareHarness' in globalThis);
        await page.evaluate(() => (globalThis as unknown as Win).bareHarness.ready);
        return page;
      }),
    );
    const [bareAlice, bareBob] = barePages as [Page, Page];

    const result: SideResult = { ratios: [], ours: [], bare: [], steps: new Map(), bareSteps: new Map() };
    for (let i = 0; i < WARMUP; i++) {
      await oursOnce(alice, bob, null);
      await bareOnce(bareAlice, bareBob, 'benchbob', null);
    }
    for (let round = 0; round < ROUNDS; round++) {
      const [ours, bare]: [number[], number[]] = [[], []];
      for (let i = 0; i < CALLS; i++) {
        ours.push(await oursOnce(alice, bob, result.steps));
        bare.push(await bareOnce(bareAlice, bareBob, 'benchbob', result.bareSteps));
      }
      result.ours.push(...ours);
      result.bare.push(...bare);
      result.ratios.push(percentile(ours, 50) / percentile(bare, 50));
      process.stderr.write(`${label} round ${round + 1}: ratio ${(result.ratios.at(-1) as number).toFixed(2)}\n`);
    }
    return result;
  } finally {
    // Newest first: the world (its browsers) before the `peer` server, which waits for their sockets to close.
    await closers.closeAll();
  }
}

async function main(): Promise<void> {
  if (!turnServerAvailable()) throw new Error('bench:call needs coturn (sudo apt-get install coturn)');
  const turn = await startTurnServer();
  let relayed: SideResult;
  try {
    relayed = await measure(turn, 'turn');
  } finally {
    await turn.close();
  }
  const direct = await measure(null, 'no turn');
  const p50 = percentile(relayed.ours, 50);
  const bareP50 = percentile(relayed.bare, 50);
  const lines = [
    `calls: ${CALLS} count`,
    `rounds: ${ROUNDS} count`,
    `call setup p50: ${p50.toFixed(1)} ms`,
    `call setup p90: ${percentile(relayed.ours, 90).toFixed(1)} ms`,
    `bare peerjs call setup p50: ${bareP50.toFixed(1)} ms`,
    `bare peerjs call setup p90: ${percentile(relayed.bare, 90).toFixed(1)} ms`,
    `call setup round ratios vs bare peerjs: ${relayed.ratios.map((r) => r.toFixed(2)).join(' ')}`,
    `call setup ratio vs bare peerjs: ${percentile(relayed.ratios, 50).toFixed(2)}`,
    `call setup p50 without turn: ${percentile(direct.ours, 50).toFixed(1)} ms`,
    `bare peerjs call setup p50 without turn: ${percentile(direct.bare, 50).toFixed(1)} ms`,
    `call setup ratio vs bare peerjs without turn: ${percentile(direct.ratios, 50).toFixed(2)}`,
    ...CALL_STEPS.flatMap(([name]) => {
      const v = relayed.steps.get(name);
      return v ? [`call setup step ${name} p50: ${percentile(v, 50).toFixed(1)} ms`] : [];
    }),
    ...CALL_STEPS.flatMap(([name]) => {
      const v = relayed.bareSteps.get(name);
      return v ? [`bare peerjs call setup step ${name} p50: ${percentile(v, 50).toFixed(1)} ms`] : [];
    }),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().then(
  // The `peer` server keeps timers it cannot stop: end the process when the bench is done.
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${String(err instanceof Error ? (err.stack ?? err.message) : err)}\n`);
    process.exit(1);
  },
);
