import { Worker } from 'node:worker_threads';
import { newFamilyLink } from '@hearth/common';
import { DEFAULT_CONFIG } from '../src/config';
import { insertFriendship } from '../src/friendships/queries';
import { countQueuedMessages } from '../src/messaging/queries';
import { insertBenchKid, insertBenchPc, sqliteOf, startBenchRelay } from './bench-relay';
import type { QueueLoadResult, QueueLoadSpec } from './queue-load';

const SENDERS = 100;
/** Messages per sender on their way (sent, not yet delivered) at once. */
const WINDOW = 16;
/** The per-sender limiter still runs on every message; it just never refuses in the bench. */
const BENCH_RATE = 10_000_000;

const fmt = (n: number): string => (n >= 100 ? Math.round(n).toString() : n.toFixed(2));

/**
 * The durable queue end to end: 100 senders, each with an online recipient, through a real
 * listening relay (this thread) driven by WebSocket clients in a worker thread. A message counts
 * when its sender hears `delivered`: sent, durably written (WAL, synchronous=FULL, group
 * commit), pushed, stored and acknowledged by the recipient, and deleted.
 */
export async function benchQueue(): Promise<void> {
  const relay = await startBenchRelay('queue', {
    messaging: { ...DEFAULT_CONFIG.messaging, messagesPerMinute: BENCH_RATE, messageBurst: BENCH_RATE },
  });
  const { app, address } = relay;
  try {
    const ctx = app.relay;
    // Active friendships straight in the database: the accounts API is not what is measured.
    const pairs = sqliteOf(ctx).transaction(() => {
      const pc = insertBenchPc(ctx, 'queue@example.test');
      const now = pc.now;
      const kid = (i: number): { id: string; token: string } => insertBenchKid(ctx, pc, i, `qkid${i}`);
      return Array.from({ length: SENDERS }, (_, i) => {
        const sender = kid(2 * i);
        const recipient = kid(2 * i + 1);
        // An always-active link stands in for a friendship both families approved.
        const state = { ...newFamilyLink(), kind: 'friend' as const };
        insertFriendship(sqliteOf(ctx), {
          id: ctx.newId(),
          aId: sender.id,
          bId: recipient.id,
          state,
          createdAt: now,
          updatedAt: now,
        });
        return { senderToken: sender.token, recipientToken: recipient.token, recipientId: recipient.id };
      });
    })();

    const spec: QueueLoadSpec = {
      url: `${address.replace(/^http/, 'ws')}/v1/ws`,
      pairs,
      window: WINDOW,
      warmupMs: 1500,
      measureMs: 5000,
    };
    const before = app.realtime.queueStats();
    const startedAt = performance.now();
    const result = await runLoad(spec);
    const seconds = (performance.now() - startedAt) / 1000;
    const after = app.realtime.queueStats();
    const commits = after.commits - before.commits;
    const left = countQueuedMessages(sqliteOf(ctx));
    const synchronous = sqliteOf(ctx).pragma('synchronous', { simple: true });
    const journal = sqliteOf(ctx).pragma('journal_mode', { simple: true });
    const secureDelete = sqliteOf(ctx).pragma('secure_delete', { simple: true });
    console.log(`durable queue senders: ${SENDERS} sockets`);
    console.log(`durable queue window: ${WINDOW} msgs per sender`);
    console.log(
      `durable queue sqlite: journal=${String(journal)} synchronous=${synchronous === 2 ? 'FULL' : String(synchronous)} secure_delete=${secureDelete === 1 ? 'ON' : String(secureDelete)} mode`,
    );
    console.log(`durable queue delivered: ${result.delivered} msgs`);
    console.log(`durable queue latency p50: ${fmt(result.latencyP50Ms)} ms`);
    console.log(`durable queue latency p99: ${fmt(result.latencyP99Ms)} ms`);
    console.log(`durable queue commits: ${fmt(commits / seconds)} per s`);
    console.log(`durable queue mean batch: ${fmt((after.pieces - before.pieces) / Math.max(1, commits))} sends+acks per commit`);
    console.log(`durable queue refusals: ${result.refusals} frames`);
    console.log(`durable queue left queued after drain: ${left} msgs`);
    // Franking (F11): one record per accepted message, written in its batch (absent in a tree before franking).
    const franking = sqliteOf(ctx).prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'message_franks'`).pluck().get();
    const franks = franking ? String(sqliteOf(ctx).prepare('SELECT count(*) FROM message_franks').pluck().get()) : 'none';
    console.log(`durable queue franking records: ${franks} (one per message accepted, warm-up included)`);
    console.log(`durable queue throughput: ${Math.round(result.messagesPerSecond)} msg/s`);
  } finally {
    await relay.close();
  }
}

function runLoad(spec: QueueLoadSpec): Promise<QueueLoadResult> {
  const url = new URL('./queue-load.ts', import.meta.url).href;
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`,
    {
      eval: true,
      workerData: spec,
    },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { ok: true; result: QueueLoadResult } | { ok: false; error: string }) => {
      void worker.terminate();
      if (m.ok) resolve(m.result);
      else reject(new Error(`queue load: ${m.error}`));
    });
    worker.once('error', reject);
  });
}
