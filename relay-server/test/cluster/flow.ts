/**
 * Messages that keep flowing while relay instances die: senders that resend whatever the relay has
 * not acknowledged after every reconnect, and receivers that keep a history (by message id, as the
 * app does) and acknowledge what they stored. Shared by the cluster test and `npm run bench:cluster`.
 */
import { WebSocket } from 'ws';
import { APP_VERSION, APP_VERSION_HEADER, type WsServerFrame } from '@hearth/common';
import { newMessageId } from '@hearth/test-kit/relay-socket';

type Endpoint = Readonly<{ url: string; token: string; localAddress?: string }>;

/** The instance that took each socket (its `X-Hearth-Instance`). */
const instanceOf = new WeakMap<WebSocket, string>();

/** Opens `/v1/ws` (retrying every 50 ms while no instance answers) and resolves on `welcome`. */
function openUntilWelcome(
  e: Endpoint,
  onFrame: (ws: WebSocket, f: WsServerFrame) => void,
  onClose: () => void,
): Promise<WebSocket> {
  const attempt = (): Promise<WebSocket> =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(`${e.url.replace(/^http/, 'ws')}/v1/ws`, {
        headers: { [APP_VERSION_HEADER]: APP_VERSION, authorization: `Bearer ${e.token}` },
        ...(e.localAddress ? { localAddress: e.localAddress } : {}),
        perMessageDeflate: false,
      });
      let welcomed = false;
      ws.once('upgrade', (res) => instanceOf.set(ws, String(res.headers['x-hearth-instance'] ?? '')));
      ws.once('error', (err) => !welcomed && reject(err));
      ws.once('unexpected-response', () => {
        ws.terminate();
        reject(new Error('upgrade refused'));
      });
      ws.on('close', () => (welcomed ? onClose() : reject(new Error('closed before welcome'))));
      ws.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as WsServerFrame;
        if (frame.type === 'welcome') {
          welcomed = true;
          resolve(ws);
        } else onFrame(ws, frame);
      });
    });
  return (async () => {
    for (;;) {
      try {
        return await attempt();
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  })();
}

/** A child's device sending `count` messages to `to`, at most `window` unacknowledged at once. */
export class FlowSender {
  readonly ids: string[];
  /** Ids the relay answered `sent` for: it promised to deliver them. */
  readonly acked = new Set<string>();
  private readonly inFlight = new Set<string>();
  private ws: WebSocket | undefined;
  private reconnecting: Promise<void> | undefined;
  /** Error frames answered to a send (each send was tried again). */
  errors = 0;
  closed = false;

  constructor(
    private readonly endpoint: Endpoint,
    private readonly to: string,
    count: number,
    private readonly window = 8,
  ) {
    this.ids = Array.from({ length: count }, () => newMessageId());
  }

  get done(): boolean {
    return this.acked.size === this.ids.length;
  }

  /** The instance its socket is on now ('' while it has none). */
  get instance(): string {
    return (this.ws && instanceOf.get(this.ws)) ?? '';
  }

  /** Connects (through whatever instance nginx picks) and sends until every id is acknowledged. */
  async connect(): Promise<void> {
    this.ws = await openUntilWelcome(
      this.endpoint,
      (_ws, frame) => {
        if (frame.type === 'sent') {
          this.acked.add(frame.id);
          this.inFlight.delete(frame.id);
          this.pump();
        } else if (frame.type === 'error' && frame.ref) {
          // Rate limited or unavailable for a moment: sent again a little later, not in a tight loop.
          const ref = frame.ref;
          this.errors++;
          setTimeout(() => {
            this.inFlight.delete(ref);
            this.pump();
          }, 100);
        }
      },
      () => {
        this.ws = undefined;
        if (!this.closed) this.reconnecting ??= this.connect().finally(() => (this.reconnecting = undefined));
      },
    );
    // After a reconnect, everything not acknowledged goes again (the relay answers a duplicate `sent`).
    this.inFlight.clear();
    this.pump();
  }

  private pump(): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    for (const id of this.ids) {
      if (this.inFlight.size >= this.window) return;
      if (this.acked.has(id) || this.inFlight.has(id)) continue;
      this.inFlight.add(id);
      ws.send(JSON.stringify({ type: 'send', id, to: this.to, content: { kind: 'text', text: `flow ${id}` } }));
    }
  }

  close(): void {
    this.closed = true;
    this.ws?.close();
  }
}

/** A recipient device: stores every message by id, acknowledges it, reconnects when its socket drops. */
export class FlowReceiver {
  /** Message id → how many times it was pushed. */
  readonly pushes = new Map<string, number>();
  /** Ids acknowledged on the current socket. */
  private readonly acknowledged = new Set<string>();
  /** Pushes of a message again on the same socket after this device acknowledged it there: never right. */
  pushedAfterAck = 0;
  private ws: WebSocket | undefined;
  closed = false;

  constructor(private readonly endpoint: Endpoint) {}

  async connect(): Promise<void> {
    this.ws = await openUntilWelcome(
      this.endpoint,
      (ws, frame) => {
        if (frame.type !== 'message') return;
        const id = frame.message.id;
        this.pushes.set(id, (this.pushes.get(id) ?? 0) + 1);
        if (this.acknowledged.has(id)) this.pushedAfterAck++;
        ws.send(JSON.stringify({ type: 'received', ids: [id] }));
        this.acknowledged.add(id);
      },
      () => {
        this.ws = undefined;
        // An acknowledgement that went out on a socket that then died may not have arrived: a later push is fair.
        this.acknowledged.clear();
        if (!this.closed) void this.connect();
      },
    );
  }

  /** The app's history: each message once. */
  history(): Set<string> {
    return new Set(this.pushes.keys());
  }

  close(): void {
    this.closed = true;
    this.ws?.close();
  }
}

/** Waits until `check()` or throws after `ms` with `what()` in the message. */
export async function until(check: () => boolean, ms: number, what: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
