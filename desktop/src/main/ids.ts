import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

/** Makes ULIDs (time-sortable, monotonic within a millisecond) for a given time. */
export type UlidFactory = (time: number) => string;

/**
 * A ULID factory drawing its randomness from a pooled crypto source: the library's default
 * asks the OS for one byte per character, which dominates the cost of storing a message.
 */
export function createUlidFactory(): UlidFactory {
  const pool = new Uint8Array(4096);
  let next = pool.length;
  const prng = (): number => {
    if (next >= pool.length) {
      randomFillSync(pool);
      next = 0;
    }
    return (pool[next++] as number) / 256;
  };
  return monotonicFactory(prng);
}
