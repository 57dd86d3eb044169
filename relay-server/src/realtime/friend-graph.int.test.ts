import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCachedFamilyFacts } from '../family/reach';
import { getFriendship, updateFriendshipState, type FriendshipRow } from '../friendships/queries';
import { befriend, buildTestApp, createFamily, type TestFamily, type TestRelay } from '../../test/helpers';
import { createFriendGraph, type FriendGraph } from './friend-graph';
import { sqliteOf } from '../store/sqlite-store';

let relay: TestRelay;
let a: TestFamily;
let b: TestFamily;
let friendshipId: string;
let trusted = true;
let graph: FriendGraph;

beforeEach(async () => {
  relay = await buildTestApp();
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  friendshipId = await befriend(relay.app, a, b);
  trusted = true;
  const { store, config } = relay.app.relay;
  graph = createFriendGraph(
    store,
    createCachedFamilyFacts(store, config.policyVersion, () => trusted),
    () => trusted,
  );
});
afterEach(async () => relay.close());

/** The friendship with b's block set as given, written straight to the database (no event). */
function blockedByB(blocked: boolean): FriendshipRow {
  const row = getFriendship(sqliteOf(relay.app.relay), friendshipId) as FriendshipRow;
  const side = row.aId === b.child.childId ? 'a' : 'b';
  const state = { ...row.state, blockedBy: { ...row.state.blockedBy, [side]: blocked } };
  updateFriendshipState(sqliteOf(relay.app.relay), friendshipId, state, row.updatedAt);
  return { ...row, state };
}

describe('the friend graph', () => {
  it('answers from memory while trusted, and from the store, keeping nothing, while not', async () => {
    const [x, y] = [a.child.childId, b.child.childId];
    expect(await graph.sendVerdict(x, y)).toBe('deliver');
    expect(await graph.activeFriendsOf(x)).toEqual(new Set([y, a.parent.parentId]));
    blockedByB(true);
    // Trusted: the event would have told it; without one the cached answer stands.
    expect(await graph.sendVerdict(x, y)).toBe('deliver');
    trusted = false;
    expect(await graph.sendVerdict(x, y)).toBe('withhold');
    expect(await graph.activeFriendsOf(x)).toEqual(new Set([a.parent.parentId]));
    blockedByB(false);
    expect(await graph.sendVerdict(x, y)).toBe('deliver');
    blockedByB(true);
    expect(await graph.sendVerdict(x, y)).toBe('withhold');
  });

  it('applies a change at once, and a load the change overtook does not overwrite it', async () => {
    const [x, y] = [a.child.childId, b.child.childId];
    // The load starts before the change and finishes after it.
    const pending = graph.sendVerdict(x, y);
    const row = blockedByB(true);
    graph.apply(row);
    // It answers what it read…
    expect(await pending).toBe('deliver');
    // …but keeps nothing: the change stands.
    expect(await graph.sendVerdict(x, y)).toBe('withhold');
  });
});
