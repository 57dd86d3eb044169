import type { BridgeServerFrame } from '@hearth/common';
import {
  createHearthClient,
  WEB_BRIDGE_PATH,
  type ChannelName,
  type EventName,
  type HearthApi,
  type HearthTransport,
  type IpcResult,
} from '@hearth/common';

type Pending = Readonly<{ resolve: (r: IpcResult<unknown>) => void }>;

const unavailable = (message: string): IpcResult<unknown> => ({ ok: false, error: { code: 'UNAVAILABLE', message } });
const STALE: IpcResult<unknown> = {
  ok: false,
  error: { code: 'UNAUTHENTICATED', message: 'This page’s link is not from the Hearth that is running now.' },
};

export type WebBridgeOptions = Readonly<{
  /**
   * The web host refused this page's token (none in the URL, or one of an earlier launch): the
   * bridge has stopped for good, and the person must open the link `npm start` printed.
   */
  onRefused?: () => void;
}>;

/**
 * `window.hearth` for a page served by the web host: the same contract, carried over a
 * loopback WebSocket authenticated by the token in the page's URL. Calls made while the socket
 * is (re)connecting wait for it; a drop fails the calls in flight with UNAVAILABLE and
 * reconnects with backoff. A browser cannot read why an upgrade was refused, so after a close
 * the bridge asks the host (a plain GET on the same path) whether its token is still good, and
 * stops retrying one the host refuses.
 */
export function createWebBridge(location: Readonly<{ host: string; search: string }>, options: WebBridgeOptions = {}): HearthApi {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const query = `?token=${encodeURIComponent(token)}`;
  const url = `ws://${location.host}${WEB_BRIDGE_PATH}${query}`;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let attempt = 0;
  let refused = false;

  const failAll = (result: IpcResult<unknown>): void => {
    for (const p of pending.values()) p.resolve(result);
    pending.clear();
  };
  const refuse = (): void => {
    refused = true;
    queue = [];
    failAll(STALE);
    options.onRefused?.();
  };
  /** true: the host refused the token; false: it took it, or could not be asked (it may be restarting). */
  const tokenRefused = async (): Promise<boolean> => {
    try {
      return (await fetch(`${WEB_BRIDGE_PATH}${query}`, { cache: 'no-store' })).status === 401;
    } catch {
      return false;
    }
  };

  const connect = (): void => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      for (const frame of queue) ws.send(frame);
      queue = [];
    };
    ws.onmessage = (message: MessageEvent<string>) => {
      let frame: unknown;
      try {
        frame = JSON.parse(message.data);
      } catch {
        return;
      }
      // Only the shape is checked here (no schema compiler in the page: its CSP forbids eval).
      const f = frame as BridgeServerFrame;
      if ('id' in f) {
        pending.get(f.id)?.resolve(f.result as IpcResult<unknown>);
        pending.delete(f.id);
      } else if ('event' in f) {
        for (const l of listeners.get(f.event) ?? []) l(f.payload);
      }
    };
    ws.onclose = () => {
      socket = null;
      failAll(unavailable('Hearth lost its connection for a moment. Please try again.'));
      attempt += 1;
      void tokenRefused().then((stale) => {
        if (stale) refuse();
        else setTimeout(connect, Math.min(5_000, 100 * 2 ** attempt));
      });
    };
  };

  const transport: HearthTransport = {
    invoke: (channel: ChannelName, args: unknown) =>
      new Promise<IpcResult<unknown>>((resolve) => {
        if (refused) {
          resolve(STALE);
          return;
        }
        const id = nextId++;
        pending.set(id, { resolve });
        const frame = JSON.stringify({ id, channel, args });
        if (socket?.readyState === WebSocket.OPEN) socket.send(frame);
        else queue.push(frame);
      }),
    subscribe: (event: EventName, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
  // A page opened without any token can never connect: say so at once.
  if (token === '') refuse();
  else connect();
  return createHearthClient(transport);
}
