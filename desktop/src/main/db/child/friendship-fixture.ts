import type { AccountId, FriendshipView } from '@hearth/common';

/** For tests of one child's store: the child (`me`) and one friend, and their active friendship. */
export const FIXTURE_ME = '01J00000000000000000000KXD' as AccountId;
export const FIXTURE_FRIEND = '01J0000000000000000000FRND' as AccountId;

export const ACTIVE_FRIENDSHIP: FriendshipView = {
  friendshipId: '01J0000000000000000000FSHP',
  kind: 'friend',
  status: 'active',
  me: { accountId: FIXTURE_ME, kind: 'child', displayName: 'Me', parentDisplayName: null, avatar: null },
  friend: { accountId: FIXTURE_FRIEND, kind: 'child', displayName: 'Friend', parentDisplayName: null, avatar: null },
  myKidConfirmed: true,
  friendKidConfirmed: true,
  myParentApproved: true,
  friendParentApproved: true,
  iBlocked: false,
  updatedAt: 1,
};
