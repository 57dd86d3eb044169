import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuietSchedule, QuietView } from '@hearth/common';
import { api, befriend, buildTestApp, createFamily, expectStatus, type TestFamily, type TestRelay } from '../../test/helpers';
import { createQuietGate } from './gate';

/**
 * The quiet gate's memory of counted minutes (issue 14, issue 18's review): a read overtaken by
 * newly recorded minutes of the same child is answered but not kept; another child's new minutes
 * do not throw it away. Over the relay's real store, with a read held open by the test.
 */
const none = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const limited: QuietSchedule = { quiet: none, dailyLimitMinutes: 30, trustedGrownUpsReach: false };

let relay: TestRelay;
let a: TestFamily;
let b: TestFamily;

beforeEach(async () => {
  relay = await buildTestApp();
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  await befriend(relay.app, a, b);
  for (const f of [a, b]) {
    expectStatus(
      await api<QuietView>(relay.app, 'PUT', `/v1/children/${f.child.childId}/quiet`, { token: f.parent.token, body: limited }),
      200,
    );
  }
});

afterEach(async () => {
  await relay.close();
});

/** A gate over the relay's store whose read of a child's extra minutes runs `meanwhile` before it answers. */
function gateWithReadHook(meanwhile: (gate: ReturnType<typeof createQuietGate>) => void) {
  const ctx = relay.app.relay;
  const quiet = ctx.store.quiet;
  const gate = createQuietGate({
    ...ctx,
    store: {
      ...ctx.store,
      quiet: {
        ...quiet,
        getExtraMinutes: async (...args: Parameters<typeof quiet.getExtraMinutes>) => {
          const extra = await quiet.getExtraMinutes(...args);
          meanwhile(gate);
          return extra;
        },
      },
    },
  });
  return gate;
}

describe('the quiet gate’s counted minutes', () => {
  it('does not keep a read that the same child’s newly recorded minutes overtook', async () => {
    const gate = gateWithReadHook((g) => g.invalidateUsage(a.child.childId));
    await gate.status(a.child.childId);
    expect(gate.keepsNow(a.child.childId, b.child.childId)).toBeUndefined();
  });

  it('keeps a read that only another child’s newly recorded minutes overtook', async () => {
    const gate = gateWithReadHook((g) => g.invalidateUsage(b.child.childId));
    await gate.status(a.child.childId);
    expect(gate.keepsNow(a.child.childId, b.child.childId)).toBe(false);
  });
});
