import { createHmac } from 'node:crypto';
import { ErrorCode, HearthError } from '@hearth/common';
import type { Store } from '../store/port';
import { relayKey } from '../keys/relay-keys';

/** An email as bans compare it: trimmed and lower-cased (as sign-in and registration compare them). */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** The only form in which a banned email is kept: HMAC-SHA-256 under the relay's `email-ban` key. */
export async function emailBanHash(store: Store, email: string): Promise<Buffer> {
  return createHmac('sha256', await relayKey(store, 'email-ban'))
    .update(normalizeEmail(email), 'utf8')
    .digest();
}

/** Refuses a registration (or any new use) of a banned email with EMAIL_BANNED. */
export async function refuseBannedEmail(store: Store, email: string): Promise<void> {
  if (await store.moderation.isEmailBanned(await emailBanHash(store, email))) {
    throw new HearthError(ErrorCode.EmailBanned, 'This email cannot be used on this relay.');
  }
}
