import { WebSocket } from 'ws';
import { ulid } from 'ulid';
import {
  APP_VERSION,
  APP_VERSION_HEADER,
  type WsErrorFrame,
  type WsMessageFrame,
  type WsSentFrame,
  type WsServerFrame,
} from '@hearth/common';
import type { Static } from 'typebox';
import type { RelayApp } from '../src/app';

/** A raw WebSocket to `/v1/ws` that records every frame it receives, as text and parsed. */
export type TestSocket = Readonly<{
  ws: WebSocket;
  /** Every text frame received, in order, exactly as sent by the relay. */
  raw: string[];
  frames: WsServerFrame[];
  send(frame: unknown): void;
  /** Resolves with the first frame not yet taken that matches; rejects after `timeoutMs`. */
  take<T extends WsServerFrame = WsServerFrame>(match: (f: WsServerFrame) => boolean, timeoutMs?: number): Promise<T>;
  /** Resolves with the close code and reason. */
  closed: Promise<Readonly<{ code: number; reason: string }>>;
  close(): Promise<void>;
}>;

/** Listens on a free loopback port; returns the base `ws://` URL of `/v1/ws`. */
export async function listenForWs(app: RelayApp): Promise<string> {
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return `${address.replace(/^http/, 'ws')}/v1/ws`;
}

/** Upgrade headers; a header given as undefined is not sent (`{ [APP_VERSION_HEADER]: undefined }`). */
export type UpgradeHeaders = Readonly<Record<string, string | undefined>>;

/** The headers this app's upgrade carries besides the credential: its version. */
export const APP_HEADERS: Readonly<Record<string, string>> = Object.freeze({ [APP_VERSION_HEADER]: APP_VERSION });

/**
 * Opens a socket as this app does: the upgrade announces {@link APP_VERSION} unless `headers`
 * says otherwise. With `auth: 'header'` (default) the token goes in the Authorization header;
 * with `'hello'` it is sent as the first frame; `'none'` sends nothing.
 */
export async function openSocket(
  url: string,
  token: string | undefined,
  auth: 'header' | 'hello' | 'none' = 'header',
  headers: UpgradeHeaders = {},
): Promise<TestSocket> {
  const sent: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...APP_HEADERS, ...headers })) if (value !== undefined) sent[name] = value;
  const ws = new WebSocket(url, {
    headers: { ...sent, ...(auth === 'header' && token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const raw: string[] = [];
  const frames: WsServerFrame[] = [];
  const taken = new Set<number>();
  let waiters: { match: (f: WsServerFrame) => boolean; resolve: (f: WsServerFrame) => void }[] = [];

  function offer(index: number): void {
    const frame = frames[index] as WsServerFrame;
    const waiter = waiters.find((w) => w.match(frame));
    if (!waiter) return;
    taken.add(index);
    waiters = waiters.filter((w) => w !== waiter);
    waiter.resolve(frame);
  }

  ws.on('message', (data) => {
    const text = data.toString();
    raw.push(text);
    frames.push(JSON.parse(text) as WsServerFrame);
    offer(frames.length - 1);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
  });
  if (auth === 'hello' && token) ws.send(JSON.stringify({ type: 'hello', token }));

  return {
    ws,
    raw,
    frames,
    send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    take<T extends WsServerFrame>(match: (f: WsServerFrame) => boolean, timeoutMs = 3000): Promise<T> {
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
          reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames)}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    closed,
    async close() {
      if (ws.readyState === WebSocket.CLOSED) return;
      ws.close();
      await closed;
    },
  };
}

/** Opens an authenticated socket and waits for its `welcome`. */
export async function connect(
  url: string,
  token: string,
  auth: 'header' | 'hello' = 'header',
  headers: UpgradeHeaders = {},
): Promise<TestSocket> {
  const socket = await openSocket(url, token, auth, headers);
  await socket.take((f) => f.type === 'welcome');
  return socket;
}

/** The sockets one test file opens, closed together after each test. */
export type SocketPool = Readonly<{
  /** Opens an authenticated socket (as {@link connect}) and keeps it for {@link SocketPool.closeAll}. */
  open(url: string, token: string): Promise<TestSocket>;
  /** Keeps a socket opened some other way. */
  keep(socket: TestSocket): TestSocket;
  closeAll(): Promise<void>;
}>;

export function socketPool(): SocketPool {
  const sockets: TestSocket[] = [];
  const keep = (socket: TestSocket): TestSocket => {
    sockets.push(socket);
    return socket;
  };
  return {
    open: async (url, token) => keep(await connect(url, token)),
    keep,
    closeAll: async () => void (await Promise.all(sockets.splice(0).map((s) => s.close()))),
  };
}

/** Frames the tests look into, as their schemas in common say. */
export type MessageFrame = Static<typeof WsMessageFrame>;
export type SentFrame = Static<typeof WsSentFrame>;
export type ErrorFrame = Static<typeof WsErrorFrame>;

type Frame = { type: string };
/** Text content, as a child types it. */
export const text = (t: string) => ({ kind: 'text', text: t });
/** Matches the `sent` acknowledgement of message `id`. */
export const sentFor = (id: string) => (f: Frame) => f.type === 'sent' && (f as SentFrame).id === id;
/** Matches the `error` frame that refers to `id`. */
export const errorFor = (id: string) => (f: Frame) => f.type === 'error' && (f as ErrorFrame).ref === id;
/** Matches the pushed message `id`. */
export const messageWith = (id: string) => (f: Frame) => f.type === 'message' && (f as MessageFrame).message.id === id;

/** Sends a message with a fresh id and waits for the relay's `sent`; returns the id. */
export async function sendAndAck(socket: TestSocket, to: string, content: unknown = text('hi')): Promise<string> {
  const id = ulid();
  socket.send({ type: 'send', id, to, content });
  await socket.take(sentFor(id));
  return id;
}

/** Gives the relay time to send anything it was going to send (for "nothing arrives" checks). */
export function settle(ms = 150): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A fresh message id: a ULID from the current time and randomness. */
export { ulid as newMessageId } from 'ulid';
