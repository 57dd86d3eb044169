import { QuietView, type ChildId, type ContactWindowsBody, type QuietSchedule, type QuietView as View } from '@hearth/common';
import type { RelayCall } from './relay-http';

/** The relay's quiet-time routes (issue 14), with a guardian's session token; each answers the child's QuietView. */
export type QuietHttp = Readonly<{
  view: (token: string, childId: ChildId) => Promise<View>;
  setSchedule: (token: string, childId: ChildId, schedule: QuietSchedule) => Promise<View>;
  setContactWindows: (token: string, childId: ChildId, contactId: string, body: ContactWindowsBody) => Promise<View>;
  quietNow: (token: string, childId: ChildId, until: string) => Promise<View>;
  extraMinutes: (token: string, childId: ChildId, minutes: 15 | 30) => Promise<View>;
  setTimeZone: (token: string, childId: ChildId, timeZone: string, wholeFamily: boolean) => Promise<View>;
  setMyReach: (token: string, childId: ChildId, reach: boolean) => Promise<View>;
}>;

/** A client of `/v1/children/:childId/quiet…` and `/v1/children/:childId/time-zone`. */
export function createQuietHttp(call: RelayCall): QuietHttp {
  const quiet = (childId: ChildId, rest = ''): string => `/v1/children/${childId}/quiet${rest}`;
  return Object.freeze({
    view: (token, childId) => call('GET', quiet(childId), QuietView, { token }),
    setSchedule: (token, childId, schedule) => call('PUT', quiet(childId), QuietView, { token, body: schedule }),
    setContactWindows: (token, childId, contactId, body) =>
      call('PUT', quiet(childId, `/contacts/${contactId}`), QuietView, { token, body }),
    quietNow: (token, childId, until) => call('POST', quiet(childId, '/now'), QuietView, { token, body: { until } }),
    extraMinutes: (token, childId, minutes) =>
      call('POST', quiet(childId, '/extra-minutes'), QuietView, { token, body: { minutes } }),
    setTimeZone: (token, childId, timeZone, wholeFamily) =>
      call('PUT', `/v1/children/${childId}/time-zone`, QuietView, { token, body: { timeZone, wholeFamily } }),
    setMyReach: (token, childId, reach) => call('PUT', quiet(childId, '/my-reach'), QuietView, { token, body: { reach } }),
  });
}
