import { createUlidFactory } from '../ids';
import {
  ErrorCode,
  HearthError,
  type ActivityReport,
  type CallRecord,
  type GameScore,
  type RecordCallArgs,
  type RecordGameArgs,
} from '@hearth/common';
import { activityByDay, logActivity } from '../db/child/queries/activity';
import { getCall, insertCall, listCalls } from '../db/child/queries/calls';
import { listGameScores, recordGameResult } from '../db/child/queries/games';
import type { ChildStores } from '../stores/child-stores';

export type KidRecordsService = Readonly<{
  listCalls: (childId: string, contactId?: string) => { calls: CallRecord[] };
  recordCall: (childId: string, args: RecordCallArgs) => CallRecord;
  listGameScores: (childId: string, contactId?: string) => { scores: GameScore[] };
  recordGame: (childId: string, args: RecordGameArgs) => GameScore;
  activity: (childId: string, days: number) => ActivityReport;
}>;

const DAY = 24 * 60 * 60 * 1000;

/** The call log, game scores and activity a child (and their parent) can see. */
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
    listGameScores: (childId: string, contactId?: string) => ({ scores: listGameScores(deps.stores.get(childId).db, contactId) }),
    recordGame(childId: string, args: RecordGameArgs): GameScore {
      const { db } = deps.stores.get(childId);
      return db.transaction(() => {
        logActivity(db, { at: deps.now(), kind: 'game', contactId: args.contactId });
        return recordGameResult(db, { ...args, now: deps.now() });
      })();
    },
    activity: (childId: string, days: number) => ({ days: activityByDay(deps.stores.get(childId).db, deps.now() - days * DAY) }),
  });
}
