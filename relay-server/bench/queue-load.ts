import { parentPort, workerData } from 'node:worker_threads';
import { WebSocket } from 'ws';
import { monotonicFactory } from 'ulid';
import { APP_VERSION, APP_VERSION_HEADER } from '@hearth/common';

/** What the queue load worker is told: one sender and one recipient per pair. */
export type QueueLoadSpec = Readonly<{
  url: string;
  pairs: ReadonlyArray<Readonly<{ senderToken: string; recipientToken: string; recipientId: string }>>;
  /** Messages per sender sent but not yet delivered (end to end) at once. */
  window: number;
  warmupMs: number;
  measureMs: number;
  /** Behind a load balancer: each pair's sender reconnects until it is on another instance than its recipient. */
  split?: boolean;
}>;

export type QueueLoadResult = Readonly<{
  /** Messages delivered end to end (sender told `delivered`) during the measured time. */
  delivered: number;
  messagesPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Error frames, or sockets closed by the relay: should be 0. */
  refusals: number;
}>;

const ulid = monotonicFactory();
/** The instance that took each socket (its `X-Hearth-Instance`), for `split`. */
const instanceOf = new WeakMap<WebSocket, string>();

function open(url: string, token: string, onFrame: (text: string) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, {
      headers: { [APP_VERSION_HEADER]: APP_VERSION, authorization: `Bearer ${token}` },
      perMessageDeflate: false,
    });
    ws.once('error', reject);
    ws.once('upgrade', (res) => instanceOf.set(ws, String(res.headers['x-hearth-instance'] ?? '')));
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('{"type":"welcome"')) resolve(ws);
      else onFrame(text);
    });
  });
}

async function run(spec: QueueLoadSpec): Promise<QueueLoadResult> {
  let measuring = false;
  let stopped = false;
  let delivered = 0;
  let refusals = 0;
  const latencies: number[] = [];
  const sentAt = new Map<string, number>();

  const senders: { ws: WebSocket; to: string; open: number }[] = [];
  const send = (s: (typeof senders)[number]): void => {
    while (!stopped && s.open < spec.window) {
      const id = ulid();
      sentAt.set(id, performance.now());
      s.open++;
      s.ws.send(`{"type":"send","id":"${id}","to":"${s.to}","content":{"kind":"text","text":"hello from the bench ${id}"}}`);
    }
  };

  for (const pair of spec.pairs) {
    // The recipient stores what arrives, then acknowledges a batch per turn of its event loop.
    let pending: string[] = [];
    const recipient = await open(spec.url, pair.recipientToken, (text) => {
      if (!text.startsWith('{"type":"message"')) {
        if (text.startsWith('{"type":"error"')) refusals++;
        return;
      }
      const at = text.indexOf('"id":"') + 6;
      pending.push(text.slice(at, at + 26));
      if (pending.length === 1) {
        setImmediate(() => {
          recipient.send(JSON.stringify({ type: 'received', ids: pending }));
          pending = [];
        });
      }
    });
    recipient.on('close', () => !stopped && refusals++);
    const sender = { ws: undefined as unknown as WebSocket, to: pair.recipientId, open: 0 };
    const onSenderFrame = (text: string): void => {
      if (text.startsWith('{"type":"sent"')) return;
      if (!text.startsWith('{"type":"delivered"')) {
        if (text.startsWith('{"type":"error"')) refusals++;
        return;
      }
      const { ids } = JSON.parse(text) as { ids: string[] };
      const now = performance.now();
      // Only this run's messages: a `delivered` reaches every socket of the sender, and one from
      // an earlier round (same accounts) may arrive late, even before this socket's welcome.
      let mine = 0;
      for (const id of ids) {
        const t = sentAt.get(id);
        if (t === undefined) continue;
        mine++;
        sentAt.delete(id);
        if (measuring) {
          delivered++;
          latencies.push(now - t);
        }
      }
      sender.open -= mine;
      if (sender.ws) send(sender);
    };
    sender.ws = await open(spec.url, pair.senderToken, onSenderFrame);
    for (let tries = 0; spec.split && instanceOf.get(sender.ws) === instanceOf.get(recipient); tries++) {
      if (tries > 50 || !instanceOf.get(recipient)) throw new Error('split: no socket on another instance (X-Hearth-Instance)');
      sender.ws.close();
      sender.ws = await open(spec.url, pair.senderToken, onSenderFrame);
    }
    sender.ws.on('close', () => !stopped && refusals++);
    senders.push(sender);
  }

  senders.forEach(send);
  await new Promise((r) => setTimeout(r, spec.warmupMs));
  measuring = true;
  const start = performance.now();
  await new Promise((r) => setTimeout(r, spec.measureMs));
  measuring = false;
  const elapsed = performance.now() - start;
  stopped = true;
  latencies.sort((x, y) => x - y);
  const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  const result = {
    delivered,
    messagesPerSecond: (delivered / elapsed) * 1000,
    latencyP50Ms: pct(0.5),
    latencyP99Ms: pct(0.99),
    refusals,
  };
  // Let the last deliveries drain so the relay's queue ends empty.
  await new Promise((r) => setTimeout(r, 500));
  for (const s of senders) s.ws.close();
  return result;
}

run(workerData as QueueLoadSpec).then(
  (result) => parentPort?.postMessage({ ok: true, result }),
  (err: unknown) => parentPort?.postMessage({ ok: false, error: String(err) }),
);
