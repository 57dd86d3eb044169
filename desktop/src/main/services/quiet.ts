import {
  ErrorCode,
  HearthError,
  type ChildId,
  type ChildQuiet,
  type Done,
  type ExtraMinutesArgs,
  type MyQuiet,
  type QuietNowArgs,
  type QuietReachArgs,
  type QuietStatus,
  type SetContactWindowsArgs,
  type SetQuietScheduleArgs,
  type SetTimeZoneArgs,
} from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { requireProfile } from '../db/family/queries/profiles';
import type { Logger } from '../logging/logger';
import type { QuietHttp } from '../relay/quiet-http';
import type { QuietTracker } from '../relay/quiet-tracker';
import type { ParentAccountService } from './parent-account';

/** Quiet hours and daily time (issue 14): the child's own status, and the guardians' controls. */
export type QuietService = Readonly<{
  mine: (childId: string) => MyQuiet;
  child: (childId: ChildId) => Promise<ChildQuiet>;
  setSchedule: (args: SetQuietScheduleArgs) => Promise<ChildQuiet>;
  setContactWindows: (args: SetContactWindowsArgs) => Promise<Done>;
  quietNow: (args: QuietNowArgs) => Promise<ChildQuiet>;
  extraMinutes: (args: ExtraMinutesArgs) => Promise<ChildQuiet>;
  setTimeZone: (args: SetTimeZoneArgs) => Promise<ChildQuiet>;
  setMyReach: (args: QuietReachArgs) => Promise<Done>;
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
  logger: Logger;
}>;

const DONE = { done: true } as const;

export function createQuietService(deps: QuietDeps): QuietService {
  const { http, parent, tracker } = deps;
  const log = deps.logger.child({ component: 'quiet' });
  const parentModeToken = (profileId: string): string => {
    const p = requireProfile(deps.familyDb, profileId);
    if (p.kind !== 'parent') throw new HearthError(ErrorCode.Forbidden, 'Only a grown-up in parent mode can do this.');
    return p.deviceToken;
  };
  /**
   * Where the child stands: the relay's word; if it cannot say (an older relay), what this PC's
   * own connection of that child last heard, else null. The schedule itself is never guessed.
   */
  const statusOf = async (token: string, childId: ChildId): Promise<QuietStatus | null> => {
    try {
      return await http.status(token, childId);
    } catch (err) {
      if (err instanceof HearthError && err.code === ErrorCode.Unavailable) throw err;
      log.warn({ err, childId }, 'the relay did not say where the child stands; using this PC’s last word');
      return tracker.get(childId);
    }
  };
  const read = async (token: string, childId: ChildId): Promise<ChildQuiet> => {
    const schedule = await http.schedule(token, childId);
    return { schedule, status: await statusOf(token, childId) };
  };
  const quietNow = async (token: string, { childId, until }: QuietNowArgs): Promise<ChildQuiet> => {
    await http.quietNow(token, childId, until);
    return read(token, childId);
  };
  const extra = async (token: string, { childId, minutes }: ExtraMinutesArgs): Promise<ChildQuiet> => {
    await http.extraMinutes(token, childId, minutes);
    return read(token, childId);
  };

  return Object.freeze({
    mine: (childId) => ({ status: tracker.get(childId) }),
    child: (childId) => parent.withSession((token) => read(token, childId)),
    setSchedule: ({ childId, schedule }) =>
      parent.withSession(async (token) => {
        const saved = await http.setSchedule(token, childId, schedule);
        return { schedule: saved, status: await statusOf(token, childId) };
      }),
    setContactWindows: ({ childId, contactId, allowed }) =>
      parent.withSession(async (token) => {
        await http.setContactWindows(token, childId, contactId, { allowed });
        return DONE;
      }),
    quietNow: (args) => parent.withSession((token) => quietNow(token, args)),
    extraMinutes: (args) => parent.withSession((token) => extra(token, args)),
    setTimeZone: ({ childId, timeZone, wholeFamily }) =>
      parent.withSession(async (token) => {
        await http.setTimeZone(token, childId, timeZone, wholeFamily);
        return read(token, childId);
      }),
    setMyReach: ({ childId, reach }) =>
      parent.withSession(async (token) => {
        await http.setMyReach(token, childId, reach);
        return DONE;
      }),
    childAsMe: (profileId, childId) => read(parentModeToken(profileId), childId),
    quietNowAsMe: (profileId, args) => quietNow(parentModeToken(profileId), args),
    extraMinutesAsMe: (profileId, args) => extra(parentModeToken(profileId), args),
  });
}
