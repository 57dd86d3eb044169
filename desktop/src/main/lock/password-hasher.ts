import argon2 from 'argon2';

/** Hashes and checks the grown-ups' password. Never keeps or logs the password itself. */
export type PasswordHasher = Readonly<{
  hash: (password: string) => Promise<string>;
  verify: (hash: string, password: string) => Promise<boolean>;
}>;

/** argon2id cost. Defaults follow OWASP (19 MiB, 2 passes, 1 lane); tests pass a cheap one. */
export type HashCost = Readonly<{ memoryCostKiB: number; timeCost: number; parallelism: number }>;

export const DEFAULT_HASH_COST: HashCost = Object.freeze({ memoryCostKiB: 19456, timeCost: 2, parallelism: 1 });

/** argon2id, PHC strings (the salt and the cost travel inside the hash). */
export function createPasswordHasher(cost: HashCost = DEFAULT_HASH_COST): PasswordHasher {
  return Object.freeze({
    hash: (password: string) =>
      argon2.hash(password, {
        type: argon2.argon2id,
        memoryCost: cost.memoryCostKiB,
        timeCost: cost.timeCost,
        parallelism: cost.parallelism,
      }),
    verify: async (hash: string, password: string) => {
      try {
        return await argon2.verify(hash, password);
      } catch {
        // A damaged hash never unlocks.
        return false;
      }
    },
  });
}
