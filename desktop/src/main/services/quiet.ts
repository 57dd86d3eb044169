import {
  ErrorCode,
  HearthError,
  type ChildId,
  type ChildQuiet,
  type ExtraMinutesArgs,
  type MyQuiet,
  type QuietNowArgs,
  type QuietReachArgs,
  type SetContactWindowsArgs,
  type SetQuietScheduleArgs,
  type SetTimeZoneArgs,
} from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { requireProfile } from '../db/family/queries/profiles';
import type { QuietHttp } from '../relay/quiet-http';
import type { QuietTracker } from '../relay/quiet-tracker';
import type { ParentAccountService } from './parent-account';

/** Quiet hours and daily time (issue 14): the child's own status, and the guardians' controls. */
export type QuietService = Readonly<{
  mine: (childId: string) => MyQuiet;
  child: (childId: ChildId) => Promise<ChildQuiet>;
  setSchedule: (args: SetQuietScheduleArgs) => Promise<ChildQuiet>;
  setContactWindows: (args: SetContactWindowsArgs) => Promise<ChildQuiet>;
  quietNow: (args: QuietNowArgs) => Promise<ChildQuiet>;
  extraMinutes: (args: ExtraMinutesArgs) => Promise<ChildQuiet>;
  setTimeZone: (args: SetTimeZoneArgs) => Promise<ChildQuiet>;
  setMyReach: (args: QuietReachArgs) => Promise<ChildQuiet>;
  /** Parent mode on the grown-up's own PC (`profileId`: the open parent profile). */
  childAsMe: (profileId: string, childId: ChildId) => Promise<ChildQuiet>;
  quietNowAsMe: (profileId: string, args: QuietNowArgs) => Promise<ChildQuiet>;
  extraMinutesAsMe: (profileId: string, args: ExtraMinutesArgs) => Promise<ChildQuiet>;
}>;

export type QuietDeps = Readonly<{
  http: QuietHttp;
  parent: Pick<ParentAccountService, 'withSession'>;
  familyDb: WritableDB;
  tracker: QuietTracker;
}>;

/**
 * The child's screens read what the relay told this PC (counted down on a monotonic clock); the
 * pane and parent mode ask the relay, which alone keeps and evaluates the schedule.
 */
export function createQuietService(deps: QuietDeps): QuietService {
  const { http, parent, tracker } = deps;
  const parentModeToken = (profileId: string): string => {
    const p = requireProfile(deps.familyDb, profileId);
    if (p.kind !== 'parent') throw new HearthError(ErrorCode.Forbidden, 'Only a grown-up in parent mode can do this.');
    return p.deviceToken;
  };
  return Object.freeze({
    mine: (childId) => ({ status: tracker.get(childId) }),
    child: (childId) => parent.withSession((token) => http.view(token, childId)),
    setSchedule: ({ childId, schedule }) => parent.withSession((token) => http.setSchedule(token, childId, schedule)),
    setContactWindows: ({ childId, contactId, allowed }) =>
      parent.withSession((token) => http.setContactWindows(token, childId, contactId, { allowed })),
    quietNow: ({ childId, until }) => parent.withSession((token) => http.quietNow(token, childId, until)),
    extraMinutes: ({ childId, minutes }) => parent.withSession((token) => http.extraMinutes(token, childId, minutes)),
    setTimeZone: ({ childId, timeZone, wholeFamily }) =>
      parent.withSession((token) => http.setTimeZone(token, childId, timeZone, wholeFamily)),
    setMyReach: ({ childId, reach }) => parent.withSession((token) => http.setMyReach(token, childId, reach)),
    childAsMe: (profileId, childId) => http.view(parentModeToken(profileId), childId),
    quietNowAsMe: (profileId, { childId, until }) => http.quietNow(parentModeToken(profileId), childId, until),
    extraMinutesAsMe: (profileId, { childId, minutes }) => http.extraMinutes(parentModeToken(profileId), childId, minutes),
  });
}
