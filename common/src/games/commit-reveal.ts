import { sha256Hex } from './sha256';

/**
 * Commit–reveal for a fair shared seed: each app picks a random value (32 bytes, hex), sends
 * `commit(value)`, and reveals the value only once both commits are in. Neither app can steer the
 * seed, since it comes from both values and each was fixed before the other was seen.
 */
export const REVEAL_PATTERN = /^[0-9a-f]{64}$/;

export function commit(value: string): string {
  return sha256Hex(`hearth-commit:${value}`);
}

/** Whether `value` is a well-formed reveal of `commitment`. */
export function checkReveal(commitment: string, value: string): boolean {
  return REVEAL_PATTERN.test(value) && commit(value) === commitment;
}

/** The match's seed from both reveals, in player order (the first player's reveal first). */
export function seedFrom(revealA: string, revealB: string): string {
  return sha256Hex(`hearth-seed:${revealA}:${revealB}`);
}
