import WebSocket from 'ws';
import {
  AnyServerFrame,
  MAX_IDS_PER_FRAME,
  WsCloseCode,
  WsServerFrame,
  tolerantReader,
  unreadFrameId,
  type ConnectionState,
  type WsCallIceFrame,
  type WsClientFrame,
  type WsSelfPresenceState,
} from '@hearth/common';
import { earliestOutboxAttempt, makeOutboxDue } from '../db/child/queries/outbox';
import type { RelayVersions } from './relay-versions';
import type { ConnectionContext } from './connection-context';
import { handleServerFrame } from './inbound';
import { flushOutbox } from './outbound';

/** Reconnect timing. */
export type ReconnectPolicy = Readonly<{
  /** First wait after a drop. Default 500 ms; doubles each failed attempt. */
  initialDelayMs: number;
  /** Longest wait. Default 30 s. */
  maxDelayMs: number;
  /** No frame or ping from the relay for this long means the link is dead. Default 75 s. */
  idleTimeoutMs: number;
}>;

export const DEFAULT_RECONNECT: ReconnectPolicy = Object.freeze({
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  idleTimeoutMs: 75_000,
});

export type ChildConnection = Readonly<{
  start: () => void;
  /** Closes for good (until start). */
  stop: () => void;
  /** Sends what the outbox holds now. */
  kick: () => void;
  /** Sends `unsend` for one message; false when the socket is not open. */
  unsend: (messageId: string) => boolean;
  state: () => ConnectionState;
  setPresence: (state: WsSelfPresenceState) => void;
  /** Sends a `call-ice` frame (issue 18); false when the socket is not open. */
  sendCallIce: (frame: WsCallIceFrame) => boolean;
}>;

const frames = tolerantReader(WsServerFrame);
const envelopes = tolerantReader(AnyServerFrame);

/**
 * One child's socket to the relay (`/v1/ws`, device credential in the Authorization header, the
 * app's version in `Hearth-App-Version`), kept open with exponential backoff and jitter. Stops
 * for good when the relay says the credential is no longer valid (4401), another socket replaced
 * this one (4409) or this app is too old (426 before the upgrade, 4426 after).
 *
 * Frames are read tolerantly: unknown fields are ignored; a frame this app cannot read (a newer
 * type, or a message of a newer kind) is acknowledged when it carries an id, so the relay does not
 * hold it (and stall delivery) for this device.
 */
export function createChildConnection(
  deps: Readonly<{ wsUrl: string; policy: ReconnectPolicy; random?: () => number; versions?: RelayVersions }>,
  makeCtx: (send: (frame: WsClientFrame) => boolean) => ConnectionContext,
): ChildConnection {
  const random = deps.random ?? Math.random;
  let socket: WebSocket | null = null;
  let wanted = false;
  let online = false;
  let attempt = 0;
  let presence: WsSelfPresenceState = 'away';
  let retryTimer: NodeJS.Timeout | null = null;
  let idleTimer: NodeJS.Timeout | null = null;
  let wakeTimer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> | null = null;
  let flushAgain = false;
  let inbound: Promise<void> = Promise.resolve();
  let acks: string[] = [];

  const send = (frame: WsClientFrame): boolean => {
    if (!socket || socket.readyState !== WebSocket.OPEN || !online) return false;
    socket.send(JSON.stringify(frame));
    return true;
  };
  const ctx = makeCtx(send);
  const isOpen = (): boolean => online && socket?.readyState === WebSocket.OPEN;

  const emitState = (retryAt: number | null): void => {
    ctx.events.emitForChild(ctx.childId, 'connection', { state: state(), retryAt });
  };
  const clear = (t: NodeJS.Timeout | null): null => {
    if (t) clearTimeout(t);
    return null;
  };
  const resetIdle = (ws: WebSocket): void => {
    idleTimer = clear(idleTimer);
    idleTimer = setTimeout(() => {
      ctx.log.warn('no word from the relay; reconnecting');
      ws.terminate();
    }, deps.policy.idleTimeoutMs);
  };
  const scheduleWake = (): void => {
    wakeTimer = clear(wakeTimer);
    const at = earliestOutboxAttempt(ctx.db);
    if (at === null || !isOpen()) return;
    wakeTimer = setTimeout(kick, Math.max(0, at - ctx.now()) + 5);
  };
  const flushAcks = (): void => {
    while (acks.length > 0 && isOpen()) {
      send({ type: 'received', ids: acks.slice(0, MAX_IDS_PER_FRAME) });
      acks = acks.slice(MAX_IDS_PER_FRAME);
    }
    acks = [];
  };
  const ack = (id: string): void => {
    if (acks.push(id) === 1) setImmediate(flushAcks);
  };

  function kick(): void {
    if (!isOpen()) return;
    if (flushing) {
      flushAgain = true;
      return;
    }
    flushing = flushOutbox(ctx, isOpen)
      .catch((err: unknown) => ctx.log.error({ err }, 'sending from the outbox failed'))
      .finally(() => {
        flushing = null;
        if (flushAgain) {
          flushAgain = false;
          kick();
        } else scheduleWake();
      });
  }

  const onWelcome = (): void => {
    online = true;
    attempt = 0;
    emitState(null);
    if (presence !== 'online') send({ type: 'presence', state: presence });
    ctx.refreshContacts().catch((err: unknown) => ctx.log.warn({ err }, 'could not refresh friends'));
    ctx.becomeDevice().catch((err: unknown) => ctx.log.warn({ err }, 'could not register as a parent device'));
    makeOutboxDue(ctx.db, ctx.now());
    kick();
  };

  const scheduleReconnect = (): void => {
    if (!wanted) return;
    const base = Math.min(deps.policy.maxDelayMs, deps.policy.initialDelayMs * 2 ** attempt);
    const delay = Math.round(base * (0.5 + random() / 2));
    attempt += 1;
    retryTimer = setTimeout(connect, delay);
    emitState(ctx.now() + delay);
  };

  function connect(): void {
    retryTimer = clear(retryTimer);
    if (!wanted || socket) return;
    const ws = new WebSocket(deps.wsUrl, {
      headers: { ...deps.versions?.headers, authorization: `Bearer ${ctx.token()}` },
      handshakeTimeout: 10_000,
    });
    socket = ws;
    emitState(null);
    let refused = false;
    let tooOld = false;
    ws.on('open', () => resetIdle(ws));
    ws.on('ping', () => resetIdle(ws));
    ws.on('message', (data, isBinary) => {
      resetIdle(ws);
      let frame: unknown;
      const text = isBinary ? undefined : data.toString();
      try {
        frame = text === undefined ? null : JSON.parse(text);
      } catch {
        frame = null;
      }
      const known = frames.read(frame);
      if (!known) {
        const envelope = envelopes.read(frame);
        const id = envelope ? unreadFrameId(envelope) : undefined;
        ctx.log.warn({ type: envelope?.type, acknowledged: id !== undefined }, 'the relay sent a frame this app cannot read');
        if (id !== undefined) ack(id);
        return;
      }
      inbound = inbound
        .then(() => handleServerFrame(ctx, known, { ack, onWelcome, kick, raw: text }))
        .catch((err: unknown) => ctx.log.warn({ err }, 'could not handle a frame; the relay will send it again'));
    });
    ws.on('error', (err) => {
      if (/\b401\b/.test(err.message)) refused = true;
      if (/\b426\b/.test(err.message)) tooOld = true;
      ctx.log.info({ err: err.message }, 'relay socket error');
    });
    ws.on('close', (code) => {
      if (socket !== ws) return;
      socket = null;
      online = false;
      idleTimer = clear(idleTimer);
      wakeTimer = clear(wakeTimer);
      if (tooOld || code === WsCloseCode.AppTooOld) {
        ctx.log.warn({ code }, 'the relay serves only newer apps: Hearth needs an update');
        deps.versions?.tooOld();
        wanted = false;
        emitState(null);
        return;
      }
      if (refused || code === WsCloseCode.Unauthenticated || code === WsCloseCode.Replaced) {
        ctx.log.warn({ code }, 'the relay ended this profile’s connection for good');
        wanted = false;
        emitState(null);
        ctx.credentialRefused();
        return;
      }
      scheduleReconnect();
    });
  }

  function state(): ConnectionState {
    if (online) return 'online';
    return socket ? 'connecting' : 'offline';
  }

  return Object.freeze({
    start(): void {
      if (wanted) return;
      wanted = true;
      attempt = 0;
      connect();
    },
    stop(): void {
      wanted = false;
      retryTimer = clear(retryTimer);
      idleTimer = clear(idleTimer);
      wakeTimer = clear(wakeTimer);
      const ws = socket;
      socket = null;
      online = false;
      ws?.close(1000);
    },
    kick,
    unsend: (messageId: string) => send({ type: 'unsend', id: messageId }),
    sendCallIce: (frame: WsCallIceFrame) => send(frame),
    state,
    setPresence(next: WsSelfPresenceState): void {
      presence = next;
      send({ type: 'presence', state: next });
    },
  });
}
