import { ErrorCode, HearthError } from '@hearth/common';
import { expect, it } from 'vitest';
import { createPasswordHasher } from '../../accounts/passwords';
import { registerParent } from '../../accounts/service';
import { DEFAULT_CONFIG } from '../../config';
import { createEvents, createIdFactory } from '../../context';
import { registerWithEmail } from '../../email/service';
import { NO_MAIL } from '../../mail/mailer';
import type { Store } from '../port';
import { describeStores } from './harness';

/**
 * Two registrations of one address at once. On SQLite transactions queue, so the second sees the
 * first; on PostgreSQL both may pass the check and the unique index refuses the later insert. The
 * services must answer the same on both: EMAIL_TAKEN without email, one pending account with email.
 */
describeStores('registrations racing for one address', (t) => {
  const config = { ...DEFAULT_CONFIG, passwordHash: { memoryCostKiB: 1024, timeCost: 1, parallelism: 1 } };
  const ctx = (store: Store) => ({
    store,
    config,
    now: Date.now,
    newId: createIdFactory(Date.now),
    hasher: createPasswordHasher(config),
    mailer: NO_MAIL,
    events: createEvents(),
  });
  const body = (email: string, password: string) => ({ email, password, displayName: 'Sam' });

  it('without email: one account and a session, the other EMAIL_TAKEN', async () => {
    const c = ctx(t.store());
    const results = await Promise.allSettled([
      registerParent(c, body('sam@example.org', 'first password')),
      registerParent(c, body('SAM@example.org', 'second password')),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toBeInstanceOf(HearthError);
    expect((rejected[0]?.reason as HearthError).code).toBe(ErrorCode.EmailTaken);
  });

  it('with email: both answered "check your email", one account whose password is nobody’s', async () => {
    const c = ctx(t.store());
    const addresses = ['sam@example.org', 'alex@example.org', 'kim@example.org', 'lou@example.org'];
    const results = await Promise.all(
      addresses.flatMap((email) => [
        registerWithEmail(c, body(email, 'first password')),
        registerWithEmail(c, body(email.toUpperCase(), 'second password')),
      ]),
    );
    expect(results).toEqual(addresses.flatMap(() => [{ status: 'check-email' }, { status: 'check-email' }]));
    for (const email of addresses) {
      const parent = await t.store().accounts.getParentByEmail(email);
      expect(parent?.emailVerifiedAt).toBeNull();
      // Two different passwords for one unverified address: neither may sign in (accounts/passwords.ts).
      expect(parent?.passwordHash.startsWith('!')).toBe(true);
    }
    // The codes are written after answering: let them land (two sends and a live code an address) before the store empties.
    for (const email of addresses) {
      for (let i = 0; i < 100; i++) {
        const sends = await t.store().email.countSends(email, 0);
        if (sends >= 2 && (await t.store().email.getLiveCode(email, 'verify', Date.now(), 5))) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  });
});
