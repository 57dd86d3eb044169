import { createUlidFactory } from '../ids';
import {
  ErrorCode,
  HearthError,
  MESSAGE_LIMITS,
  type ActivityReport,
  type CallRecord,
  type RecordCallArgs,
} from '@hearth/common';
import type { ReadableDB } from '@hearth/sqlite';
import { getContact } from '../db/child/queries/contacts';
import { activityByDay, logActivity } from '../db/child/queries/activity';
import { getCall, insertCall, listCalls } from '../db/child/queries/calls';
import type { ChildStores } from '../stores/child-stores';

export type KidRecordsService = Readonly<{
  listCalls: (childId: string, contactId?: string) => { calls: CallRecord[] };
  recordCall: (childId: string, args: RecordCallArgs) => CallRecord;
  activity: (childId: string, days: number) => ActivityReport;
}>;

const DAY = 24 * 60 * 60 * 1000;

/** How far a call's times may be ahead of this PC's clock (the two pages' clocks are this PC's). */
const CLOCK_SLACK_MS = 60_000;

/**
 * A call the log may hold: with one of the child's contacts (a friend then, maybe not now), ending
 * after it started, not in the future, and no longer than a call can last. What the activity view
 * shows the grown-ups comes from here: a page must not put a stranger or the year 9999 in it.
 */
function checkCall(db: ReadableDB, args: RecordCallArgs, now: number): void {
  if (!getContact(db, args.contactId)) {
    throw new HearthError(ErrorCode.NotFriends, 'Only calls with friends your grown-ups said yes to go in the log.');
  }
  const endsAt = args.endedAt ?? args.startedAt;
  const wrong =
    endsAt < args.startedAt
      ? 'A call cannot end before it starts.'
      : endsAt > now + CLOCK_SLACK_MS
        ? 'A call cannot be in the future.'
        : endsAt - args.startedAt > MESSAGE_LIMITS.callMaxMs
          ? 'A call cannot last more than a day.'
          : null;
  if (wrong) throw new HearthError(ErrorCode.ValidationFailed, wrong);
}

/** The call log and activity a child (and their parent) can see. */
export function createKidRecordsService(deps: Readonly<{ stores: ChildStores; now: () => number }>): KidRecordsService {
  const newId = createUlidFactory();
  return Object.freeze({
    listCalls: (childId: string, contactId?: string) => ({ calls: listCalls(deps.stores.get(childId).db, contactId, 200) }),
    recordCall(childId: string, args: RecordCallArgs): CallRecord {
      const { db } = deps.stores.get(childId);
      checkCall(db, args, deps.now());
      // The renderer's id for the call when it gave one (a report may already name it), else a new one.
      const { callId, ...call } = args;
      const record: CallRecord = { callId: callId ?? newId(deps.now()), ...call };
      if (callId !== undefined && getCall(db, callId))
        throw new HearthError(ErrorCode.Conflict, 'That call is already in the log.');
      const minutes = args.endedAt === null ? 0 : Math.round((args.endedAt - args.startedAt) / 60_000);
      db.transaction(() => {
        insertCall(db, record);
        logActivity(db, { at: args.startedAt, kind: 'call', contactId: args.contactId, minutes: Math.max(0, minutes) });
      })();
      return record;
    },
    activity: (childId: string, days: number) => ({ days: activityByDay(deps.stores.get(childId).db, deps.now() - days * DAY) }),
  });
}
