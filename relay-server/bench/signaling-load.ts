import { parentPort, workerData } from 'node:worker_threads';
import { WebSocket } from 'ws';

/** What the load worker is told: a PeerJS socket URL and peers in pairs (2i calls 2i + 1). */
export type LoadSpec = Readonly<{
  url: string;
  key: string;
  peers: ReadonlyArray<Readonly<{ id: string; token: string }>>;
  /** Frames kept bouncing in each pair at once. */
  window: number;
  connectConcurrency: number;
  warmupMs: number;
  measureMs: number;
  /** Behind a load balancer: the second peer of each pair reconnects until it is on another instance than the first. */
  split?: boolean;
}>;

export type LoadResult = Readonly<{
  connectMs: number;
  socketsPerSecond: number;
  framesPerSecond: number;
  frames: number;
  /** EXPIRE or ERROR frames, or sockets closed by the server: should all be 0. */
  refusals: number;
}>;

// Servers order keys differently (`peer` puts type first, the relay src): look for the type anywhere.
const CANDIDATE_TYPE = Buffer.from('"type":"CANDIDATE"');
const OFFER_TYPE = Buffer.from('"type":"OFFER"');
const CONNECTION_ID = 'dc_bench';
/** The instance that took each socket (its `X-Hearth-Instance`), for `split`. */
const instanceOf = new WeakMap<WebSocket, string>();

function candidateFrame(dst: string): string {
  return JSON.stringify({
    type: 'CANDIDATE',
    dst,
    payload: {
      candidate: {
        candidate: 'candidate:842163049 1 udp 1677729535 192.0.2.10 53204 typ srflx raddr 0.0.0.0 rport 0 generation 0',
        sdpMid: '0',
        sdpMLineIndex: 0,
        usernameFragment: 'abcd',
      },
      type: 'data',
      connectionId: CONNECTION_ID,
    },
  });
}

function offerFrame(dst: string): string {
  return JSON.stringify({
    type: 'OFFER',
    dst,
    payload: {
      sdp: { type: 'offer', sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n' },
      type: 'data',
      connectionId: CONNECTION_ID,
      label: CONNECTION_ID,
      reliable: true,
      serialization: 'binary',
    },
  });
}

function connect(spec: LoadSpec, peer: LoadSpec['peers'][number]): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${spec.url}?key=${spec.key}&id=${peer.id}&token=${peer.token}&version=1.5.5`);
    ws.once('upgrade', (res) => instanceOf.set(ws, String(res.headers['x-hearth-instance'] ?? '')));
    ws.once('message', (data) => {
      if (String(data) === '{"type":"OPEN"}') resolve(ws);
      else reject(new Error(`login refused: ${String(data)}`));
    });
    ws.once('error', reject);
  });
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const sockets: WebSocket[] = new Array(spec.peers.length);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: spec.connectConcurrency }, async () => {
      while (next < spec.peers.length) {
        const i = next++;
        sockets[i] = await connect(spec, spec.peers[i] as LoadSpec['peers'][number]);
      }
    }),
  );
  const connectMs = performance.now() - started;
  for (let i = 1; spec.split && i < sockets.length; i += 2) {
    const peer = spec.peers[i] as LoadSpec['peers'][number];
    for (let tries = 0; instanceOf.get(sockets[i] as WebSocket) === instanceOf.get(sockets[i - 1] as WebSocket); tries++) {
      if (tries > 50 || !instanceOf.get(sockets[i - 1] as WebSocket)) throw new Error('split: no socket on another instance');
      const old = sockets[i] as WebSocket;
      await new Promise((resolve) => {
        old.once('close', resolve);
        old.close();
      });
      sockets[i] = await connect(spec, peer);
    }
  }

  let frames = 0;
  let refusals = 0;
  let offers = 0;
  const offered = new Promise<void>((resolve) => {
    sockets.forEach((ws, i) => {
      const partner = (spec.peers[i ^ 1] as LoadSpec['peers'][number]).id;
      const reply = candidateFrame(partner);
      ws.on('message', (data: Buffer) => {
        if (data.includes(CANDIDATE_TYPE)) {
          frames += 1;
          ws.send(reply);
        } else if (data.includes(OFFER_TYPE)) {
          if (++offers === spec.peers.length / 2) resolve();
        } else {
          refusals += 1;
        }
      });
      ws.on('close', () => (refusals += 1));
    });
  });
  for (let i = 0; i < sockets.length; i += 2)
    (sockets[i] as WebSocket).send(offerFrame((spec.peers[i + 1] as LoadSpec['peers'][number]).id));
  await offered;
  for (let i = 0; i < sockets.length; i += 2) {
    const frame = candidateFrame((spec.peers[i + 1] as LoadSpec['peers'][number]).id);
    for (let w = 0; w < spec.window; w++) (sockets[i] as WebSocket).send(frame);
  }
  await new Promise((r) => setTimeout(r, spec.warmupMs));
  const f0 = frames;
  const t0 = performance.now();
  parentPort?.postMessage({ phase: 'measuring' });
  await new Promise((r) => setTimeout(r, spec.measureMs));
  const counted = frames - f0;
  const elapsed = performance.now() - t0;
  parentPort?.postMessage({ phase: 'measured' });
  const refusalsBeforeClose = refusals;
  for (const ws of sockets) {
    ws.removeAllListeners('close');
    ws.terminate();
  }
  return {
    connectMs,
    socketsPerSecond: (spec.peers.length / connectMs) * 1000,
    framesPerSecond: (counted / elapsed) * 1000,
    frames: counted,
    refusals: refusalsBeforeClose,
  };
}

// Runs only as a worker thread started by bench/signaling.ts.
if (parentPort) {
  const port = parentPort;
  run(workerData as LoadSpec).then(
    (result) => port.postMessage({ ok: true, result }),
    (err: unknown) => port.postMessage({ ok: false, error: String(err) }),
  );
}
