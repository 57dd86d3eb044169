import { Type } from 'typebox';
import {
  QuietSchedule,
  QuietStatus,
  type ChildId,
  type ContactWindowsBody,
  type QuietSchedule as Schedule,
  type QuietStatus as Status,
} from '@hearth/common';
import type { RelayCall } from './relay-http';

/** Answers whose body this app does not need (it asks again with GET). */
const Anything = Type.Unknown();

/** The relay's quiet-time routes (issue 14), with a guardian's session token. */
export type QuietHttp = Readonly<{
  schedule: (token: string, childId: ChildId) => Promise<Schedule>;
  setSchedule: (token: string, childId: ChildId, schedule: Schedule) => Promise<Schedule>;
  status: (token: string, childId: ChildId) => Promise<Status>;
  setContactWindows: (token: string, childId: ChildId, contactId: string, body: ContactWindowsBody) => Promise<unknown>;
  quietNow: (token: string, childId: ChildId, until: string) => Promise<unknown>;
  extraMinutes: (token: string, childId: ChildId, minutes: 15 | 30) => Promise<unknown>;
  setTimeZone: (token: string, childId: ChildId, timeZone: string, wholeFamily: boolean) => Promise<unknown>;
  setMyReach: (token: string, childId: ChildId, reach: boolean) => Promise<unknown>;
}>;

/** A client of `/v1/children/:childId/quiet…` and `/v1/children/:childId/time-zone`. */
export function createQuietHttp(call: RelayCall): QuietHttp {
  const quiet = (childId: ChildId, rest = ''): string => `/v1/children/${childId}/quiet${rest}`;
  return Object.freeze({
    schedule: (token, childId) => call('GET', quiet(childId), QuietSchedule, { token }),
    setSchedule: (token, childId, schedule) => call('PUT', quiet(childId), QuietSchedule, { token, body: schedule }),
    status: (token, childId) => call('GET', quiet(childId, '/status'), QuietStatus, { token }),
    setContactWindows: (token, childId, contactId, body) =>
      call('PUT', quiet(childId, `/contacts/${contactId}`), Anything, { token, body }),
    quietNow: (token, childId, until) => call('POST', quiet(childId, '/now'), Anything, { token, body: { until } }),
    extraMinutes: (token, childId, minutes) =>
      call('POST', quiet(childId, '/extra-minutes'), Anything, { token, body: { minutes } }),
    setTimeZone: (token, childId, timeZone, wholeFamily) =>
      call('PUT', `/v1/children/${childId}/time-zone`, Anything, { token, body: { timeZone, wholeFamily } }),
    setMyReach: (token, childId, reach) => call('PUT', quiet(childId, '/my-reach'), Anything, { token, body: { reach } }),
  });
}
