import { ErrorCode, HearthError } from '@hearth/common';
import type { Store } from '../store/port';

/** A suspended grown-up cannot sign in or use a session (F16): ACCOUNT_SUSPENDED. */
export async function refuseSuspendedGrownUp(store: Store, parentId: string): Promise<void> {
  if (await store.moderation.getSuspension(parentId)) {
    throw new HearthError(ErrorCode.AccountSuspended, "This account is suspended by the relay's moderators.");
  }
}
