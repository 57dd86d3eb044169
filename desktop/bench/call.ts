/**
 * `npm run bench:call` (by hand, not a test): dial to first remote video frame, ours against bare
 * PeerJS on the official `peer` server, side by side in one run and in the same two Chromiums
 * (fake camera showing a person). Ours: the call UI's service through the web host, the relay's
 * signaling and main's checks, the friend's app answering as soon as it rings. Bare: `peer.call`
 * with the camera, answered on `call`. Both time from the dial to the first frame a video element
 * presents (requestVideoFrameCallback), opening the camera on both sides included. Calls alternate
 * between the two so that load on this shared machine hits both alike. The relay and each PC run
 * in their own processes, as in real life. Prints `name: value unit`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PeerServer } from 'peer';
import { bareHarnessQuery, type BareHarness, type CallHarness } from '../src/renderer/calls/harness/harness-types';
import { openCallWorld, type CallKid } from '@hearth/test-kit/call-world';
import { createClosers } from '@hearth/test-kit/closers';
import { serveHarness } from '../scripts/effects/harness-server';

type Win = { callHarness: CallHarness; bareHarness: BareHarness };

const CALLS = Number(process.env.BENCH_CALLS ?? 10);
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

async function oursOnce(caller: CallKid, callee: CallKid): Promise<number> {
  const ms = await within(
    caller.page.evaluate((id) => (globalThis as unknown as Win).callHarness.measureDial(id), callee.childId),
    30_000,
    'ours',
  );
  await caller.page.evaluate(() => (globalThis as unknown as Win).callHarness.service.hangUp());
  await Promise.all([idle(caller.page), idle(callee.page)]);
  return ms;
}

async function bareOnce(caller: Page, callee: Page, to: string): Promise<number> {
  const ms = await within(
    caller.evaluate((id) => (globalThis as unknown as Win).bareHarness.measureDial(id), to),
    30_000,
    'bare',
  );
  await caller.evaluate(() => (globalThis as unknown as Win).bareHarness.hangUpAll());
  await callee.evaluate(() => (globalThis as unknown as Win).bareHarness.hangUpAll());
  await caller.waitForTimeout(300);
  return ms;
}

async function main(): Promise<void> {
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
    const world = await openCallWorld({ workDir: work, names: ['Alice', 'Bob'], processes: true });
    closers.add(world, () => world.close());
    // The bare pages talk to the `peer` server's port, which the app's CSP would refuse: served without one.
    const bareSite = await serveHarness(world.harnessDir, { csp: null });
    closers.add(bareSite, () => bareSite.close());
    const [alice, bob] = world.kids as [CallKid, CallKid];
    await bob.page.evaluate(() => {
      (globalThis as unknown as Win).callHarness.autoAccept = true;
    });
    const port = (peerServer.address() as AddressInfo).port;
    const barePages = await Promise.all(
      [
        [alice, 'benchalice'],
        [bob, 'benchbob'],
      ].map(async ([kid, id]) => {
        const page = await (kid as CallKid).browser.newPage();
        await page.goto(`${bareSite.url}${bareHarnessQuery({ host: '127.0.0.1', port, id: id as string })}`);
        await page.waitForFunction(() => 'bareHarness' in globalThis);
        await page.evaluate(() => (globalThis as unknown as Win).bareHarness.ready);
        return page;
      }),
    );
    const [bareAlice, bareBob] = barePages as [Page, Page];

    const ours: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < WARMUP + CALLS; i++) {
      const o = await oursOnce(alice, bob);
      const b = await bareOnce(bareAlice, bareBob, 'benchbob');
      if (i >= WARMUP) {
        ours.push(o);
        bare.push(b);
      }
    }
    const p50 = percentile(ours, 50);
    const bareP50 = percentile(bare, 50);
    const lines = [
      `calls: ${CALLS} count`,
      `call setup p50: ${p50.toFixed(1)} ms`,
      `call setup p90: ${percentile(ours, 90).toFixed(1)} ms`,
      `bare peerjs call setup p50: ${bareP50.toFixed(1)} ms`,
      `bare peerjs call setup p90: ${percentile(bare, 90).toFixed(1)} ms`,
      `call setup ratio vs bare peerjs: ${(p50 / bareP50).toFixed(2)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    // Newest first: the world (its browsers) before the `peer` server, which waits for their sockets to close.
    await closers.closeAll();
  }
}

main().then(
  // The `peer` server keeps timers it cannot stop: end the process when the bench is done.
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${String(err instanceof Error ? (err.stack ?? err.message) : err)}\n`);
    process.exit(1);
  },
);
