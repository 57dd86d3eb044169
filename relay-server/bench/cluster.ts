/**
 * `npm run bench:cluster`: in one run, every relay a separate process, driven by the same load
 * workers as `bench:relay` (queue-load.ts, signaling-load.ts): (a) one relay on SQLite, (b) one on
 * PostgreSQL + Redis, (c) two instances on PostgreSQL + Redis behind nginx with each pair's ends on
 * different instances. Then message latency one at a time, PostgreSQL's durability settings, and
 * a kill run on (c). Prints `name: value unit` lines. `--sqlite-only` runs (a) alone (a machine
 * without nginx, PostgreSQL or Redis).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { clusterArgs, dropRedisPrefix, startCluster, type TestCluster } from '@hearth/test-kit/cluster';
import { createTestDatabase, type TestDatabase } from '@hearth/test-kit/postgres';
import { createRelayProcess, type RelayProcess } from '@hearth/test-kit/relay-process';
import { relayHttp, signalingGrantHttp } from '@hearth/test-kit/relay-http';
import { newMessageId, openRelaySocket, openRelaySocketOn } from '@hearth/test-kit/relay-socket';
import { FlowReceiver, FlowSender, until } from '../test/cluster/flow';
import type { SeededPair } from './cluster-server';
import type { QueueLoadResult, QueueLoadSpec } from './queue-load';
import type { LoadResult, LoadSpec } from './signaling-load';

const ENTRY = 'relay-server/bench/cluster-server.ts';
/** Pairs of friends seeded in each database: queue senders, signaling pairs, latency and kill pairs. */
const SEEDED = 220;
const QUEUE_PAIRS = 100;
const QUEUE_WINDOW = 16;
const SIGNALING_PAIRS = 200;
const SIGNALING_WINDOW = 4;
const ROUNDS = 2;
const LATENCY_MESSAGES = 1000;
const LATENCY_PAIR = 210;
const KILL_PAIRS = [212, 213, 214, 215];
const KILL_MESSAGES = 150;

type Target = Readonly<{ name: string; url: string; split: boolean; pairs: readonly SeededPair[] }>;

const fmt = (n: number): string => (n >= 100 ? Math.round(n).toString() : n.toFixed(2));
const say = (line: string): void => void process.stdout.write(`${line}\n`);

function runWorker<S, R>(file: string, spec: S): Promise<R> {
  const url = new URL(file, import.meta.url).href;
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`,
    { eval: true, workerData: spec },
  );
  return new Promise((resolve, reject) => {
    worker.on('message', (m: { phase: string } | { ok: true; result: R } | { ok: false; error: string }) => {
      if ('phase' in m) return; // signaling-load's measuring window marks
      void worker.terminate();
      if (m.ok) resolve(m.result);
      else reject(new Error(`${file}: ${m.error}`));
    });
    worker.once('error', reject);
  });
}

async function queue(t: Target): Promise<QueueLoadResult> {
  const spec: QueueLoadSpec = {
    url: `${t.url.replace(/^http/, 'ws')}/v1/ws`,
    pairs: t.pairs.slice(0, QUEUE_PAIRS).map((p) => ({ senderToken: p.aToken, recipientToken: p.bToken, recipientId: p.bId })),
    window: QUEUE_WINDOW,
    warmupMs: 1500,
    measureMs: 5000,
    split: t.split,
  };
  const result = await runWorker<QueueLoadSpec, QueueLoadResult>('./queue-load.ts', spec);
  if (result.refusals > 0) throw new Error(`${t.name}: ${result.refusals} refusals in the queue load`);
  return result;
}

async function signaling(t: Target): Promise<LoadResult> {
  const h = relayHttp(t.url);
  const peers: { id: string; token: string }[] = [];
  for (const p of t.pairs.slice(0, SIGNALING_PAIRS)) {
    for (const token of [p.aToken, p.bToken]) {
      const grant = await signalingGrantHttp(h, token);
      peers.push({ id: grant.peerId, token: grant.token });
    }
  }
  const spec: LoadSpec = {
    url: `${t.url.replace(/^http/, 'ws')}/peerjs`,
    key: 'peerjs',
    peers,
    window: SIGNALING_WINDOW,
    connectConcurrency: 64,
    warmupMs: 1000,
    measureMs: 4000,
    split: t.split,
  };
  const result = await runWorker<LoadSpec, LoadResult>('./signaling-load.ts', spec);
  if (result.refusals > 0) throw new Error(`${t.name}: ${result.refusals} refusals in the signaling load`);
  return result;
}

/** Send → the recipient's `message`, one message at a time on an idle relay; the median in ms. */
async function latencyP50(t: Target): Promise<number> {
  const pair = t.pairs[LATENCY_PAIR] as SeededPair;
  const recipient = await openRelaySocket(t.url, pair.bToken);
  const sender = t.split
    ? await openRelaySocketOn(t.url, pair.aToken, (i) => i !== recipient.instance)
    : await openRelaySocket(t.url, pair.aToken);
  const times: number[] = [];
  for (let i = 0; i < LATENCY_MESSAGES; i++) {
    const id = newMessageId();
    const t0 = performance.now();
    sender.send({ type: 'send', id, to: pair.bId, content: { kind: 'text', text: `latency ${i}` } });
    await recipient.take((f) => f.type === 'message' && f.message.id === id);
    times.push(performance.now() - t0);
    recipient.send({ type: 'received', ids: [id] });
  }
  await Promise.all([sender.close(), recipient.close()]);
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)] as number;
}

/** Senders flow through nginx while instance 1 is SIGKILLed; then each recipient collects. Acknowledged but never received. */
async function killRun(cluster: TestCluster, pairs: readonly SeededPair[]): Promise<number> {
  const chosen = KILL_PAIRS.map((i) => pairs[i] as SeededPair);
  const flows = chosen.map((p) => new FlowSender({ url: cluster.url, token: p.aToken }, p.bId, KILL_MESSAGES));
  await Promise.all(flows.map((f) => f.connect()));
  const acked = (): number => flows.reduce((n, f) => n + f.acked.size, 0);
  await until(
    () => acked() >= (KILL_MESSAGES * flows.length) / 3,
    60_000,
    () => `${acked()} acknowledged before the kill`,
  );
  await cluster.kill(1);
  await until(
    () => flows.every((f) => f.done),
    90_000,
    () => `${acked()} acknowledged after the kill`,
  );
  flows.forEach((f) => f.close());
  let lost = 0;
  for (const [i, p] of chosen.entries()) {
    const receiver = new FlowReceiver({ url: cluster.url, token: p.bToken });
    await receiver.connect();
    const flow = flows[i] as FlowSender;
    await until(
      () => [...flow.acked].every((id) => receiver.history().has(id)),
      15_000,
      () => 'collecting',
    ).catch(() => undefined);
    lost += [...flow.acked].filter((id) => !receiver.history().has(id)).length;
    receiver.close();
  }
  return lost;
}

async function readSeed(file: string): Promise<SeededPair[]> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as SeededPair[];
}

async function main(): Promise<void> {
  const sqliteOnly = process.argv.includes('--sqlite-only');
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-bench-cluster-'));
  const seedEnv = (name: string): Record<string, string> => ({
    HEARTH_BENCH_SEED: String(SEEDED),
    HEARTH_BENCH_SEED_OUT: path.join(work, `${name}.json`),
  });
  const processes: RelayProcess[] = [];
  let database: TestDatabase | undefined;
  let cluster: TestCluster | undefined;
  const prefix = `hearth_bench_${process.pid}:`;
  try {
    const sqlite = await createRelayProcess(path.join(work, 'sqlite'), {
      entry: ENTRY,
      env: seedEnv('sqlite'),
      logLevel: 'error',
    });
    processes.push(sqlite);
    await sqlite.start();
    const a: Target = {
      name: 'sqlite',
      url: `http://127.0.0.1:${sqlite.port}`,
      split: false,
      pairs: await readSeed(path.join(work, 'sqlite.json')),
    };
    const targets: Target[] = [a];
    if (!sqliteOnly) {
      database = await createTestDatabase();
      const single = await createRelayProcess(path.join(work, 'pg'), {
        entry: ENTRY,
        env: seedEnv('pg'),
        logLevel: 'error',
        extraArgs: clusterArgs({ databaseUrl: database.url, busPrefix: prefix, name: 'bench-pg', blobs: 'postgres' }),
      });
      processes.push(single);
      await single.start();
      targets.push({
        name: 'postgres',
        url: `http://127.0.0.1:${single.port}`,
        split: false,
        pairs: await readSeed(path.join(work, 'pg.json')),
      });
      cluster = await startCluster({
        instances: 2,
        entry: ENTRY,
        logLevel: 'error',
        envFor: (i) => (i === 0 ? seedEnv('cluster') : {}),
      });
      targets.push({ name: 'cluster', url: cluster.url, split: true, pairs: await readSeed(path.join(work, 'cluster.json')) });
    }

    // Taking turns, best of ROUNDS each: the machine's other work disturbs every target alike.
    const queueBest = new Map<string, QueueLoadResult>();
    const signalingBest = new Map<string, LoadResult>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const t of targets) {
        const q = await queue(t);
        if (q.messagesPerSecond > (queueBest.get(t.name)?.messagesPerSecond ?? 0)) queueBest.set(t.name, q);
        const s = await signaling(t);
        if (s.framesPerSecond > (signalingBest.get(t.name)?.framesPerSecond ?? 0)) signalingBest.set(t.name, s);
      }
    }
    const q = (name: string): number => queueBest.get(name)?.messagesPerSecond ?? NaN;
    const f = (name: string): number => signalingBest.get(name)?.framesPerSecond ?? NaN;
    say(`cluster queue senders: ${QUEUE_PAIRS} sockets`);
    say(`cluster queue window: ${QUEUE_WINDOW} msgs per sender`);
    say(`cluster signaling pairs: ${SIGNALING_PAIRS} pairs`);
    say(`cluster signaling frames in flight per pair: ${SIGNALING_WINDOW} frames`);
    say(`cluster queue throughput sqlite 1 instance: ${fmt(q('sqlite'))} msg/s`);
    say(`cluster queue latency p50 sqlite 1 instance: ${fmt(queueBest.get('sqlite')?.latencyP50Ms ?? NaN)} ms`);
    say(`cluster signaling sqlite 1 instance wall-clock frames: ${fmt(f('sqlite'))} frames/s`);
    if (!sqliteOnly) {
      say(`cluster queue throughput postgres 1 instance: ${fmt(q('postgres'))} msg/s`);
      say(`cluster queue throughput 2 instances: ${fmt(q('cluster'))} msg/s`);
      say(`cluster queue latency p50 2 instances: ${fmt(queueBest.get('cluster')?.latencyP50Ms ?? NaN)} ms`);
      say(`cluster queue throughput ratio 2 instances vs sqlite: ${fmt(q('cluster') / q('sqlite'))}`);
      say(`cluster signaling postgres 1 instance wall-clock frames: ${fmt(f('postgres'))} frames/s`);
      say(`cluster signaling 2 instances wall-clock frames: ${fmt(f('cluster'))} frames/s`);
      say(`cluster signaling ratio 2 instances vs sqlite: ${fmt(f('cluster') / f('sqlite'))}`);
    }
    say(`single-instance message latency p50: ${fmt(await latencyP50(a))} ms`);
    if (cluster && database) {
      say(`cluster cross-instance message latency p50: ${fmt(await latencyP50(targets[2] as Target))} ms`);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        for (const setting of ['fsync', 'synchronous_commit']) {
          const res = await client.query<Record<string, string>>(`SHOW ${setting}`);
          say(`postgres ${setting}: ${String(res.rows[0]?.[setting])}`);
        }
      } finally {
        await client.end();
      }
      say(`cluster acknowledged but lost: ${await killRun(cluster, (targets[2] as Target).pairs)} msgs`);
    }
  } finally {
    await cluster?.close();
    for (const p of processes) await p.stop();
    await database?.drop();
    dropRedisPrefix(prefix);
    await fs.rm(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
