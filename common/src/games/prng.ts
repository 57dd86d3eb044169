import { sha256Hex } from './sha256';

/**
 * A small seeded generator (sfc32, seeded from the SHA-256 of the seed text): the rules' only source
 * of chance, so both apps draw the same numbers from the same seed.
 */
export type Prng = { next(): number; below(n: number): number };

export function prngFrom(seed: string): Prng {
  const hex = sha256Hex(`hearth-prng:${seed}`);
  let a = parseInt(hex.slice(0, 8), 16) >>> 0;
  let b = parseInt(hex.slice(8, 16), 16) >>> 0;
  let c = parseInt(hex.slice(16, 24), 16) >>> 0;
  let d = parseInt(hex.slice(24, 32), 16) >>> 0;
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    /** An integer in [0, n), without modulo bias. */
    below(n: number): number {
      const limit = Math.floor(0x100000000 / n) * n;
      for (;;) {
        const x = next();
        if (x < limit) return x % n;
      }
    },
  };
}

/** Fisher–Yates shuffle of a copy of `items`, driven by the seed. */
export function shuffled<T>(items: readonly T[], seed: string): T[] {
  const out = items.slice();
  const rng = prngFrom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
