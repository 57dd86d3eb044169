/**
 * The PeerJS client of the active profile, on the relay's signaling socket: the relay-issued
 * peer id and a short-lived token from main, the relay's host, port and path, and always our
 * own ICE configuration, so the PeerJS cloud and PeerJS's default STUN/TURN servers are never
 * used. PeerJS never reconnects by itself: on `disconnected` this module asks main for a fresh
 * token and reconnects, with exponential backoff and jitter.
 */
import type { CallIce, CallSession, HearthApi, IpcResult } from '@hearth/common';
import type { DataConnection, MediaConnection, Peer, PeerError, PeerOptions } from 'peerjs';

export type SignalingState = 'off' | 'connecting' | 'online' | 'reconnecting';

/** Reconnect timing. */
export type SignalingBackoff = Readonly<{
  /** First wait after a drop, ms. Default 500; doubles each failed attempt. */
  initialMs: number;
  /** Longest wait, ms. Default 30 000. */
  maxMs: number;
}>;

export const DEFAULT_SIGNALING_BACKOFF: SignalingBackoff = Object.freeze({ initialMs: 500, maxMs: 30_000 });

/** A socket open this long counts as stable: the reconnect backoff starts from the beginning again. */
const STABLE_MS = 30_000;

/** A quick reconnect reuses the socket token only if it is good for at least this long. */
const QUICK_TOKEN_MARGIN_MS = 60_000;

/** Refresh the ICE configuration (TURN credentials) this long before it expires, and at least this often. */
const ICE_REFRESH_MS = 5 * 60_000;

export type SignalingDeps = Readonly<{
  hearth: Pick<HearthApi, 'getCallSession' | 'getCallIce'>;
  /** `new Peer(id, options)`; tests pass a fake. */
  createPeer: (id: string, options: PeerOptions) => Peer;
  onCall: (connection: MediaConnection) => void;
  onConnection: (connection: DataConnection) => void;
  /** Errors the call service cares about (e.g. `peer-unavailable` while dialling). */
  onPeerError: (error: PeerError<string>) => void;
  /** Something went wrong that only a log should hear about. */
  onProblem?: (message: string, details?: unknown) => void;
  backoff?: SignalingBackoff;
  random?: () => number;
  now?: () => number;
}>;

export type Signaling = Readonly<{
  /** Connects (and keeps connecting) until `stop`. */
  start: () => void;
  /** Destroys the client for good (the next `start` makes a new one). */
  stop: () => void;
  state: () => SignalingState;
  /** The live PeerJS client, or null. */
  peer: () => Peer | null;
  /** Resolves true once online, false after `timeoutMs` or on `stop`. */
  whenOnline: (timeoutMs: number) => Promise<boolean>;
  /** The ICE configuration last fetched from main. */
  ice: () => CallIce | null;
  /** How long a call rings before it is missed (from the last session; 30 s before there is one). */
  ringTimeoutMs: () => number;
  /** Fetches the ICE configuration again and gives it to the client (before each call). */
  refreshIce: () => Promise<CallIce>;
  /**
   * Drops the socket and connects again at once (a call lost its path: after an address change
   * the old socket is dead while it still looks open). Calls going on are kept.
   */
  reconnectNow: () => void;
  onState: (listener: (state: SignalingState) => void) => () => void;
}>;

/** PeerJS's `config`: only the relay's servers, with the transport policy main decided. */
export function rtcConfigOf(ice: CallIce): RTCConfiguration {
  return {
    iceServers: ice.iceServers.map((s) => ({
      urls: [...s.urls],
      ...(s.username !== undefined ? { username: s.username } : {}),
      ...(s.credential !== undefined ? { credential: s.credential } : {}),
    })),
    iceTransportPolicy: ice.iceTransportPolicy,
  };
}

/** Every PeerJS option that would otherwise fall back to the PeerJS cloud or its servers. */
export function peerOptionsOf(session: CallSession, ice: CallIce): PeerOptions {
  return {
    host: session.host,
    port: session.port,
    path: session.path,
    key: session.key,
    secure: session.secure,
    token: session.token,
    config: rtcConfigOf(ice),
    debug: 0,
  };
}

/** True when calls must use TURN but the relay hands out no TURN server: nothing could connect. */
export function relayOnlyWithoutTurn(ice: CallIce): boolean {
  return ice.iceTransportPolicy === 'relay' && !ice.iceServers.some((s) => s.urls.some((u) => /^turns?:/i.test(u)));
}

async function value<T>(result: Promise<IpcResult<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value;
}

export function createSignaling(deps: SignalingDeps): Signaling {
  const backoff = deps.backoff ?? DEFAULT_SIGNALING_BACKOFF;
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
  const problem = deps.onProblem ?? ((): void => undefined);
  const listeners = new Set<(state: SignalingState) => void>();
  let current: Peer | null = null;
  let state: SignalingState = 'off';
  let wanted = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let iceTimer: ReturnType<typeof setTimeout> | null = null;
  let stableTimer: ReturnType<typeof setTimeout> | null = null;
  let latestIce: CallIce | null = null;
  let ringTimeoutMs = 30_000;
  /** When the socket token we hold expires (a quick reconnect reuses it while it is good). */
  let tokenExpiresAt = 0;
  let quick = false;

  const setState = (next: SignalingState): void => {
    if (next === state) return;
    state = next;
    for (const l of [...listeners]) l(next);
  };

  const delay = (): number => {
    const base = Math.min(backoff.maxMs, backoff.initialMs * 2 ** attempt);
    attempt += 1;
    return Math.round(base * (0.5 + random() / 2));
  };

  const schedule = (fn: () => void): void => {
    if (!wanted) return;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (wanted) fn();
    }, delay());
  };

  const applyIce = (ice: CallIce): void => {
    latestIce = ice;
    if (current) current.options.config = rtcConfigOf(ice);
    if (iceTimer) clearTimeout(iceTimer);
    const untilExpiry = ice.expiresAt === null ? ICE_REFRESH_MS : ice.expiresAt - now() - ICE_REFRESH_MS;
    iceTimer = setTimeout(
      () => {
        iceTimer = null;
        if (wanted) refreshIce().catch((err: unknown) => problem('could not refresh ICE servers', err));
      },
      Math.max(10_000, Math.min(ICE_REFRESH_MS, untilExpiry)),
    );
  };

  let iceInFlight: Promise<CallIce> | null = null;
  /** One request at a time: callers that ask while one is on its way share its answer. */
  const refreshIce = (): Promise<CallIce> => {
    iceInFlight ??= value(deps.hearth.getCallIce())
      .then((ice) => {
        applyIce(ice);
        return ice;
      })
      .finally(() => {
        iceInFlight = null;
      });
    return iceInFlight;
  };

  const attach = (peer: Peer): void => {
    peer.on('open', () => {
      if (peer !== current) return;
      // The backoff starts again only once the socket has stayed up a while: two windows of one
      // profile, each taking the peer id over from the other, then back off instead of fighting.
      if (stableTimer) clearTimeout(stableTimer);
      stableTimer = setTimeout(() => {
        stableTimer = null;
        attempt = 0;
      }, STABLE_MS);
      setState('online');
    });
    peer.on('call', (c) => {
      if (peer === current) deps.onCall(c);
      else c.close();
    });
    peer.on('connection', (c) => {
      if (peer === current) deps.onConnection(c);
      else c.close();
    });
    peer.on('error', (err) => {
      if (peer === current) deps.onPeerError(err);
    });
    peer.on('disconnected', () => {
      if (stableTimer) clearTimeout(stableTimer);
      stableTimer = null;
      if (peer !== current || !wanted) return;
      setState('reconnecting');
      schedule(() => void reconnect(peer));
    });
    peer.on('close', () => {
      if (peer !== current) return;
      current = null;
      if (!wanted) return;
      setState('reconnecting');
      schedule(() => void open());
    });
  };

  async function open(): Promise<void> {
    try {
      const [session, ice] = await Promise.all([value(deps.hearth.getCallSession()), value(deps.hearth.getCallIce())]);
      if (!wanted || current) return;
      ringTimeoutMs = session.ringTimeoutMs;
      tokenExpiresAt = session.expiresAt;
      const peer = deps.createPeer(session.peerId, peerOptionsOf(session, ice));
      current = peer;
      applyIce(ice);
      attach(peer);
    } catch (err) {
      problem('could not start signaling', err);
      setState('reconnecting');
      schedule(() => void open());
    }
  }

  async function reconnect(peer: Peer): Promise<void> {
    // A call asked (`reconnectNow`): the token we hold is good for a while yet, so the socket
    // comes back without a round trip through main to the relay (whose own connection may be as
    // dead as ours was, after an address change, until its request times out).
    if (quick && tokenExpiresAt - now() > QUICK_TOKEN_MARGIN_MS && !peer.destroyed) {
      quick = false;
      if (peer.disconnected) peer.reconnect();
      return;
    }
    quick = false;
    try {
      const session = await value(deps.hearth.getCallSession());
      tokenExpiresAt = session.expiresAt;
      if (peer !== current || !wanted) return;
      if (peer.destroyed) {
        current = null;
        await open();
        return;
      }
      // A fresh token: the old one may have expired while the socket was up.
      peer.options.token = session.token;
      if (peer.disconnected) peer.reconnect();
    } catch (err) {
      problem('could not reconnect signaling', err);
      schedule(() => void reconnect(peer));
    }
  }

  return Object.freeze({
    start(): void {
      if (wanted) return;
      wanted = true;
      attempt = 0;
      setState('connecting');
      void open();
    },
    stop(): void {
      wanted = false;
      if (retryTimer) clearTimeout(retryTimer);
      if (iceTimer) clearTimeout(iceTimer);
      if (stableTimer) clearTimeout(stableTimer);
      retryTimer = iceTimer = stableTimer = null;
      const peer = current;
      current = null;
      peer?.destroy();
      setState('off');
    },
    state: () => state,
    peer: () => current,
    whenOnline(timeoutMs: number): Promise<boolean> {
      if (state === 'online') return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          off();
          resolve(false);
        }, timeoutMs);
        const off = (() => {
          const l = (s: SignalingState): void => {
            if (s !== 'online' && s !== 'off') return;
            clearTimeout(timer);
            listeners.delete(l);
            resolve(s === 'online');
          };
          listeners.add(l);
          return () => listeners.delete(l);
        })();
      });
    },
    ice: () => latestIce,
    ringTimeoutMs: () => ringTimeoutMs,
    refreshIce,
    reconnectNow(): void {
      const peer = current;
      if (!wanted || !peer || peer.destroyed) return;
      attempt = 0;
      quick = true;
      // `disconnected` follows (PeerJS keeps its connections) and schedules the reconnect.
      if (!peer.disconnected) peer.disconnect();
      else schedule(() => void reconnect(peer));
    },
    onState(listener: (s: SignalingState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
}
