/**
 * The relay as its own process for `npm run bench:cluster`: server.ts's flags (`--database`,
 * `--bus`, …), the same app, with the per-account and per-socket limits raised as the in-process
 * benches raise them (the limiters still run on every frame; they just never refuse). With
 * `HEARTH_BENCH_SEED=N` and `HEARTH_BENCH_SEED_OUT=FILE`, it first writes N pairs of friends
 * (each kid with its own device credential) through the store, and their tokens to FILE.
 */
import fs from 'node:fs';
import { newFamilyLink } from '@hearth/common';
import { runRelayProcess } from '@hearth/test-kit/relay-entry';
import { hashToken, newToken } from '../src/auth/tokens';
import type { RelayContext } from '../src/context';
import type { Store } from '../src/store/port';

const BENCH_RATE = 10_000_000;
const BENCH_FRAMES_PER_SECOND = 100_000;

/** One seeded pair of friends: each kid's id and device credential. */
export type SeededPair = Readonly<{ aId: string; aToken: string; bId: string; bToken: string }>;

async function seed(ctx: RelayContext, pairs: number): Promise<SeededPair[]> {
  const now = ctx.now();
  return ctx.store.transaction(async (tx: Store) => {
    const parentId = ctx.newId();
    await tx.accounts.insertParent({
      id: parentId,
      email: `bench-${parentId}@example.test`,
      displayName: 'Bench',
      passwordHash: 'x',
      createdAt: now,
    });
    const deviceId = ctx.newId();
    await tx.devices.insertDevice({ id: deviceId, parentId, name: 'bench', infoJson: '{}', enrolledAt: now });
    const kid = async (i: number): Promise<{ id: string; token: string }> => {
      const id = ctx.newId();
      const child = { id, parentId, displayName: `Kid ${i}`, username: `bench${i}x${parentId.slice(-6).toLowerCase()}` };
      await tx.accounts.insertChild({ ...child, birthday: null, gender: null, avatar: null, createdAt: now });
      // As POST /v1/children does: a guardian whose consent to the current policy stands (issue 12's gates).
      const consent = {
        consentId: ctx.newId(),
        parentId,
        childId: id,
        policyVersion: ctx.config.policyVersion,
        method: 'checkbox',
      };
      await tx.accounts.insertConsent({ ...consent, givenAt: now });
      await tx.family.insertGuardian(id, parentId, now, null);
      const token = newToken('dc');
      await tx.devices.insertDeviceCredential({ tokenHash: hashToken(token), deviceId, childId: id, createdAt: now });
      return { id, token };
    };
    const out: SeededPair[] = [];
    for (let i = 0; i < pairs; i++) {
      const a = await kid(2 * i);
      const b = await kid(2 * i + 1);
      // An always-active link stands in for a friendship both families approved.
      const state = { ...newFamilyLink(), kind: 'friend' as const };
      await tx.friendships.insertFriendship({ id: ctx.newId(), aId: a.id, bId: b.id, state, createdAt: now, updatedAt: now });
      out.push({ aId: a.id, aToken: a.token, bId: b.id, bToken: b.token });
    }
    return out;
  });
}

void runRelayProcess(
  (loaded) => ({
    ...loaded,
    messaging: { ...loaded.messaging, messagesPerMinute: BENCH_RATE, messageBurst: BENCH_RATE },
    signaling: { ...loaded.signaling, framesPerSecond: BENCH_FRAMES_PER_SECOND, frameBurst: BENCH_FRAMES_PER_SECOND },
    rateLimits: { ...loaded.rateLimits, defaultPerMinute: BENCH_RATE },
  }),
  async (app) => {
    const pairs = Number(process.env.HEARTH_BENCH_SEED ?? 0);
    const out = process.env.HEARTH_BENCH_SEED_OUT;
    if (pairs > 0 && out) fs.writeFileSync(out, JSON.stringify(await seed(app.relay, pairs)));
  },
);
