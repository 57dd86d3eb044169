import { useState } from 'react';
import type { Friend } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useHearthEvent } from '../../app/use-event';
import { useLoad } from '../../app/use-load';

/** Whether Hearth's moderators paused the active child's account (F16), as the relay last said, live. */
export function useSuspended(): boolean {
  const hearth = useHearth();
  const loaded = useLoad(() => hearth.getMySuspension({}), []);
  const [live, setLive] = useState<boolean | null>(null);
  useHearthEvent('suspension', (s) => setLive(s.suspended));
  return live ?? loaded.value?.suspended ?? false;
}

/** A paused child still reaches their own guardians (the relay decides anyway). */
export function reachableWhilePaused(friend: Friend): boolean {
  const other = friend.friendship.friend;
  return friend.friendship.kind === 'family' && other.kind === 'parent' && other.familyRole === 'guardian';
}
