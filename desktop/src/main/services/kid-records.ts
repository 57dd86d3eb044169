import { createUlidFactory } from '../ids';
import {
  ErrorCode,
  HearthError,
  type ActivityReport,
  type CallRecord,
  type RecordCallArgs,
} from '@hearth/common';
import { activityByDay, logActivity } from '../db/child/queries/activity';
import { getCall, insertCall, listCalls } from '../db/child/queries/calls';
import type { ChildStores } from '../stores/child-stores';

export type KidRecordsService = Readonly<{
  listCalls: (childId: string, contactId?: string) => { calls: CallRecord[] };
  recordCall: (childId: string, args: RecordCallArgs) => CallRecord;
  activity: (childId: string, days: number) => ActivityReport;
}>;

const DAY = 24 * 60 * 60 * 1000;

/** The call log and activity a child (and their parent) can see. */
export function createKidRecordsService(deps: Readonly<{ stores: ChildStores; now: () => number }>): KidRecordsService {
  const newId = createUlidFactory();
  return Object.freeze({
    listCalls: (childId: string, contactId?: string) => ({ calls: listCalls(deps.stores.get(childId).db, contactId, 200) }),
    recordCall(childId: string, args: RecordCallArgs): CallRecord {
      const { db } = deps.stores.get(childId);
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
