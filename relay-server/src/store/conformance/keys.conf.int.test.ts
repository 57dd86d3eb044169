import { expect, it } from 'vitest';
import { relayKey } from '../../keys/relay-keys';
import { describeStores } from './harness';

/** The relay's own keys (issue 15): made once, the same on every read, one per name. */
describeStores('keys port', (t) => {
  it('makes a 32-byte key on first use and returns the same one after', async () => {
    const first = await relayKey(t.store(), 'franking', 1_000);
    expect(first).toHaveLength(32);
    expect((await relayKey(t.store(), 'franking', 2_000)).equals(first)).toBe(true);
    const other = await relayKey(t.store(), 'email-ban', 1_000);
    expect(other.equals(first)).toBe(false);
  });

  it('keeps the first key when two writers race', async () => {
    await t.store().keys.insertRelayKeyIfAbsent('franking', Buffer.alloc(32, 1), 1);
    await t.store().keys.insertRelayKeyIfAbsent('franking', Buffer.alloc(32, 2), 2);
    expect(Buffer.from((await t.store().keys.getRelayKey('franking'))!).equals(Buffer.alloc(32, 1))).toBe(true);
  });
});
