import { useCallback, useEffect, useState } from 'react';
import type { ErrorBody, Friend, MessageView, PresenceState } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useHearthEvent } from '../../app/use-event';

export type FriendsState = Readonly<{
  friends: readonly Friend[];
  loaded: boolean;
  error: ErrorBody | null;
  reload: () => void;
}>;

/** The active profile's friends and family, kept fresh from main's events (presence, new messages, changes). */
export function useFriends(): FriendsState {
  const hearth = useHearth();
  const [friends, setFriends] = useState<readonly Friend[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);

  const reload = useCallback(() => {
    void hearth.listFriends().then((result) => {
      setLoaded(true);
      if (result.ok) {
        setFriends(result.value.friends);
        setError(null);
      } else setError(result.error);
    });
  }, [hearth]);

  useEffect(reload, [reload]);
  useHearthEvent('friendsChanged', reload);
  // A new message from a friend: one more unread, without asking the relay again.
  useHearthEvent('message', (m: MessageView) => {
    if (m.direction !== 'in') return;
    setFriends((list) =>
      list.map((f) =>
        f.friendship.friend.accountId === m.contactId ? { ...f, unread: f.unread + 1, lastMessageAt: m.sentAt } : f,
      ),
    );
  });
  useHearthEvent('presence', ({ contactId, presence }: { contactId: string; presence: PresenceState }) =>
    setFriends((list) =>
      list.map((f) => (f.friendship.friend.accountId === contactId && f.friendship.status === 'active' ? { ...f, presence } : f)),
    ),
  );
  return { friends, loaded, error, reload };
}

/** Friends a child can talk to now. */
export const activeFriends = (friends: readonly Friend[]): Friend[] => friends.filter((f) => f.friendship.status === 'active');

/** Requests still on their way (not declined, removed or blocked). */
export const pendingFriends = (friends: readonly Friend[]): Friend[] =>
  friends.filter((f) => f.friendship.status === 'requested' || f.friendship.status === 'accepted-by-kid');
