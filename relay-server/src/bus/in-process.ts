import type { Bus, BusHandler } from './port';

/**
 * The bus of a single relay: channels are local handler lists (run synchronously, in order) and
 * keys a map with expiry times, read lazily. Nothing leaves the process.
 */
export function createInProcessBus(instance: string, now: () => number = Date.now): Bus {
  const channels = new Map<string, Set<BusHandler>>();
  const keys = new Map<string, { value: string; expiresAt: number }>();
  const read = (key: string): string | undefined => {
    const entry = keys.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      keys.delete(key);
      return undefined;
    }
    return entry.value;
  };
  return Object.freeze({
    kind: 'in-process' as const,
    instance,
    async publish(channel: string, payload: string) {
      for (const handler of [...(channels.get(channel) ?? [])]) handler(payload);
    },
    async subscribe(channel: string, handler: BusHandler) {
      const set = channels.get(channel) ?? new Set();
      set.add(handler);
      channels.set(channel, set);
    },
    async unsubscribe(channel: string, handler: BusHandler) {
      const set = channels.get(channel);
      set?.delete(handler);
      if (set?.size === 0) channels.delete(channel);
    },
    async put(key: string, value: string, ttlMs: number) {
      keys.set(key, { value, expiresAt: now() + ttlMs });
    },
    async putIfAbsent(key: string, value: string, ttlMs: number) {
      if (read(key) !== undefined) return false;
      keys.set(key, { value, expiresAt: now() + ttlMs });
      return true;
    },
    get: async (key: string) => read(key),
    peek: read,
    getMany: async (list: readonly string[]) => list.map(read),
    async remove(key: string, ifValue?: string) {
      if (ifValue === undefined || read(key) === ifValue) keys.delete(key);
    },
    isLive: () => true,
    onLiveChange: () => undefined,
    instances: () => [instance],
    async close() {
      channels.clear();
      keys.clear();
    },
  });
}
