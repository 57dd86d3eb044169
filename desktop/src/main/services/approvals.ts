import {
  ErrorCode,
  HearthError,
  type ActivityReport,
  type FriendshipAction,
  type FriendshipHistoryEntry,
  type FriendshipView,
} from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { getProfile } from '../db/family/queries/profiles';
import { activityByDay } from '../db/child/queries/activity';
import type { RelayHttp } from '../relay/relay-http';
import type { ChildStores } from '../stores/child-stores';
import type { ParentAccountService } from './parent-account';

export type ApprovalsService = Readonly<{
  /** The children's friendships, those waiting for this parent first. */
  list: () => Promise<{ friendships: FriendshipView[] }>;
  act: (friendshipId: string, action: FriendshipAction) => Promise<FriendshipView>;
  childActivity: (childId: string, days: number) => ActivityReport;
}>;

const DAY = 24 * 60 * 60 * 1000;

const waitsForMe = (f: FriendshipView): boolean => f.status === 'accepted-by-kid' && !f.myParentApproved;

/** What only a parent may decide, always with the parent's relay session (never a local flag). */
export function createApprovalsService(
  deps: Readonly<{
    relay: RelayHttp;
    parent: ParentAccountService;
    familyDb: WritableDB;
    stores: ChildStores;
    now: () => number;
    /** Where a grown-up's block or unblock is recorded for the child's activity view (F10). */
    history?: (childId: string, entry: Omit<FriendshipHistoryEntry, 'at'>) => void;
  }>,
): ApprovalsService {
  return Object.freeze({
    list: () =>
      deps.parent.withSession(async (token) => {
        const { friendships } = await deps.relay.listFriendships(token);
        return {
          friendships: [...friendships].sort(
            (a, b) => Number(waitsForMe(b)) - Number(waitsForMe(a)) || b.updatedAt - a.updatedAt,
          ),
        };
      }),
    async act(friendshipId: string, action: FriendshipAction): Promise<FriendshipView> {
      const f = await deps.parent.withSession((token) => deps.relay.actOnFriendship(token, friendshipId, action));
      // The grown-up acts for their child (`me`); recorded when that child is on this PC.
      if ((action === 'block' || action === 'unblock') && getProfile(deps.familyDb, f.me.accountId)?.kind === 'child') {
        deps.history?.(f.me.accountId, { contactId: f.friend.accountId, action, by: 'grown-up', reason: null });
      }
      return f;
    },
    childActivity(childId: string, days: number): ActivityReport {
      if (!getProfile(deps.familyDb, childId))
        throw new HearthError(ErrorCode.NotFound, 'There is no such profile on this computer.');
      return { days: activityByDay(deps.stores.get(childId).db, deps.now() - days * DAY) };
    },
  });
}
