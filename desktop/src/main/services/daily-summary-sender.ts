import {
  DailySummarySetting,
  ErrorCode,
  HearthError,
  dayBounds,
  isKnownZone,
  type DailySummaryContent,
  type DailySummaryList,
} from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { getEnrollment } from '../db/family/queries/enrollment';
import { getProfile, listProfiles } from '../db/family/queries/profiles';
import { listContacts } from '../db/child/queries/contacts';
import { dayCounts, markSummarySent, receivedSummaries, wasSummarySent } from '../db/child/queries/daily-summaries';
import { insertMessage, getMessage } from '../db/child/queries/messages';
import { enqueueOutbox } from '../db/child/queries/outbox';
import { createUlidFactory } from '../ids';
import type { Logger } from '../logging/logger';
import type { RelayCall } from '../relay/relay-http';
import type { ChildStores } from '../stores/child-stores';
import type { EventHub } from './event-hub';
import type { OutboxPayload } from './messages';
import type { SyncControl } from './ports';

/** One summary this PC queued: whose, which local day, to how many guardians. */
export type SentSummary = Readonly<{ childId: string; day: string; guardians: number }>;

export type DailySummarySender = Readonly<{
  /**
   * For each child on this PC whose guardians switched the daily summary on: the counts of the
   * child's last whole local day, once, to each guardian. Called when the app starts and now and
   * then while it runs; a child already done, offline or switched off is skipped (and tried again
   * on the next call).
   */
  runDue: () => Promise<readonly SentSummary[]>;
  /** Whether the summary is on for this child (the relay's answer; the last one known when offline). */
  mine: (childId: string) => Promise<DailySummarySetting>;
  /** Parent mode: the summaries my child's PCs sent me, newest day first. */
  receivedAsMe: (meId: string, childId: string) => DailySummaryList;
}>;

/** The summary's numbers are capped by its schema; a runaway count is sent as the cap. */
const MAX_COUNT = 100_000;
/** The summary schema's limit on the PC's name (an enrolled name may be a little longer). */
const PC_NAME_MAX = 60;

/**
 * The family PC's daily summary (issue 14, F10). Each PC of the child sends its own summary,
 * labelled with its enrolled name: what the activity log on this PC counted for the child's
 * previous local day (this PC's time zone), never words, names or pictures. It goes through the
 * outbox like any message (so it survives a restart and waits out a refusal), shows in the
 * child's own chat with that grown-up, and is not counted as a message the child sent.
 */
export function createDailySummarySender(
  deps: Readonly<{
    familyDb: WritableDB;
    stores: ChildStores;
    call: RelayCall;
    sync: Pick<SyncControl, 'kick'>;
    events: EventHub;
    now: () => number;
    /** This PC's IANA time zone, which says when the child's day ends. */
    timeZone: () => string;
    logger: Logger;
  }>,
): DailySummarySender {
  const log = deps.logger.child({ component: 'daily-summary' });
  const newId = createUlidFactory();
  const known = new Map<string, boolean>();

  const fetchSetting = async (childId: string, token: string): Promise<boolean> => {
    const { enabled } = await deps.call('GET', '/v1/me/daily-summary', DailySummarySetting, { token });
    known.set(childId, enabled);
    return enabled;
  };

  const zone = (): string => {
    const z = deps.timeZone();
    return isKnownZone(z) ? z : 'UTC';
  };

  /**
   * Queues one child's summary to each guardian and remembers the day, in one transaction; null
   * when that day went already (another run got there first) or no guardian is known here yet.
   */
  const queue = (childId: string, content: DailySummaryContent): number | null => {
    const { db } = deps.stores.get(childId);
    const guardians = listContacts(db).filter(
      (c) =>
        c.friendship.status === 'active' &&
        c.friendship.friend.kind === 'parent' &&
        c.friendship.friend.familyRole === 'guardian',
    );
    // Contacts not fetched yet (a PC just enrolled): the day waits for the next look.
    if (guardians.length === 0) return null;
    const at = deps.now();
    const ids: string[] = [];
    const fresh = db.transaction(() => {
      if (wasSummarySent(db, content.day)) return false;
      for (const g of guardians) {
        const id = newId(at);
        ids.push(id);
        insertMessage(db, { id, contactId: g.accountId, direction: 'out', content, sentAt: at, storedAt: at, state: 'queued' });
        const payload: OutboxPayload = { id, to: g.accountId, content };
        enqueueOutbox(db, { messageId: id, contactId: g.accountId, payload, now: at });
      }
      markSummarySent(db, content.day, at);
      return true;
    })();
    if (!fresh) return null;
    for (const id of ids) {
      const view = getMessage(db, id);
      if (view) deps.events.emitForChild(childId, 'message', view);
    }
    if (ids.length > 0) deps.sync.kick(childId);
    return ids.length;
  };

  return Object.freeze({
    async runDue(): Promise<readonly SentSummary[]> {
      const enrollment = getEnrollment(deps.familyDb);
      if (!enrollment) return [];
      const z = zone();
      const today = dayBounds(z, deps.now());
      const yesterday = dayBounds(z, today.start - 1);
      const sent: SentSummary[] = [];
      for (const p of listProfiles(deps.familyDb)) {
        if (p.kind !== 'child') continue;
        const { db } = deps.stores.get(p.childId);
        if (wasSummarySent(db, yesterday.key)) continue;
        try {
          if (!(await fetchSetting(p.childId, p.deviceToken))) continue;
        } catch (err) {
          log.info({ err, childId: p.childId }, 'could not ask the relay about the daily summary; trying later');
          continue;
        }
        const counts = dayCounts(db, yesterday.start, yesterday.end);
        const capped = Object.fromEntries(
          Object.entries(counts).map(([k, v]) => [k, Math.min(MAX_COUNT, Math.max(0, Math.round(v)))]),
        ) as typeof counts;
        const content: DailySummaryContent = {
          kind: 'daily-summary',
          day: yesterday.key,
          pcName: enrollment.name.slice(0, PC_NAME_MAX),
          ...capped,
        };
        const guardians = queue(p.childId, content);
        if (guardians === null) continue;
        log.info({ childId: p.childId, day: yesterday.key, guardians }, 'daily summary queued');
        sent.push({ childId: p.childId, day: yesterday.key, guardians });
      }
      return sent;
    },

    async mine(childId: string): Promise<DailySummarySetting> {
      const p = getProfile(deps.familyDb, childId);
      if (p?.kind !== 'child') throw new HearthError(ErrorCode.Forbidden, 'This is for a child’s own profile.');
      try {
        return { enabled: await fetchSetting(childId, p.deviceToken) };
      } catch (err) {
        const last = known.get(childId);
        if (last === undefined) throw err;
        return { enabled: last };
      }
    },

    receivedAsMe(meId: string, childId: string): DailySummaryList {
      if (getProfile(deps.familyDb, meId)?.kind !== 'parent') {
        throw new HearthError(ErrorCode.Forbidden, 'Daily summaries are shown in parent mode, on a grown-up’s own computer.');
      }
      return { summaries: receivedSummaries(deps.stores.get(meId).db, childId, 60) };
    },
  });
}
