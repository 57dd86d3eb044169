import { createHmac, hash } from 'node:crypto';
import { canonicalJson } from '@hearth/common';
import { relayKey } from '../keys/relay-keys';
import type { Store } from '../store/port';

/**
 * Message franking (F11). For every message it accepts, the relay keeps a keyed hash over what the
 * recipient is given: HMAC-SHA256, with the relay's `franking` key, of the RFC 8785 canonical JSON
 * of `[id, from, to, sentAt, sha256hex(canonical content)]`, where `sentAt` is the relay's time
 * it puts in `RelayedMessage.sentAt`. A report's raw message then proves itself (`verify.ts`)
 * without the relay ever keeping the content.
 */
export type FrankedFields = Readonly<{ id: string; from: string; to: string; sentAt: number; contentSha256: string }>;

/** The SHA-256 (hex) of a message content's canonical JSON. Throws on a value JSON cannot hold. */
export function contentDigest(content: unknown): string {
  // The one-shot hash: no Hash object per message (the send path's hot spot).
  return hash('sha256', canonicalJson(content), 'hex');
}

/** The franking MAC of one message. */
export function frankMac(key: Buffer, m: FrankedFields): Buffer {
  // An array of strings and a finite number: RFC 8785 writes it as JSON.stringify does (frank.test.ts).
  if (!Number.isFinite(m.sentAt)) throw new Error('a franked message needs a finite sentAt');
  const text = JSON.stringify([m.id, m.from, m.to, m.sentAt, m.contentSha256]);
  return createHmac('sha256', key).update(text, 'utf8').digest();
}

/** The key, once read, per store: every instance reads the same one from its database. */
const keys = new WeakMap<Store, Buffer>();

/** The franking key of this store, from memory once it was read (or made) and committed. */
export async function frankingKey(store: Store, now?: number): Promise<Buffer> {
  const known = keys.get(store);
  if (known) return known;
  const key = await relayKey(store, 'franking', now);
  keys.set(store, key);
  return key;
}

/** The key from memory, or undefined before {@link frankingKey} read it for this store. */
export function frankingKeyNow(store: Store): Buffer | undefined {
  return keys.get(store);
}
