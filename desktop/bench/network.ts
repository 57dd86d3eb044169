/**
 * `npm run bench:network` (by hand, not a test; needs root for the network namespaces): one call
 * on "home Wi-Fi" (the callee's link only: 3 % loss, 80 ± 20 ms, 1 Mbit/s each way), ours and then
 * bare PeerJS, in the same two namespaced Chromiums and through the same TURN behind the same
 * impairing stage, relay-only. The caller's page watches the video it receives from the callee,
 * frame by frame (requestVideoFrameCallback, whatever peer connection brings it): freezes (gaps
 * ≥ 500 ms) per minute over the whole call and the fps of its last 60 s; and the audio it
 * receives, the share of it concealed (`concealedSamples / totalSamplesReceived` over the whole
 * call, as the receiver's stats count them). Then the callee's link is
 * cut for 5 s (home Wi-Fi stays on): recovery is the time from the link's return to the first new
 * frame (`never` past 30 s). HEARTH_BENCH_NETWORK_SECONDS shortens the call (default 120). Prints `name: value unit`.
 */
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PeerServer } from 'peer';
import { bareHarnessQuery, type BareHarness, type CallHarness } from '../src/renderer/calls/harness/harness-types';
import { createClosers } from '@hearth/test-kit/closers';
import { namespacesProblem } from '@hearth/test-kit/netpath/namespaces';
import { HOME_WIFI } from '@hearth/test-kit/netpath/impairment';
import { openNetWorld, type NetKid } from '@hearth/test-kit/netpath/net-world';
import { waitForCallsOnline } from '@hearth/test-kit/call-world';
// The loopback coturn that `npm start` and the e2e tests use (root scripts/, no package of its own).
// eslint-disable-next-line hearth/package-boundaries
import { startTurnServer, turnServerAvailable } from '../../scripts/coturn';

type Win = {
  callHarness: CallHarness;
  bareHarness: BareHarness;
  benchFrames: number[];
  benchPcs: unknown[];
  benchLongTasks: number[];
};

const SECONDS = Number(process.env.HEARTH_BENCH_NETWORK_SECONDS ?? 120);
const FREEZE_MS = 500;
const OUTAGE_MS = 5_000;
const RECOVERY_LIMIT_MS = 30_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const log = (line: string): void => void process.stderr.write(`[bench:network] ${line}\n`);

/** The little of the DOM the page script uses (the bench has no DOM types). */
type Track = { kind: string };
type Video = {
  muted: boolean;
  playsInline: boolean;
  srcObject: unknown;
  play: () => Promise<void>;
  requestVideoFrameCallback: (cb: () => void) => void;
};
type PageGlobal = {
  benchFrames: number[];
  benchPcs: unknown[];
  benchLongTasks: number[];
  PerformanceObserver: new (cb: (list: { getEntries: () => { duration: number }[] }) => void) => {
    observe: (options: { type: string }) => void;
  };
  document: { createElement: (tag: 'video') => Video };
  MediaStream: new (tracks: Track[]) => unknown;
  RTCPeerConnection: new (...args: unknown[]) => {
    addEventListener: (type: 'track', listener: (e: { track: Track }) => void) => void;
  };
};

/**
 * Before any page script: every remote video track a peer connection brings is played in a
 * video element of its own, and the newest one's frames are timed (ms since the epoch).
 */
function watchReceivedFrames(): void {
  const w = globalThis as unknown as PageGlobal;
  w.benchFrames = [];
  w.benchPcs = [];
  w.benchLongTasks = [];
  // For the log: how long the page's main thread was busy in tasks over 50 ms.
  new w.PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.benchLongTasks.push(e.duration);
  }).observe({ type: 'longtask' });
  let current: Video | null = null;
  const watch = (track: Track): void => {
    const video = w.document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = new w.MediaStream([track]);
    current = video;
    const onFrame = (): void => {
      if (current !== video) return;
      w.benchFrames.push(performance.timeOrigin + performance.now());
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
    void video.play().catch(() => undefined);
  };
  const Original = w.RTCPeerConnection;
  w.RTCPeerConnection = class extends Original {
    constructor(...args: unknown[]) {
      super(...args);
      w.benchPcs.push(this);
      this.addEventListener('track', (e) => e.track.kind === 'video' && watch(e.track));
    }
  };
}

/** A call that shows no frame within a minute fails the run instead of hanging it. */
function within<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('the call showed no frame within 60 s')), 60_000);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Where the bare pages seem to come from (Playwright serves them). */
const BARE_ORIGIN = 'http://localhost:9';

/** Installs `watchReceivedFrames` (tsx's `__name` helper, which its source may call, made a no-op). */
async function watchFramesIn(page: Page): Promise<void> {
  await page.addInitScript({ content: `globalThis.__name = (f) => f; (${watchReceivedFrames.toString()})();` });
}

const framesOf = (page: Page): Promise<number[]> => page.evaluate(() => [...(globalThis as unknown as Win).benchFrames]);

type RtpStats = Record<string, unknown> & { type: string; kind?: string };

/**
 * For the log: what the newest peer connection of a page says of its video (the sender's frame rate,
 * size and what limits it; the receiver's decoded, dropped and lost), to tell a slow path from a busy CPU.
 */
async function videoStatsOf(page: Page): Promise<string> {
  const stats = await page.evaluate(async () => {
    const pcs = (globalThis as unknown as Win).benchPcs as { getStats: () => Promise<Map<string, RtpStats>> }[];
    const all = await Promise.all(pcs.map(async (pc) => [...(await pc.getStats()).values()]));
    const video = all.map((stats) =>
      stats.filter((s) => (s.type === 'outbound-rtp' || s.type === 'inbound-rtp') && s.kind === 'video'),
    );
    return video.filter((stats) => stats.length > 0).pop() ?? [];
  });
  const long = await page.evaluate(() => (globalThis as unknown as Win).benchLongTasks.splice(0));
  const busy = `long tasks ${long.length}, ${Math.round(long.reduce((a, b) => a + b, 0))} ms`;
  const pick = (s: RtpStats, keys: string[]): string =>
    keys.map((k) => `${k}=${typeof s[k] === 'object' ? JSON.stringify(s[k]) : String(s[k])}`).join(' ');
  return stats
    .map((s) =>
      s.type === 'outbound-rtp'
        ? `sent ${pick(s, ['framesPerSecond', 'frameWidth', 'frameHeight', 'framesEncoded', 'qualityLimitationReason', 'qualityLimitationDurations', 'targetBitrate', 'totalEncodeTime', 'nackCount', 'pliCount'])}`
        : `received ${pick(s, ['framesPerSecond', 'frameWidth', 'framesReceived', 'framesDecoded', 'framesDropped', 'packetsLost', 'freezeCount', 'totalFreezesDuration', 'nackCount', 'pliCount'])}`,
    )
    .concat(busy)
    .join('; ');
}

type AudioIn = Readonly<{ concealedSamples: number; totalSamplesReceived: number; connection: number }>;

/** The audio a page has received so far, on its newest peer connection that receives any. */
async function audioOf(page: Page): Promise<AudioIn | null> {
  return page.evaluate(async () => {
    const pcs = (globalThis as unknown as Win).benchPcs as { getStats: () => Promise<Map<string, RtpStats>> }[];
    for (let i = pcs.length - 1; i >= 0; i--) {
      const audio = [...(await pcs[i]!.getStats()).values()].find(
        (s) => s.type === 'inbound-rtp' && s.kind === 'audio' && Number(s.totalSamplesReceived ?? 0) > 0,
      );
      if (audio)
        return {
          concealedSamples: Number(audio.concealedSamples ?? 0),
          totalSamplesReceived: Number(audio.totalSamplesReceived),
          connection: i,
        };
    }
    return null;
  });
}

/**
 * The share (%) of the audio received between two readings on one connection that was concealed;
 * null without audio, or where the call moved to another connection between them (a re-dial).
 */
function concealedShare(from: AudioIn | null, to: AudioIn | null): number | null {
  if (!from || !to || from.connection !== to.connection) return null;
  const total = to.totalSamplesReceived - from.totalSamplesReceived;
  return total > 0 ? (100 * (to.concealedSamples - from.concealedSamples)) / total : null;
}

type CallFigures = Readonly<{ freezesPerMinute: number; fps: number; concealed: number | null; recovery: number | null }>;

/** Watches a call that has just shown its first frame for `SECONDS`, then cuts the callee's link for 5 s. */
async function measureCall(caller: Page, callee: NetKid, calleePage: Page): Promise<CallFigures> {
  const start = Date.now();
  const audioFrom = await audioOf(caller);
  await sleep(SECONDS * 1000);
  const end = Date.now();
  const concealed = concealedShare(audioFrom, await audioOf(caller));
  const frames = (await framesOf(caller)).filter((f) => f >= start && f <= end);
  const buckets = Array.from({ length: Math.ceil(SECONDS / 10) }, (_, i) =>
    frames.filter((f) => f >= start + i * 10_000 && f < start + (i + 1) * 10_000),
  );
  log(`received fps by 10 s: ${buckets.map((b) => (b.length / 10).toFixed(1)).join(' ')}`);
  log(`callee ${await videoStatsOf(calleePage)}`);
  log(`caller ${await videoStatsOf(caller)}`);
  let freezes = 0;
  let last = start;
  for (const f of [...frames, end]) {
    if (f - last >= FREEZE_MS) freezes++;
    last = f;
  }
  const tail = Math.min(60, SECONDS) * 1000;
  const fps = frames.filter((f) => f > end - tail).length / (tail / 1000);
  log(`outage of ${callee.name}'s link`);
  callee.pc.setLink(false);
  await sleep(OUTAGE_MS);
  callee.pc.setLink(true);
  const back = Date.now();
  let first: number | undefined;
  while (first === undefined && Date.now() - back < RECOVERY_LIMIT_MS) {
    await sleep(250);
    first = (await framesOf(caller)).find((f) => f >= back);
  }
  const recovery = first !== undefined && first - back <= RECOVERY_LIMIT_MS ? (first - back) / 1000 : null;
  return { freezesPerMinute: freezes / (SECONDS / 60), fps, concealed, recovery };
}

async function main(): Promise<void> {
  const problem = namespacesProblem();
  if (problem !== null) {
    if (process.env.CI === 'true') throw new Error(`bench:network cannot run: ${problem}`);
    process.stdout.write(`bench:network skipped: ${problem}.\n`);
    return;
  }
  if (!turnServerAvailable()) throw new Error("bench:network needs coturn's turnserver (sudo apt-get install coturn)");
  const closers = createClosers();
  const work = await mkdtemp(path.join(os.tmpdir(), 'hearth-bench-network-'));
  closers.add(work, () => rm(work, { recursive: true, force: true }));
  try {
    const turn = await startTurnServer();
    closers.add(turn, () => turn.close());
    const world = await openNetWorld({ workDir: work, names: ['Alice', 'Bob'], turn });
    closers.add(world, () => world.close());
    const [alice, bob] = world.kids as [NetKid, NetKid];
    bob.setPath({ up: HOME_WIFI, down: HOME_WIFI });

    // Ours: Alice calls Bob, whose app answers as soon as it rings.
    for (const kid of [alice, bob]) {
      await watchFramesIn(kid.page);
      await kid.page.reload();
      await waitForCallsOnline(kid.page);
    }
    await bob.page.evaluate(() => {
      (globalThis as unknown as Win).callHarness.autoAccept = true;
    });
    log(`ours: ${SECONDS} s call on home Wi-Fi`);
    await within(alice.page.evaluate((id) => (globalThis as unknown as Win).callHarness.measureDial(id), bob.childId));
    const ours = await measureCall(alice.page, bob, bob.page);
    // Not waited for: a call still reconnecting ends on its own.
    await alice.page.evaluate(() => void (globalThis as unknown as Win).callHarness.service.hangUp());

    // Bare PeerJS: the official `peer` server and the same TURN (through the stage), relay-only.
    const host = world.stage.host;
    const peerServer = await new Promise<Server>((resolve) => {
      PeerServer({ host, port: 0, path: '/' }, (s) => resolve(s as Server));
    });
    // Not waited for: it waits for the bare pages' sockets, and the browsers close after it.
    closers.add(peerServer, async () => void peerServer.close());
    const username = `${Math.floor(Date.now() / 1000) + 3600}:bench`;
    const ice = {
      iceServers: [
        {
          urls: [`turn:${host}:${world.stage.port}?transport=udp`],
          username,
          credential: createHmac('sha1', turn.secret).update(username).digest('base64'),
        },
      ],
      iceTransportPolicy: 'relay' as const,
    };
    const port = (peerServer.address() as AddressInfo).port;
    const [bareAlice, bareBob] = (await Promise.all(
      [alice, bob].map(async (kid) => {
        const page = await kid.browser.newPage();
        // The `peer` server is on the host's private address (where the relay is).
        await page.context().grantPermissions(['local-network-access']);
        await watchFramesIn(page);
        page.on('pageerror', (e) => log(`bare page ${kid.name}: ${e.message}`));
        // The built harness as if from localhost (a secure context, so the camera opens; no CSP).
        await page.route(`${BARE_ORIGIN}/**`, (route) => {
          const file = new URL(route.request().url()).pathname.slice(1) || 'index.html';
          return route.fulfill({ path: path.join(world.harnessDir, file) });
        });
        await page.goto(`${BARE_ORIGIN}/${bareHarnessQuery({ host, port, id: `bench${kid.name}`, ice })}`);
        await page.waitForFunction(() => 'bareHarness' in globalThis);
        await page.evaluate(() => (globalThis as unknown as Win).bareHarness.ready);
        return page;
      }),
    )) as [Page, Page];
    log(`bare PeerJS: ${SECONDS} s call on home Wi-Fi`);
    await within(bareAlice.evaluate((id) => (globalThis as unknown as Win).bareHarness.measureDial(id), `bench${bob.name}`));
    const bare = await measureCall(bareAlice, bob, bareBob);
    await bareAlice.evaluate(() => (globalThis as unknown as Win).bareHarness.hangUpAll());
    await bareBob.evaluate(() => (globalThis as unknown as Win).bareHarness.hangUpAll());

    const recovery = (s: number | null): string => (s === null ? 'never' : `${s.toFixed(2)} s`);
    const share = (p: number | null): string => (p === null ? 'not measured' : `${p.toFixed(2)} %`);
    const lines = [
      `call freezes per minute on home wifi: ${ours.freezesPerMinute.toFixed(2)}`,
      `bare peerjs call freezes per minute on home wifi: ${bare.freezesPerMinute.toFixed(2)}`,
      `call freeze ratio vs bare peerjs on home wifi: ${((ours.freezesPerMinute + 1) / (bare.freezesPerMinute + 1)).toFixed(2)}`,
      `call received fps on home wifi: ${ours.fps.toFixed(1)}`,
      `bare peerjs call received fps on home wifi: ${bare.fps.toFixed(1)}`,
      `call audio concealed on home wifi: ${share(ours.concealed)}`,
      `bare peerjs call audio concealed on home wifi: ${share(bare.concealed)}`,
      `call recovery after 5s outage: ${recovery(ours.recovery)}`,
      `bare peerjs call recovery after 5s outage: ${recovery(bare.recovery)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
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
