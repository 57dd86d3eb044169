import { UsageView, dayKey, localDayOf, type ChildId } from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { requireProfile } from '../db/family/queries/profiles';
import type { Logger } from '../logging/logger';
import type { RelayCall } from '../relay/relay-http';
import type { ParentAccountService } from './parent-account';

/** Who is asking the relay: the pane's guardian (their session) or the child (its own credential). */
export type UsageReader = 'guardian' | 'child';

/**
 * Time in Hearth as the relay counts it (issue 14): the minutes the child was online or in a call
 * on any of their PCs, per day in the child's zone. Undefined when the relay does not answer
 * (offline, a session that ended): the activity view then falls back to this PC's own measure.
 */
export type RelayUsage = Readonly<{ read: (childId: string, reader: UsageReader) => Promise<UsageView | undefined> }>;

export function createRelayUsage(
  deps: Readonly<{
    call: RelayCall;
    parent: Pick<ParentAccountService, 'withSession'>;
    familyDb: WritableDB;
    logger: Pick<Logger, 'warn'>;
  }>,
): RelayUsage {
  const ask = (token: string, childId: string): Promise<UsageView> =>
    deps.call('GET', `/v1/children/${childId as ChildId}/usage`, UsageView, { token });
  return Object.freeze({
    async read(childId, reader) {
      try {
        return reader === 'guardian'
          ? await deps.parent.withSession((token) => ask(token, childId))
          : await ask(requireProfile(deps.familyDb, childId).deviceToken, childId);
      } catch (err) {
        deps.logger.warn({ err, reader }, 'could not read time in Hearth from the relay: this PC’s measure is shown');
        return undefined;
      }
    },
  });
}

/** The key of an instant's day in `zone` (the days the relay's usage is split into). */
export const zoneDayOf =
  (zone: string) =>
  (at: number): string =>
    dayKey(localDayOf(zone, at));
