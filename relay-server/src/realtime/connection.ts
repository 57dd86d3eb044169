import type { AppVersion, WsSelfPresenceState, WsServerFrame } from '@hearth/common';

/** Where a connection's message delivery stands (see messaging/delivery.ts). */
export type DeliveryCursor = {
  /** Queue position of the last message pushed on this socket. */
  lastSeq: number;
  /** Pushed, not yet acknowledged. */
  inFlight: Set<string>;
  /** Every queued message has been pushed: new ones may go straight out. */
  caughtUp: boolean;
};

/** One authenticated socket: a child on one PC, or one parent session. */
export type Connection = {
  readonly id: number;
  readonly accountId: string;
  readonly accountKind: 'child' | 'parent';
  /** One socket per device session: `c:<child>:<device>` or `p:<session>`. */
  readonly sessionKey: string;
  /** The child's device, for revocations that name one. */
  readonly deviceId: string | undefined;
  /**
   * The device whose queue this socket receives: the child's device, or the parent device of the
   * session (set when the session registers as one). Undefined: no device (a grown-up's pane),
   * pushed no messages.
   */
  queueDevice: string | undefined;
  /** The credential, kept in memory only, to re-check that it is still live. */
  readonly token: string;
  /** The version the app announced (a socket that announced none was refused): what it is sent is gated by it. */
  readonly appVersion: AppVersion;
  presence: WsSelfPresenceState;
  delivery: DeliveryCursor;
  /** Answered the last keep-alive ping. */
  alive: boolean;
  /**
   * Sends a frame (or a pre-serialised one) if this app's version reads it (see version-gate.ts);
   * a no-op once the socket is closing.
   */
  send(frame: WsServerFrame | string): void;
  close(code: number, reason: string): void;
  /** Sends a WebSocket ping (answered by `alive = true`). */
  ping(): void;
  /** Drops the socket without a closing handshake (a peer that stopped answering). */
  terminate(): void;
};

export type ConnectionRegistry = Readonly<{
  /** Registers a connection; returns the older socket of the same device session, which it replaces. */
  add(conn: Connection): Connection | undefined;
  /** Forgets a connection; false when it was not registered (already replaced or removed). */
  remove(conn: Connection): boolean;
  /** The socket of this device session here, if any. */
  ofSession(sessionKey: string): Connection | undefined;
  ofAccount(accountId: string): readonly Connection[];
  isOnline(accountId: string): boolean;
  all(): Connection[];
}>;

const NONE: readonly Connection[] = Object.freeze([]);

export function createConnectionRegistry(): ConnectionRegistry {
  const bySession = new Map<string, Connection>();
  const byAccount = new Map<string, Connection[]>();

  function detach(conn: Connection): void {
    const list = byAccount.get(conn.accountId);
    if (!list) return;
    const rest = list.filter((c) => c !== conn);
    if (rest.length === 0) byAccount.delete(conn.accountId);
    else byAccount.set(conn.accountId, rest);
  }

  return {
    add(conn) {
      const previous = bySession.get(conn.sessionKey);
      if (previous) detach(previous);
      bySession.set(conn.sessionKey, conn);
      byAccount.set(conn.accountId, [...(byAccount.get(conn.accountId) ?? []), conn]);
      return previous;
    },
    remove(conn) {
      if (bySession.get(conn.sessionKey) !== conn) return false;
      bySession.delete(conn.sessionKey);
      detach(conn);
      return true;
    },
    ofSession: (sessionKey) => bySession.get(sessionKey),
    ofAccount: (accountId) => byAccount.get(accountId) ?? NONE,
    isOnline: (accountId) => byAccount.has(accountId),
    all: () => [...bySession.values()],
  };
}

/** One heartbeat round: a socket that did not answer the last ping is dropped, the others are pinged again. */
export function heartbeat(registry: Pick<ConnectionRegistry, 'all'>): void {
  for (const conn of registry.all()) {
    if (!conn.alive) {
      conn.terminate();
      continue;
    }
    conn.alive = false;
    conn.ping();
  }
}
