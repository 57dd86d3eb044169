import { randomBytes } from 'node:crypto';
import type { Store } from '../store/port';
import type { RelayKeyName } from './queries';

export type { RelayKeyName };

/**
 * The relay's secret key of this name (32 random bytes): the franking HMAC's key (F11) and the
 * email bans' keyed hash (F16). Made on first use and kept in the relay's database, so every
 * instance, the `relay:admin` CLI and a restarted relay use the same one. Never sent anywhere.
 */
export async function relayKey(store: Store, name: RelayKeyName, now: number = Date.now()): Promise<Buffer> {
  const existing = await store.keys.getRelayKey(name);
  if (existing) return Buffer.from(existing);
  await store.keys.insertRelayKeyIfAbsent(name, randomBytes(32), now);
  const made = await store.keys.getRelayKey(name);
  if (!made) throw new Error(`relay key ${name} could not be stored`);
  return Buffer.from(made);
}
