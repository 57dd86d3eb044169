/**
 * The bus between relay instances (issue 13): pub/sub channels and short-lived keys. One relay
 * uses the in-process bus (`in-process.ts`); several share Redis (`redis.ts`, `--bus redis://…`).
 * Channel and key names are the relay's own (`presence:<accountId>`, `instance:<name>` …); the
 * Redis adapter puts its prefix in front, so tests and deployments sharing a Redis never meet.
 */
export type BusHandler = (payload: string) => void;

export type Bus = Readonly<{
  kind: 'in-process' | 'redis';
  /** This instance's name (`config.instanceName`): the channel `instance:<name>` reaches only it. */
  instance: string;
  /**
   * Delivers `payload` to every handler subscribed to `channel`, on every instance, this one
   * included. Resolves once Redis took it (in-process: once the local handlers ran).
   */
  publish(channel: string, payload: string): Promise<void>;
  /** Subscribes a handler; resolves once the subscription is live. */
  subscribe(channel: string, handler: BusHandler): Promise<void>;
  unsubscribe(channel: string, handler: BusHandler): Promise<void>;
  /** Sets a key that disappears after `ttlMs` unless set again (presence, where a peer lives). */
  put(key: string, value: string, ttlMs: number): Promise<void>;
  /** Sets the key only if it is absent; true if this call set it. */
  putIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  get(key: string): Promise<string | undefined>;
  /**
   * What `get` would answer, from this process's memory and without waiting: only a bus that
   * keeps its keys here has it (in-process). Signaling's hot path reads connection records with it.
   */
  peek?: (key: string) => string | undefined;
  getMany(keys: readonly string[]): Promise<(string | undefined)[]>;
  /** Removes the key; with `ifValue`, only while it still holds that value (an atomic compare). */
  remove(key: string, ifValue?: string): Promise<void>;
  /**
   * Whether this instance may trust what it caches from the bus: subscribed, and it heard the
   * bus heartbeat within the fencing window (2 s). Always true in-process.
   */
  isLive(): boolean;
  /** Told when `isLive()` changes (a lost subscription, then a restored one: reload caches then). */
  onLiveChange(listener: (live: boolean) => void): void;
  /**
   * The instances whose bus heartbeat this one heard within the fencing window, itself included
   * while live: whom a cluster-wide change waits for. In-process: just this one.
   */
  instances(): readonly string[];
  close(): Promise<void>;
}>;

/** How long an instance trusts its caches without hearing the bus heartbeat (issue 13). */
export const BUS_FENCE_MS = 2_000;
