import argon2 from 'argon2';
import type { RelayConfig } from '../config';

export type PasswordHasher = Readonly<{
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Spends the same effort as a real verify, so an unknown email takes as long as a wrong password. */
  verifyDummy(password: string): Promise<void>;
}>;

const LOCKED = '!';

/**
 * A stored hash no password matches any more (nobody's: two people registered the same unverified
 * address with different passwords). Checking it takes as long as a real one. "Forgot password"
 * sets a new one.
 */
export const lockedPasswordHash = (hash: string): string => (hash.startsWith(LOCKED) ? hash : `${LOCKED}${hash}`);

/** argon2id with the configured cost; the encoded hash carries its own salt and parameters. */
export function createPasswordHasher(config: Pick<RelayConfig, 'passwordHash'>): PasswordHasher {
  const options = {
    type: argon2.argon2id,
    memoryCost: config.passwordHash.memoryCostKiB,
    timeCost: config.passwordHash.timeCost,
    parallelism: config.passwordHash.parallelism,
  } as const;
  // Made at once, so even the first unknown-email sign-in takes as long as a real one.
  const dummy = argon2.hash('not-a-real-password-hearth', options);
  dummy.catch(() => undefined);
  return {
    hash: (password) => argon2.hash(password, options),
    verify: async (hash, password) => {
      try {
        if (hash.startsWith(LOCKED)) return (await argon2.verify(hash.slice(LOCKED.length), password)) && false;
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    },
    verifyDummy: async (password) => {
      await argon2.verify(await dummy, password).catch(() => false);
    },
  };
}
