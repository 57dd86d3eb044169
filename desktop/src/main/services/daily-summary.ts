import { DailySummarySetting, type ChildId } from '@hearth/common';
import type { RelayCall } from '../relay/relay-http';
import type { ParentAccountService } from './parent-account';

export type DailySummaryService = Readonly<{
  get: (childId: ChildId) => Promise<DailySummarySetting>;
  set: (childId: ChildId, enabled: boolean) => Promise<DailySummarySetting>;
}>;

/** The daily summary's opt-in (issue 14, F10), kept on the relay; changed with the grown-up's session only. */
export function createDailySummaryService(
  deps: Readonly<{ call: RelayCall; parent: ParentAccountService }>,
): DailySummaryService {
  const path = (childId: ChildId): string => `/v1/children/${childId}/daily-summary`;
  return Object.freeze({
    get: (childId: ChildId) =>
      deps.parent.withSession((token) => deps.call('GET', path(childId), DailySummarySetting, { token })),
    set: (childId: ChildId, enabled: boolean) =>
      deps.parent.withSession((token) => deps.call('PUT', path(childId), DailySummarySetting, { token, body: { enabled } })),
  });
}
