/**
 * The apps' realtime socket (`/v1/ws`) over the network, from a chosen loopback address, telling
 * which relay instance it landed on (the `X-Hearth-Instance` header of the upgrade's answer, or the
 * welcome frame's `instance`): what cluster tests need to put two families on different instances.
 */
import { WebSocket } from 'ws';
import { APP_VERSION, APP_VERSION_HEADER, type WsServerFrame } from '@hearth/common';

export const INSTANCE_HEADER = 'x-hearth-instance';

export type RelaySocket = Readonly<{
  ws: WebSocket;
  /** The instance that took the socket ('' when the relay did not say). */
  instance: string;
  frames: WsServerFrame[];
  send(frame: unknown): void;
  /** The first frame not yet taken that matches; rejects after `timeoutMs`. */
  take<T extends WsServerFrame = WsServerFrame>(match: (f: WsServerFrame) => boolean, timeoutMs?: number): Promise<T>;
  closed: Promise<Readonly<{ code: number; reason: string }>>;
  close(): Promise<void>;
}>;

/** Opens `${baseUrl}/v1/ws` with the credential in the Authorization header and waits for `welcome`. */
export async function openRelaySocket(
  baseUrl: string,
  token: string,
  options: Readonly<{ localAddress?: string; timeoutMs?: number }> = {},
): Promise<RelaySocket> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/v1/ws`;
  const ws = new WebSocket(url, {
    headers: { [APP_VERSION_HEADER]: APP_VERSION, authorization: `Bearer ${token}` },
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
    perMessageDeflate: false,
  });
  let instance = '';
  ws.once('upgrade', (res) => {
    const header = res.headers[INSTANCE_HEADER];
    instance = Array.isArray(header) ? (header[0] ?? '') : (header ?? '');
  });
  const frames: WsServerFrame[] = [];
  const taken = new Set<number>();
  let waiters: { match: (f: WsServerFrame) => boolean; resolve: (f: WsServerFrame) => void }[] = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as WsServerFrame;
    frames.push(frame);
    const waiter = waiters.find((w) => w.match(frame));
    if (!waiter) return;
    taken.add(frames.length - 1);
    waiters = waiters.filter((w) => w !== waiter);
    waiter.resolve(frame);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const take = <T extends WsServerFrame>(match: (f: WsServerFrame) => boolean, timeoutMs = 5_000): Promise<T> => {
    const index = frames.findIndex((f, i) => !taken.has(i) && match(f));
    if (index >= 0) {
      taken.add(index);
      return Promise.resolve(frames[index] as T);
    }
    return new Promise<T>((resolve, reject) => {
      const waiter = {
        match,
        resolve: (f: WsServerFrame) => {
          clearTimeout(timer);
          resolve(f as T);
        },
      };
      const timer = setTimeout(() => {
        waiters = waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames).slice(-2000)}`));
      }, timeoutMs);
      waiters.push(waiter);
    });
  };
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
  });
  const welcome = await take((f) => f.type === 'welcome', options.timeoutMs ?? 10_000);
  if (!instance) instance = String((welcome as { instance?: unknown }).instance ?? '');
  return {
    ws,
    get instance() {
      return instance;
    },
    frames,
    send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    take,
    closed,
    async close() {
      if (ws.readyState === WebSocket.CLOSED) return;
      ws.close();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 2_000))]);
      ws.terminate();
    },
  };
}

/**
 * Opens sockets until one lands on an instance `accept` allows (nginx spreads sockets without
 * stickiness, so a few tries reach any instance); the others are closed. Throws after `tries`.
 */
export async function openRelaySocketOn(
  baseUrl: string,
  token: string,
  accept: (instance: string) => boolean,
  options: Readonly<{ localAddress?: string; tries?: number }> = {},
): Promise<RelaySocket> {
  const seen: string[] = [];
  for (let i = 0; i < (options.tries ?? 30); i++) {
    const socket = await openRelaySocket(baseUrl, token, options);
    if (!socket.instance) {
      await socket.close();
      throw new Error('the relay names no instance (no X-Hearth-Instance header, no welcome.instance)');
    }
    if (accept(socket.instance)) return socket;
    seen.push(socket.instance);
    await socket.close();
  }
  throw new Error(`no socket landed on a wanted instance after ${seen.length} tries (got ${[...new Set(seen)].join(', ')})`);
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let lastId = '';
/** A fresh message id in the relay's format (a ULID: 48-bit time, then randomness), increasing within a process. */
export function newMessageId(): string {
  let time = Date.now();
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = (CROCKFORD[time % 32] as string) + head;
    time = Math.floor(time / 32);
  }
  for (;;) {
    let tail = '';
    for (let i = 0; i < 16; i++) tail += CROCKFORD[Math.floor(Math.random() * 32)] as string;
    const id = head + tail;
    if (id > lastId) return (lastId = id);
  }
}
