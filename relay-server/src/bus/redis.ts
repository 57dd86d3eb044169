import { Redis, type RedisOptions } from 'ioredis';
import { BUS_FENCE_MS, type Bus, type BusHandler } from './port';

/** The slice of pino the bus logs through. */
type BusLogger = Readonly<{
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}>;

export type RedisBusOptions = Readonly<{
  /** `redis://host:port/db` (`--bus`). */
  url: string;
  /** Put in front of every key and channel (`hearth:` in production; a random one per test). */
  prefix: string;
  /** This instance's name (`config.instanceName`). */
  instance: string;
  log: BusLogger;
  /** How often this instance publishes its heartbeat (default 500 ms). */
  heartbeatMs?: number;
  /** How long without hearing its own heartbeat before it fences itself (default {@link BUS_FENCE_MS}). */
  fenceMs?: number;
  /** How long the first connection may take before the bus gives up with a sentence (default 5 s). */
  connectTimeoutMs?: number;
  now?: () => number;
}>;

/** Deletes a key only while it still holds the given value (one round trip, atomic in Redis). */
const REMOVE_IF = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

const HEARTBEAT_CHANNEL = 'bus:heartbeat';

/**
 * The bus on Redis through ioredis: one connection for commands, one in subscriber mode. Both
 * reconnect by themselves (ioredis resubscribes every channel). Liveness is measured, not assumed:
 * every instance publishes a heartbeat on one shared channel every 500 ms and records whom it hears;
 * it is live only while its subscriber connection is ready and it heard its own heartbeat come back
 * within the fencing window, which proves both connections carry traffic now.
 */
export async function createRedisBus(options: RedisBusOptions): Promise<Bus> {
  const { prefix, instance, log } = options;
  const now = options.now ?? Date.now;
  const heartbeatMs = options.heartbeatMs ?? 500;
  const fenceMs = options.fenceMs ?? BUS_FENCE_MS;
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const common: RedisOptions = {
    lazyConnect: true,
    // Retry at once and then every second at most: a fenced instance wants the bus back quickly.
    retryStrategy: (times) => Math.min(times * 100, 1_000),
    // A command while disconnected fails at once rather than queueing behind an outage.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: connectTimeoutMs,
  };
  const commands = new Redis(options.url, { ...common, connectionName: `hearth-bus-${instance}` });
  // The subscriber queues its (re)subscriptions until connected, so it keeps an offline queue.
  const subscriber = new Redis(options.url, { ...common, enableOfflineQueue: true, connectionName: `hearth-sub-${instance}` });
  const key = (name: string): string => prefix + name;

  const handlers = new Map<string, Set<BusHandler>>();
  const heard = new Map<string, number>();
  const liveListeners: ((live: boolean) => void)[] = [];
  let live = false;
  let closed = false;
  let lastErrorLogged = 0;
  let fenceTimer: NodeJS.Timeout | undefined;

  const logError = (err: unknown, msg: string): void => {
    // An outage produces an error per retry: one line a few seconds is enough.
    if (now() - lastErrorLogged < 5_000) return;
    lastErrorLogged = now();
    log.warn({ err }, msg);
  };
  commands.on('error', (err) => logError(err, 'the Redis bus command connection failed'));
  subscriber.on('error', (err) => logError(err, 'the Redis bus subscriber connection failed'));

  subscriber.on('message', (channel: string, payload: string) => {
    if (channel === key(HEARTBEAT_CHANNEL)) {
      heard.set(payload, now());
      if (payload === instance) {
        // Fenced the moment the window passes without another one, not at the next beat.
        clearTimeout(fenceTimer);
        fenceTimer = setTimeout(evaluate, fenceMs + 1);
        fenceTimer.unref();
        evaluate();
      }
      return;
    }
    for (const handler of [...(handlers.get(channel.slice(prefix.length)) ?? [])]) {
      try {
        handler(payload);
      } catch (err) {
        log.error({ err, channel: channel.slice(prefix.length) }, 'a bus handler failed');
      }
    }
  });

  function isLive(): boolean {
    if (closed || subscriber.status !== 'ready') return false;
    const last = heard.get(instance);
    return last !== undefined && now() - last < fenceMs;
  }

  function evaluate(): void {
    const next = isLive();
    if (next === live) return;
    live = next;
    if (live) log.info({ instance }, 'the Redis bus is live');
    else log.warn({ instance }, 'the Redis bus is not live: this instance distrusts its caches until it is back');
    for (const listener of liveListeners) {
      try {
        listener(live);
      } catch (err) {
        log.error({ err }, 'a bus liveness listener failed');
      }
    }
  }
  subscriber.on('close', () => {
    // Trust comes back only with a heartbeat heard on the new subscription, not one from before.
    heard.delete(instance);
    evaluate();
  });
  subscriber.on('end', evaluate);

  const beat = (): void => {
    if (commands.status === 'ready') {
      commands.publish(key(HEARTBEAT_CHANNEL), instance).catch((err: unknown) => logError(err, 'the bus heartbeat failed'));
    }
    evaluate();
  };

  try {
    await Promise.all([connectOnce(commands, connectTimeoutMs), connectOnce(subscriber, connectTimeoutMs)]);
    await subscriber.subscribe(key(HEARTBEAT_CHANNEL));
  } catch (err) {
    commands.disconnect();
    subscriber.disconnect();
    throw new Error(
      `The bus at ${redactedUrl(options.url)} does not answer: ${(err as Error).message}. Start Redis or fix --bus.`,
      {
        cause: err,
      },
    );
  }
  const timer = setInterval(beat, heartbeatMs);
  timer.unref();
  beat();

  return Object.freeze({
    kind: 'redis' as const,
    instance,
    async publish(channel: string, payload: string) {
      await commands.publish(key(channel), payload);
    },
    async subscribe(channel: string, handler: BusHandler) {
      const set = handlers.get(channel) ?? new Set();
      const first = set.size === 0;
      set.add(handler);
      handlers.set(channel, set);
      if (first) await subscriber.subscribe(key(channel));
    },
    async unsubscribe(channel: string, handler: BusHandler) {
      const set = handlers.get(channel);
      if (!set?.delete(handler) || set.size > 0) return;
      handlers.delete(channel);
      // Queued while disconnected (ioredis would otherwise resubscribe it on reconnect).
      await subscriber.unsubscribe(key(channel));
    },
    async put(name: string, value: string, ttlMs: number) {
      await commands.set(key(name), value, 'PX', ttlMs);
    },
    async putIfAbsent(name: string, value: string, ttlMs: number) {
      return (await commands.set(key(name), value, 'PX', ttlMs, 'NX')) === 'OK';
    },
    async get(name: string) {
      return (await commands.get(key(name))) ?? undefined;
    },
    async getMany(names: readonly string[]) {
      if (names.length === 0) return [];
      return (await commands.mget(names.map(key))).map((v) => v ?? undefined);
    },
    async remove(name: string, ifValue?: string) {
      if (ifValue === undefined) await commands.del(key(name));
      else await commands.eval(REMOVE_IF, 1, key(name), ifValue);
    },
    isLive,
    onLiveChange(listener: (live: boolean) => void) {
      liveListeners.push(listener);
    },
    instances() {
      const since = now() - fenceMs;
      const names = [...heard].filter(([name, at]) => at > since && (name !== instance || isLive())).map(([name]) => name);
      return names.sort();
    },
    async close() {
      if (closed) return;
      clearInterval(timer);
      clearTimeout(fenceTimer);
      closed = true;
      handlers.clear();
      evaluate();
      // A polite QUIT, unless the connection is stuck: then it is dropped.
      await Promise.allSettled([commands, subscriber].map((c) => within(c.quit(), 1_000).catch(() => c.disconnect())));
    },
  });
}

/** `promise`, or a rejection after `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Connects, failing after `timeoutMs` instead of retrying forever (the first connection only). */
async function connectOnce(client: Redis, timeoutMs: number): Promise<void> {
  await within(client.connect(), timeoutMs);
}

/** The URL without its password, for messages. */
function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the --bus URL';
  }
}
