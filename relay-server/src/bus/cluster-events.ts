import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { BUS_FENCE_MS, type Bus } from './port';

/** The slice of pino the bridge logs through. */
type EventsLogger = Readonly<{ error(obj: object, msg: string): void; warn(obj: object, msg: string): void }>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EventMap = Record<string, any[]>;

const EVENTS_CHANNEL = 'events';
const MAX_UNSENT = 10_000;
const ackChannel = (instance: string): string => `events:ack:${instance}`;

type Wire = Readonly<{ o: string; n: string; a: unknown[]; id?: string; from?: string }>;

/** What the bus adds to an event emitter: see {@link createClusterEvents}. */
export type ClusterEventsExtras<T extends EventMap> = Readonly<{
  /** True while listeners run for an event another instance emitted: the writes that go with it were made there. */
  readonly fromElsewhere: boolean;
  /**
   * Emits cluster-wide and resolves once every other live instance confirmed it ran its listeners,
   * or once the fencing window passed for those that did not. Call it after the change committed.
   */
  announce<K extends keyof T & string>(eventName: K, ...args: T[K]): Promise<void>;
  /** Starts carrying events to and from the other instances on this bus (nothing to do in-process). */
  connect(bus: Bus, log: EventsLogger): Promise<void>;
  /** Stops carrying events (the relay is closing); answers every `announce` still waiting. */
  disconnect(): Promise<void>;
}>;

export type ClusterEvents<T extends EventMap> = EventEmitter<T> & ClusterEventsExtras<T>;

/**
 * The relay's events (`ctx.events`), cluster-wide (issue 13). Services keep calling `emit`: the
 * listeners of this instance run at once, synchronously, as they always did (inside the caller's
 * transaction where it emits inside one), and once connected to a Redis bus the event is
 * published too, so every other instance runs its listeners when it arrives, with `fromElsewhere`
 * true. On the in-process bus nothing is published: one relay behaves exactly as before.
 *
 * `announce` also waits until every instance the bus heard lately confirmed it ran its listeners
 * (their caches took the change), or until the fencing window passed for those that did not: an
 * instance that could not hear the change within it stopped trusting its caches by then
 * (`Bus.isLive`).
 */
export function createClusterEvents<T extends EventMap>(): ClusterEvents<T> {
  const emitter = new EventEmitter<T>();
  const emitHere = emitter.emit.bind(emitter);
  const localEmit = (name: string, args: unknown[]): boolean => emitHere(name as never, ...(args as never));
  let bus: Bus | undefined;
  let log: EventsLogger | undefined;
  let remote = false;
  /** This process's id on the channel: its own events come back and are skipped. */
  const origin = randomUUID();
  const waiting = new Map<string, Readonly<{ pending: Set<string>; done: () => void }>>();
  /** Events this instance could not publish (the bus was down): sent once it is back. */
  const unsent: string[] = [];

  function send(channel: string, payload: string): void {
    if (!bus) return;
    bus.publish(channel, payload).catch((err: unknown) => {
      // Kept for when the bus is back; until then the instances that miss it distrust their caches.
      // Bounded: past it, the instances that missed events rely on their periodic cache refresh.
      if (channel === EVENTS_CHANNEL && unsent.length < MAX_UNSENT) unsent.push(payload);
      log?.warn({ err }, 'publishing an event on the bus failed; it goes out when the bus is back');
    });
  }

  const onEvent = (payload: string): void => {
    const wire = JSON.parse(payload) as Wire;
    if (wire.o === origin) return;
    remote = true;
    try {
      localEmit(wire.n, wire.a);
    } catch (err) {
      log?.error({ err, event: wire.n }, 'a listener of an event from another instance failed');
    } finally {
      remote = false;
    }
    if (wire.id !== undefined && wire.from !== undefined && bus) {
      send(ackChannel(wire.from), JSON.stringify({ id: wire.id, instance: bus.instance }));
    }
  };

  const onAck = (payload: string): void => {
    const { id, instance } = JSON.parse(payload) as { id: string; instance: string };
    const wait = waiting.get(id);
    if (!wait) return;
    wait.pending.delete(instance);
    if (wait.pending.size === 0) wait.done();
  };

  const onLive = (live: boolean): void => {
    if (live) for (const payload of unsent.splice(0)) send(EVENTS_CHANNEL, payload);
  };

  // Every emit, wherever in the relay, also goes to the other instances.
  emitter.emit = ((name: string, ...args: unknown[]): boolean => {
    const handled = localEmit(name, args);
    if (bus) send(EVENTS_CHANNEL, JSON.stringify({ o: origin, n: name, a: args } satisfies Wire));
    return handled;
  }) as EventEmitter<T>['emit'];

  const extras: ClusterEventsExtras<T> = {
    get fromElsewhere() {
      return remote;
    },
    async announce(name, ...args) {
      localEmit(name, args);
      const b = bus;
      if (!b) return;
      const pending = new Set(b.instances().filter((other) => other !== b.instance));
      const id = randomUUID();
      const payload = JSON.stringify({ o: origin, n: name, a: args, id, from: b.instance } satisfies Wire);
      if (pending.size === 0) return send(EVENTS_CHANNEL, payload);
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve();
        };
        const timer = setTimeout(done, BUS_FENCE_MS);
        waiting.set(id, { pending, done });
        send(EVENTS_CHANNEL, payload);
      });
    },
    async connect(b, l) {
      log = l;
      if (b.kind === 'in-process') return;
      bus = b;
      b.onLiveChange(onLive);
      await b.subscribe(EVENTS_CHANNEL, onEvent);
      await b.subscribe(ackChannel(b.instance), onAck);
    },
    async disconnect() {
      const b = bus;
      bus = undefined;
      for (const wait of [...waiting.values()]) wait.done();
      if (!b) return;
      await b.unsubscribe(EVENTS_CHANNEL, onEvent);
      await b.unsubscribe(ackChannel(b.instance), onAck);
    },
  };
  return Object.defineProperties(emitter, Object.getOwnPropertyDescriptors(extras)) as ClusterEvents<T>;
}
