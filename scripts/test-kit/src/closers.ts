/**
 * For worlds (tests' and benchmarks') that start several processes, servers and browsers: each is
 * registered as it starts, and a world that fails part-way closes every one it started.
 */

export type Closers = Readonly<{
  /** Registers `close` for something just started; returns `thing`, for chaining. */
  add: <T>(thing: T, close: () => Promise<unknown> | unknown) => T;
  /** Closes everything registered, newest first; one failing close does not stop the others. */
  closeAll: () => Promise<void>;
}>;

export function createClosers(): Closers {
  const closers: (() => Promise<unknown> | unknown)[] = [];
  return {
    add: (thing, close) => {
      closers.push(close);
      return thing;
    },
    closeAll: async () => {
      for (const close of closers.splice(0).reverse()) {
        try {
          await close();
        } catch {
          // keep closing the rest
        }
      }
    },
  };
}

/**
 * Like `Promise.all`, but rejects only once every promise has settled, so nothing started in
 * parallel is still starting (and not yet registered) when the caller cleans up.
 */
export async function settleAll<T extends readonly unknown[] | []>(
  values: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results = await Promise.allSettled(values);
  for (const result of results) if (result.status === 'rejected') throw result.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}
