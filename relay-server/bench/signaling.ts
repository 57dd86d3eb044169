import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { PeerServer } from 'peer';
import type { RelayApp } from '../src/app';
import { DEFAULT_CONFIG } from '../src/config';
import { insertFriendship } from '../src/friendships/queries';
import { issueSignalingGrant } from '../src/signaling/grants';
import { insertBenchKid, insertBenchPc, sqliteOf, startBenchRelay } from './bench-relay';
import type { LoadResult, LoadSpec } from './signaling-load';
import { startSignalingFloor } from './signaling-floor';

const PAIRS = 500;
const WINDOW = 4;
const ROUNDS = 3;
/** Per-socket frame limits for the run: the limiter still runs on every frame, it just never refuses. */
const BENCH_FRAMES_PER_SECOND = 100_000;

type Peers = LoadSpec['peers'];
type Target = Readonly<{ name: string; url: string; key: string; peers: Peers; close(): Promise<void> }>;

/** Our relay on loopback, with PAIRS pairs of active friends made straight in its database. */
async function startRelay(): Promise<Target & { app: RelayApp }> {
  const relay = await startBenchRelay('signaling', {
    signaling: { ...DEFAULT_CONFIG.signaling, framesPerSecond: BENCH_FRAMES_PER_SECOND, frameBurst: BENCH_FRAMES_PER_SECOND },
  });
  const { app } = relay;
  const ctx = app.relay;
  const kids = sqliteOf(ctx).transaction(() => {
    const pc = insertBenchPc(ctx, 'bench@example.test');
    const { parentId, deviceId, now } = pc;
    const out: Array<{ childId: string; parentId: string; deviceId: string }> = [];
    let previous = '';
    for (let i = 0; i < PAIRS * 2; i++) {
      const childId = insertBenchKid(ctx, pc, i, `kid${i}`).id;
      if (i % 2 === 1) {
        const yes = { a: true, b: true };
        const no = { a: false, b: false };
        insertFriendship(sqliteOf(ctx), {
          id: ctx.newId(),
          aId: previous,
          bId: childId,
          state: { kind: 'friend', kidConfirmed: yes, parentApproved: yes, blockedBy: no, ended: null },
          createdAt: now,
          updatedAt: now,
        });
      }
      previous = childId;
      out.push({ childId, parentId, deviceId });
    }
    return out;
  })();
  const peers: Array<{ id: string; token: string }> = [];
  for (const kid of kids) {
    const grant = await issueSignalingGrant(ctx, { kind: 'child', ...kid });
    peers.push({ id: grant.peerId, token: grant.token });
  }
  const port = (app.server.address() as AddressInfo).port;
  return {
    name: 'relay',
    app,
    url: `ws://127.0.0.1:${port}/peerjs`,
    key: 'peerjs',
    peers,
    close: relay.close,
  };
}

/** The official `peer` server on loopback, as a baseline: it accepts any id and relays to anyone. */
async function startPeerServer(): Promise<Target> {
  const server = await new Promise<Server>((resolve) => {
    PeerServer({ host: '127.0.0.1', port: 0, path: '/' }, (s) => resolve(s as Server));
  });
  const port = (server.address() as AddressInfo).port;
  const peers = Array.from({ length: PAIRS * 2 }, () => ({
    id: randomBytes(16).toString('hex'),
    token: randomBytes(8).toString('hex'),
  }));
  return {
    name: 'peer',
    url: `ws://127.0.0.1:${port}/peerjs`,
    key: 'peerjs',
    peers,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The ceiling (`signaling-floor.ts`): `ws` and our write batching, without a single check. */
async function startFloor(): Promise<Target> {
  const floor = await startSignalingFloor(PAIRS * 2);
  return { name: 'floor', key: 'peerjs', ...floor };
}

/** One load run: the worker's figures plus how busy the servers' event loop (this thread) was. */
type Measured = LoadResult & Readonly<{ busy: number; framesPerBusySecond: number; framesPerCpuSecond: number }>;

/**
 * CPU time this (the main) thread has used, in ms, from Linux's per-thread accounting; NaN
 * elsewhere. Unlike event-loop time it leaves out the time the thread waited for a core, which a
 * loaded shared machine adds to both servers unevenly.
 */
function mainThreadCpuMs(): number {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime (fields 14 and 15 of stat), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * Runs the clients in a worker thread, so they do not share the servers' event loop, and
 * measures this thread's event-loop utilization over the worker's measuring window: frames per
 * busy second is what one core of server can relay, whatever else the machine is doing.
 */
function load(target: Target): Promise<Measured> {
  const spec: LoadSpec = {
    url: target.url,
    key: target.key,
    peers: target.peers,
    window: WINDOW,
    connectConcurrency: 64,
    warmupMs: 1000,
    measureMs: 4000,
  };
  const url = new URL('./signaling-load.ts', import.meta.url).href;
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`,
    { eval: true, workerData: spec },
  );
  let start: EventLoopUtilization | undefined;
  let window: EventLoopUtilization | undefined;
  let cpuAt = 0;
  let cpuMs = Number.NaN;
  type Message = { phase: 'measuring' | 'measured' } | { ok: true; result: LoadResult } | { ok: false; error: string };
  return new Promise((resolve, reject) => {
    worker.on('message', (m: Message) => {
      if ('phase' in m) {
        if (m.phase === 'measuring') {
          start = performance.eventLoopUtilization();
          cpuAt = mainThreadCpuMs();
        } else {
          window = performance.eventLoopUtilization(start);
          cpuMs = mainThreadCpuMs() - cpuAt;
        }
        return;
      }
      void worker.terminate();
      if (!m.ok) return reject(new Error(`${target.name}: ${m.error}`));
      if (!window) return reject(new Error(`${target.name}: no measuring window`));
      resolve({
        ...m.result,
        busy: window.utilization,
        framesPerBusySecond: m.result.frames / (window.active / 1000),
        framesPerCpuSecond: m.result.frames / (cpuMs / 1000),
      });
    });
    worker.once('error', reject);
  });
}

const fmt = (n: number): string => (n >= 100 ? Math.round(n).toString() : n.toFixed(2));

/**
 * Signaling throughput, ours beside the `peer` server in the same run, taking turns: connect
 * rate and relayed CANDIDATE frames per second with PAIRS friend pairs (2 × PAIRS sockets) each
 * keeping WINDOW frames in flight, best of ROUNDS each. Prints one `name: value unit` line per
 * figure; the ratio line compares frames per second of server event-loop time, which the other
 * work on a shared machine disturbs far less than wall-clock rates (printed too). A third server,
 * `ws` relaying without any check (`signaling-floor.ts`), takes its turn too: the ceiling of a
 * relay on `ws`, printed beside ours.
 */
export async function benchSignaling(): Promise<void> {
  const relay = await startRelay();
  const peer = await startPeerServer();
  const floor = await startFloor();
  const best = new Map<string, Measured>();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of [peer, relay, floor]) {
        // Each round reuses the relay's grants: they live 10 minutes, and the per-id upgrade limit allows it.
        const result = await load(target);
        if (result.refusals > 0) throw new Error(`${target.name}: ${result.refusals} refusals or closes during the run`);
        const previous = best.get(target.name);
        best.set(target.name, {
          ...result,
          socketsPerSecond: Math.max(result.socketsPerSecond, previous?.socketsPerSecond ?? 0),
          framesPerSecond: Math.max(result.framesPerSecond, previous?.framesPerSecond ?? 0),
          framesPerBusySecond: Math.max(result.framesPerBusySecond, previous?.framesPerBusySecond ?? 0),
          framesPerCpuSecond: Math.max(result.framesPerCpuSecond, previous?.framesPerCpuSecond ?? 0),
          busy: Math.max(result.busy, previous?.busy ?? 0),
        });
      }
    }
  } finally {
    await relay.close();
    await peer.close();
    await floor.close();
  }
  const ours = best.get('relay') as Measured;
  const theirs = best.get('peer') as Measured;
  const ceiling = best.get('floor') as Measured;
  const lines = [
    `signaling sockets: ${PAIRS * 2} sockets`,
    `signaling frames in flight per pair: ${WINDOW} frames`,
    `signaling relay connect rate: ${fmt(ours.socketsPerSecond)} sockets/s`,
    `signaling peer connect rate: ${fmt(theirs.socketsPerSecond)} sockets/s`,
    `signaling relay wall-clock frames: ${fmt(ours.framesPerSecond)} frames/s`,
    `signaling peer wall-clock frames: ${fmt(theirs.framesPerSecond)} frames/s`,
    `signaling relay server busy: ${fmt(ours.busy * 100)} %`,
    `signaling peer server busy: ${fmt(theirs.busy * 100)} %`,
    `signaling relay frames per busy second: ${fmt(ours.framesPerBusySecond)} frames/s`,
    `signaling peer frames per busy second: ${fmt(theirs.framesPerBusySecond)} frames/s`,
    `signaling relay frames per cpu second: ${fmt(ours.framesPerCpuSecond)} frames/s`,
    `signaling peer frames per cpu second: ${fmt(theirs.framesPerCpuSecond)} frames/s`,
    `signaling relay cpu ratio vs peer: ${fmt(ours.framesPerCpuSecond / theirs.framesPerCpuSecond)}`,
    `signaling relay connect ratio vs peer: ${fmt(ours.socketsPerSecond / theirs.socketsPerSecond)}`,
    `signaling relay wall-clock ratio vs peer: ${fmt(ours.framesPerSecond / theirs.framesPerSecond)}`,
    `signaling unchecked ws relay frames per busy second: ${fmt(ceiling.framesPerBusySecond)} frames/s`,
    `signaling unchecked ws relay ratio vs peer: ${fmt(ceiling.framesPerBusySecond / theirs.framesPerBusySecond)}`,
    `signaling relay ratio vs peer: ${fmt(ours.framesPerBusySecond / theirs.framesPerBusySecond)}`,
  ];
  for (const line of lines) console.log(line);
}
