import { describe, expect, it } from 'vitest';
import type { FriendshipView } from '@hearth/common';
import { api, befriend, createFamily, expectStatus, relayForFile, type TestRelay } from '../../test/helpers';
import { addGrownUp } from '../../test/family-helpers';

let relay: TestRelay;
relayForFile((r) => (relay = r));

describe('the grown-up named beside a child in a friendship', () => {
  it('is who made the child while they are its guardian, then its longest-standing guardian, never someone removed', async () => {
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    await befriend(relay.app, a, b);
    const second = await addGrownUp(relay.app, a.parent.token, 'guardian', [a.child.childId], { displayName: 'Alex' });
    const seenByFriend = async (): Promise<string | null> => {
      const list = expectStatus(
        await api<{ friendships: FriendshipView[] }>(relay.app, 'GET', '/v1/friendships', { token: b.childToken }),
        200,
      );
      const friendship = list.friendships.find((f) => f.friend.accountId === a.child.childId);
      return friendship?.friend.parentDisplayName ?? null;
    };
    expect(await seenByFriend()).toBe('Sam');
    // The creator leaves: the friend's family now sees the guardian who stays.
    expectStatus(
      await api(relay.app, 'DELETE', `/v1/children/${a.child.childId}/guardians/${a.parent.parentId}`, { token: second.token }),
      204,
    );
    expect(await seenByFriend()).toBe('Alex');
  });
});
