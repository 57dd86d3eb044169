/**
 * Tests and benchmarks only: what an impaired link does to one direction of packets, as a pure,
 * seeded decision per packet (so the statistics are testable and every run is the same). Loss,
 * a delay with jitter (uniform in `delayMs ± jitterMs`), reordering (a packet now and then held
 * back a little longer than the ones after it), a rate cap (a token bucket with a queue that drops
 * at its tail past `queueMs`) and an outage (everything dropped).
 */

export type Impairment = Readonly<{
  /** Probability (0…1) that a packet is lost. */
  loss: number;
  /** One-way delay, ms. */
  delayMs: number;
  /** The delay varies uniformly within ± this, ms. */
  jitterMs: number;
  /** Probability (0…1) that a packet is held back `reorderMs` more, so later ones overtake it. */
  reorder: number;
  reorderMs: number;
  /** Rate cap, bits per second (0: none). */
  rateBps: number;
  /** How much the rate cap queues before it drops, ms of sending at `rateBps`. */
  queueMs: number;
  /** Everything dropped (the link is down). */
  down: boolean;
}>;

export const CLEAN: Impairment = Object.freeze({
  loss: 0,
  delayMs: 0,
  jitterMs: 0,
  reorder: 0,
  reorderMs: 0,
  rateBps: 0,
  queueMs: 200,
  down: false,
});

/** The profile "home Wi-Fi" of issue 18: 3 % loss, 80 ± 20 ms, 1 Mbit/s, per direction. */
export const HOME_WIFI: Impairment = Object.freeze({
  ...CLEAN,
  loss: 0.03,
  delayMs: 80,
  jitterMs: 20,
  reorder: 0.01,
  reorderMs: 30,
  rateBps: 1_000_000,
});

export const impairment = (over: Partial<Impairment> = {}): Impairment => ({ ...CLEAN, ...over });

/** A small seeded PRNG (mulberry32): the same seed gives the same packets their same fate. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** What becomes of one packet: dropped, or delivered `delayMs` after it arrived. */
export type Fate = Readonly<{ drop: true; why: 'down' | 'loss' | 'queue' }> | Readonly<{ drop: false; delayMs: number }>;

export type Link = Readonly<{
  /** The fate of a packet of `bytes` arriving at `now` (ms). */
  decide: (bytes: number, now: number) => Fate;
  set: (next: Impairment) => void;
  current: () => Impairment;
}>;

/** One direction of a link. The rate cap serialises packets: each leaves after the ones queued before it. */
export function createLink(initial: Impairment, random: () => number): Link {
  let imp = initial;
  /** When the rate cap's queue is empty again (ms). */
  let busyUntil = 0;
  return Object.freeze({
    set: (next: Impairment) => {
      imp = next;
    },
    current: () => imp,
    decide(bytes: number, now: number): Fate {
      if (imp.down) return { drop: true, why: 'down' };
      // Draw every number every time, so one setting does not shift the others' sequence.
      const [lossDraw, jitterDraw, reorderDraw] = [random(), random(), random()];
      let queued = 0;
      if (imp.rateBps > 0) {
        const start = Math.max(now, busyUntil);
        if (start - now > imp.queueMs) return { drop: true, why: 'queue' };
        busyUntil = start + ((bytes * 8) / imp.rateBps) * 1000;
        queued = busyUntil - now;
      }
      if (lossDraw < imp.loss) return { drop: true, why: 'loss' };
      const jitter = (jitterDraw * 2 - 1) * imp.jitterMs;
      const extra = reorderDraw < imp.reorder ? imp.reorderMs : 0;
      return { drop: false, delayMs: Math.max(0, queued + imp.delayMs + jitter + extra) };
    },
  });
}
