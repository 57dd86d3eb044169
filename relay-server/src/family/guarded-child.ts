import { ErrorCode, HearthError } from '@hearth/common';
import type { ChildRow } from '../accounts/queries';
import type { Store } from '../store/port';

/**
 * A child this grown-up is a guardian of, or NOT_FOUND: another family's child (and a child they
 * are only a trusted grown-up of) looks the same as no child. The family's own twin of
 * `accounts/service.ts`'s `ownChild`, on a store: inside a transaction, pass the transaction's.
 */
export async function guardedChild(store: Store, parentId: string, childId: string): Promise<ChildRow> {
  const child = await store.accounts.getChild(childId);
  if (!child || !(await store.family.isGuardian(childId, parentId))) throw new HearthError(ErrorCode.NotFound, 'No such child.');
  return child;
}
