import {
  ErrorCode,
  HearthError,
  type Friend,
  type FriendshipAction,
  type FriendshipHistoryEntry,
  type FriendshipView,
  type Invite,
} from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { requireProfile } from '../db/family/queries/profiles';
import { listContacts, upsertContact } from '../db/child/queries/contacts';
import { countUnread, lastMessageAt } from '../db/child/queries/messages';
import { logActivity } from '../db/child/queries/activity';
import { reportedNotYetAccepted } from '../db/child/queries/reports';
import type { RelayHttp } from '../relay/relay-http';
import type { ChildStores } from '../stores/child-stores';
import type { EventHub } from './event-hub';
import type { SyncControl } from './ports';

export type FriendsService = Readonly<{
  list: (childId: string) => Promise<{ friends: Friend[] }>;
  createInvite: (childId: string) => Promise<Invite>;
  redeemInvite: (childId: string, code: string) => Promise<FriendshipView>;
  act: (childId: string, friendshipId: string, action: FriendshipAction, reason?: string) => Promise<FriendshipView>;
}>;

/** The active child's friends, made and changed with the child's own device credential. */
export function createFriendsService(
  deps: Readonly<{
    relay: RelayHttp;
    familyDb: WritableDB;
    stores: ChildStores;
    sync: SyncControl;
    events: EventHub;
    now: () => number;
    /** Where a block is recorded for the activity view (F10), with the child's reason. */
    history?: (childId: string, entry: Omit<FriendshipHistoryEntry, 'at'>) => void;
  }>,
): FriendsService {
  /** The child's device credential; a parent in parent mode makes no friends (their session could do more). */
  const tokenOf = (childId: string): string => {
    const p = requireProfile(deps.familyDb, childId);
    if (p.kind !== 'child') throw new HearthError(ErrorCode.Forbidden, "Friends are made from a child's profile.");
    return p.deviceToken;
  };
  const remember = (childId: string, f: FriendshipView): FriendshipView => {
    const { db } = deps.stores.get(childId);
    upsertContact(db, f, deps.now());
    logActivity(db, { at: deps.now(), kind: 'friend', contactId: f.friend.accountId });
    deps.events.emitForChild(childId, 'friendsChanged', {});
    return f;
  };

  return Object.freeze({
    async list(childId: string): Promise<{ friends: Friend[] }> {
      try {
        await deps.sync.refreshContacts(childId);
      } catch (err) {
        // Offline: the last list the relay gave is shown.
        if (!(err instanceof HearthError && err.code === ErrorCode.Unavailable)) throw err;
      }
      const { db } = deps.stores.get(childId);
      // A friend the child reported is hidden at once, even offline, until the relay's block takes over (F11).
      const reported = reportedNotYetAccepted(db);
      const friends = listContacts(db)
        .filter((c) => !reported.has(c.accountId))
        .map((c) => ({
          friendship: c.friendship,
          presence: c.friendship.status === 'active' ? deps.sync.presenceOf(childId, c.accountId) : ('offline' as const),
          unread: countUnread(db, c.accountId, c.lastReadId),
          lastMessageAt: lastMessageAt(db, c.accountId),
          ...(c.goneAt !== null ? { gone: true } : {}),
        }));
      return { friends };
    },
    createInvite: (childId: string) => deps.relay.createInvite(tokenOf(childId)),
    redeemInvite: async (childId: string, code: string) =>
      remember(childId, await deps.relay.redeemInvite(tokenOf(childId), code)),
    async act(childId: string, friendshipId: string, action: FriendshipAction, reason?: string): Promise<FriendshipView> {
      const f = remember(childId, await deps.relay.actOnFriendship(tokenOf(childId), friendshipId, action));
      if (action === 'block') {
        deps.history?.(childId, { contactId: f.friend.accountId, action, by: 'child', reason: reason?.trim() || null });
      }
      return f;
    },
  });
}
