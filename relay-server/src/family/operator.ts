import type { RelayContext } from '../context';
import { removeGuardianUnchecked } from './grown-ups';

/**
 * The operator removes a guardian from a child (issue 12: until the moderators' tools exist,
 * `npm run relay:admin -- remove-guardian --child ID --guardian ID`). Never the last one: a child
 * always keeps a guardian (LAST_GUARDIAN); NOT_FOUND when that grown-up is no guardian of that
 * child. As when a guardian removes another: the family link ends at once, the child's
 * credentials on PCs that grown-up enrolled are revoked, and every guardian is told (by nobody:
 * the notice's `byName` is null). Throws a `HearthError` the CLI prints by its code.
 */
export async function removeGuardianByOperator(
  ctx: Pick<RelayContext, 'store' | 'config' | 'now' | 'newId' | 'events' | 'mailer'>,
  childId: string,
  parentId: string,
): Promise<void> {
  await removeGuardianUnchecked(ctx, childId, parentId, null);
}
