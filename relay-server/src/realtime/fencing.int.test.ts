/**
 * Fencing (issue 13): an instance trusts its friend caches only while its bus is live. A change
 * written without an event (what a missed event looks like) shows the difference.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessBus } from '../bus/in-process';
import type { Bus } from '../bus/port';
import { getFriendship, updateFriendshipState } from '../friendships/queries';
import { befriend, buildTestApp, createFamily, type TestRelay } from '../../test/helpers';
import { listenForWs, messageWith, sendAndAck, settle, socketPool } from '../../test/ws-client';
import { sqliteOf } from '../store/sqlite-store';

/** A real bus whose liveness the test sets, as a lost and regained subscription looks. */
function withLiveness(bus: Bus): Bus & { setLive(live: boolean): void } {
  let live = true;
  const listeners: ((live: boolean) => void)[] = [];
  return {
    ...bus,
    isLive: () => live,
    onLiveChange: (listener) => void listeners.push(listener),
    setLive(next) {
      live = next;
      for (const listener of listeners) listener(next);
    },
  };
}

const sockets = socketPool();
let relay: TestRelay | undefined;
afterEach(async () => {
  await sockets.closeAll();
  await relay?.close();
});

describe('a relay whose bus is not live', () => {
  it('checks every message against the database until the bus is back, then reloads what it caches', async () => {
    const bus = withLiveness(createInProcessBus('one'));
    relay = await buildTestApp({ bus });
    const { app } = relay;
    const url = await listenForWs(app);
    const a = await createFamily(app);
    const b = await createFamily(app);
    const friendshipId = await befriend(app, a, b);
    const aSocket = await sockets.open(url, a.childToken);
    const bSocket = await sockets.open(url, b.childToken);
    await bSocket.take(messageWith(await sendAndAck(aSocket, b.child.childId)));

    // Friendship changes written without an event: as if this instance missed the bus message.
    const setBlocked = (blocked: boolean): void => {
      const row = getFriendship(sqliteOf(app.relay), friendshipId);
      if (!row) throw new Error('no friendship');
      const side = row.aId === b.child.childId ? 'a' : 'b';
      updateFriendshipState(
        sqliteOf(app.relay),
        friendshipId,
        { ...row.state, blockedBy: { ...row.state.blockedBy, [side]: blocked } },
        row.updatedAt,
      );
    };
    const reachesB = async (): Promise<boolean> => {
      const id = await sendAndAck(aSocket, b.child.childId);
      await settle(200);
      return bSocket.frames.some((f) => f.type === 'message' && f.message.id === id);
    };

    // Live: the cache is trusted (it would have heard the event), so a silent change goes unseen.
    setBlocked(true);
    expect(await reachesB()).toBe(true);

    // Not live: every message is checked against the database, each change seen at once.
    bus.setLive(false);
    expect(await reachesB()).toBe(false);
    setBlocked(false);
    expect(await reachesB()).toBe(true);
    setBlocked(true);
    expect(await reachesB()).toBe(false);

    // Back: what was cached was dropped and reloads from the database before it is trusted.
    setBlocked(false);
    bus.setLive(true);
    expect(await reachesB()).toBe(true);
  });
});
