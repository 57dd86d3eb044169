import fs from 'node:fs';
import path from 'node:path';
import {
  ErrorCode,
  HearthError,
  REPORT_LIMITS,
  ReportSubmission,
  type AccountId,
  type FriendshipHistoryEntry,
  type MessageContent,
  type ReportCall,
  type ReportFile,
  type ReportMessage,
  type ReportSomethingArgs,
} from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { listProfiles, requireProfile } from '../db/family/queries/profiles';
import { getAttachment } from '../db/child/queries/attachments';
import { getCall, listCalls } from '../db/child/queries/calls';
import { getContact } from '../db/child/queries/contacts';
import { getMessage } from '../db/child/queries/messages';
import {
  enqueueReport,
  evidenceMessages,
  latestGameMessage,
  markReportAccepted,
  markReportDone,
  markReportFileSent,
  noteReportAttempt,
  pendingReports,
  type EvidenceRow,
  type ReportOutboxEntry,
} from '../db/child/queries/reports';
import { createUlidFactory } from '../ids';
import type { Logger } from '../logging/logger';
import { createReportHttp, type ReportHttp } from '../relay/report-http';
import type { RelayVersions } from '../relay/relay-versions';
import type { ChildStores } from '../stores/child-stores';
import { firstProblem, matches } from '../validate';
import { sha256Hex } from './attachments';
import type { EventHub } from './event-hub';

export type ReportsService = Readonly<{
  /** The active child reports someone: built here, the friend hidden at once, sent from the outbox. */
  report: (childId: string, args: ReportSomethingArgs) => void;
  /** Tries every waiting report of every child on this PC now (at start, and after a failure). */
  flushAll: () => Promise<void>;
  close: () => void;
}>;

/**
 * Refusals that another try cannot change: the report stays here (its friend hidden), not sent again.
 * NOT_FOUND is not one: a relay without the report routes yet gets the report when it has them.
 */
const FINAL_REFUSALS: ReadonlySet<string> = new Set([
  ErrorCode.NotARecentContact,
  ErrorCode.ValidationFailed,
  ErrorCode.MalformedRequest,
  ErrorCode.Forbidden,
  ErrorCode.PayloadTooLarge,
  ErrorCode.UnsupportedMediaType,
]);

type HeldFile = ReportFile & Readonly<{ file: string }>;

const attachmentOf = (c: MessageContent) =>
  c.kind === 'photo' || c.kind === 'voice' || c.kind === 'video' ? { kind: c.kind, ...c.attachment } : null;

type ReportsDeps = Readonly<{
  familyDb: WritableDB;
  stores: ChildStores;
  http: ReportHttp;
  events: EventHub;
  now: () => number;
  logger: Logger;
  history?: (childId: string, entry: Omit<FriendshipHistoryEntry, 'at'>) => void;
  /** First wait after a failed try; doubles up to `retryMaxMs`. */
  retryMs?: number;
  retryMaxMs?: number;
}>;

/** How soon a failed report is tried again (tests shorten it). */
export type ReportsOptions = Readonly<{ retryMs?: number }>;

/** The core's reports: to the relay's report routes, with the relay's version headers. */
export function createCoreReports(
  relayUrl: string,
  options: ReportsOptions | undefined,
  deps: Omit<ReportsDeps, 'http' | 'retryMs' | 'retryMaxMs'> & Readonly<{ versions: RelayVersions }>,
): ReportsService {
  const { versions, ...rest } = deps;
  const http = createReportHttp({ baseUrl: relayUrl, versions });
  return createReportsService({ ...rest, http, ...(options?.retryMs !== undefined ? { retryMs: options.retryMs } : {}) });
}

/**
 * Reports (F11), the child's PC: the report is built from this PC's store only (the last messages of
 * the conversation with their raw form as the relay delivered them, the pictures and recordings
 * this PC holds, pictures first, the call log with that account, the child's voice note) and kept
 * in the child's store until the relay's report routes have it and every file they ask for. It goes
 * nowhere else. Until the relay accepted it the reported account is hidden from the child's lists
 * here; afterwards the relay's block decides.
 */
export function createReportsService(deps: ReportsDeps): ReportsService {
  const log = deps.logger.child({ component: 'reports' });
  const newId = createUlidFactory();
  const retryMs = deps.retryMs ?? 15_000;
  const retryMaxMs = deps.retryMaxMs ?? 10 * 60_000;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  const running = new Map<string, Promise<void>>();

  const tokenOf = (childId: string): string => {
    const p = requireProfile(deps.familyDb, childId);
    if (p.kind !== 'child') throw new HearthError(ErrorCode.Forbidden, 'Only a child reports from their own profile.');
    return p.deviceToken;
  };

  /** The message's file as this PC holds it: its stored bytes' hash (which differs from the sent one when changed on receipt). */
  const heldFile = (dir: string, messageId: string, c: MessageContent): HeldFile | null => {
    const a = attachmentOf(c);
    if (!a) return null;
    const file = path.join(dir, a.hash);
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      return null;
    }
    if (size < 1 || size > REPORT_LIMITS.evidenceBytes) return null;
    const hash = sha256Hex(fs.readFileSync(file));
    return { hash, size, mime: a.mime, role: 'attachment', messageId, file };
  };

  /** The relay's `sentAt` in a raw form (a `message` frame, or a sent message with the relay's time); null if none. */
  const relaySentAt = (raw: string): number | null => {
    try {
      const v = JSON.parse(raw) as { type?: unknown; message?: { sentAt?: unknown }; sentAt?: unknown } | null;
      const sentAt = v?.type === 'message' ? v.message?.sentAt : v?.sentAt;
      return typeof sentAt === 'number' ? sentAt : null;
    } catch {
      return null;
    }
  };

  const toReportMessage = (childId: string, about: string, r: EvidenceRow, file: HeldFile | null): ReportMessage | null => {
    const [from, to] = (r.direction === 'in' ? [about, childId] : [childId, about]) as [AccountId, AccountId];
    const content = JSON.parse(r.contentJson) as unknown;
    // A message stored before this PC kept raw forms: the form the relay's record covers, rebuilt (the relay judges it).
    const raw = r.raw ?? JSON.stringify({ id: r.id, from, to, sentAt: r.sentAt, content });
    if (raw.length > REPORT_LIMITS.rawMessageChars || r.contentJson.length > REPORT_LIMITS.rawMessageChars) return null;
    return {
      id: r.id,
      from,
      to,
      // The relay's time, as the raw form (which the relay's record covers) says it, not this PC's clock.
      sentAt: relaySentAt(raw) ?? r.sentAt,
      raw,
      shown: r.contentJson,
      ...(file ? { fileHash: file.hash } : {}),
      ...(r.changedOnReceipt ? { changedOnReceipt: true } : {}),
    };
  };

  const build = (childId: string, args: ReportSomethingArgs): ReportSubmission => {
    const { db, attachmentsDir } = deps.stores.get(childId);
    if (!getContact(db, args.about)) throw new HearthError(ErrorCode.NotFound, 'That is not one of your friends.');
    // The reported message is always among the evidence: for a game, the match's newest move (a
    // message id from an older screen is taken as it is).
    const game = args.place === 'game' && args.itemId !== null ? latestGameMessage(db, args.about, args.itemId) : undefined;
    const withItem = args.place === 'message' || args.place === 'game' ? (game ?? args.itemId) : null;
    const rows = evidenceMessages(db, args.about, REPORT_LIMITS.messages, withItem);
    const messages: ReportMessage[] = [];
    const held: HeldFile[] = [];
    for (const r of rows) {
      const file = heldFile(attachmentsDir, r.id, JSON.parse(r.contentJson) as MessageContent);
      const m = toReportMessage(childId, args.about, r, file);
      if (!m) continue;
      messages.push(m);
      if (file) held.push(file);
    }
    // Pictures first, then recordings, newest first within each, up to the evidence limit.
    const rank = (f: HeldFile): number => (f.mime.startsWith('image/') ? 0 : 1);
    held.sort((a, b) => rank(a) - rank(b) || (b.messageId ?? '').localeCompare(a.messageId ?? ''));
    const files: ReportFile[] = [];
    const seen = new Set<string>();
    let total = 0;
    for (const f of held) {
      if (seen.has(f.hash) || total + f.size > REPORT_LIMITS.evidenceBytes) continue;
      seen.add(f.hash);
      total += f.size;
      files.push({ hash: f.hash, size: f.size, mime: f.mime, role: 'attachment', messageId: f.messageId });
    }
    if (args.voiceNote !== undefined) {
      const a = getAttachment(db, args.voiceNote);
      const file = path.join(attachmentsDir, args.voiceNote);
      if (a?.kind !== 'voice' || !fs.existsSync(file) || a.size > REPORT_LIMITS.voiceNoteBytes)
        throw new HearthError(ErrorCode.ValidationFailed, 'The voice note is not on this computer.');
      if (!seen.has(a.hash)) files.push({ hash: a.hash, size: a.size, mime: a.mime, role: 'voice-note', messageId: null });
    }
    const logged = listCalls(db, args.about, REPORT_LIMITS.calls);
    // The call reported (during it or on its end screen) is always among the call-log entries.
    const named = args.place === 'call' || args.place === 'call-end' ? args.itemId : null;
    if (named !== null && !logged.some((c) => c.callId === named)) {
      const call = getCall(db, named);
      if (call?.contactId === args.about) logged.splice(REPORT_LIMITS.calls - 1, Infinity, call);
    }
    const calls: ReportCall[] = logged.map((c) => ({
      callId: c.callId.slice(0, 64),
      direction: c.direction === 'in' ? 'incoming' : 'outgoing',
      startedAt: c.startedAt,
      durationMs: c.endedAt === null ? 0 : Math.max(0, c.endedAt - c.startedAt),
      outcome: c.outcome.slice(0, 32),
    }));
    const madeAt = deps.now();
    const submission: ReportSubmission = {
      reportId: newId(madeAt),
      about: args.about as AccountId,
      reason: args.reason,
      place: args.place,
      itemId: args.itemId,
      messages,
      calls,
      files,
      madeAt,
    };
    if (!matches(ReportSubmission, submission))
      throw new HearthError(
        ErrorCode.ValidationFailed,
        `The report could not be built: ${firstProblem(ReportSubmission, submission)}`,
      );
    return submission;
  };

  /** Where a file of the submission lies on this PC: the message's attachment, or the voice note. */
  const fileOf = (childId: string, s: ReportSubmission, hash: string): { file: string; mime: string } | null => {
    const { db, attachmentsDir } = deps.stores.get(childId);
    const f = s.files.find((x) => x.hash === hash);
    if (!f) return null;
    if (f.role === 'voice-note') return { file: path.join(attachmentsDir, f.hash), mime: f.mime };
    const m = f.messageId === null ? undefined : getMessage(db, f.messageId);
    const a = m ? attachmentOf(m.content) : null;
    return a ? { file: path.join(attachmentsDir, a.hash), mime: f.mime } : null;
  };

  const sendOne = async (childId: string, token: string, e: ReportOutboxEntry): Promise<void> => {
    const { db } = deps.stores.get(childId);
    let missing = e.missing;
    if (e.acceptedAt === null) {
      const answer = await deps.http.submit(token, e.submission);
      missing = answer.missingFiles;
      markReportAccepted(db, e.reportId, missing, deps.now());
      log.info({ reportId: e.reportId, blocked: answer.blocked, missing: missing.length }, 'the relay accepted a report');
      deps.events.emitForChild(childId, 'friendsChanged', {});
    }
    for (const hash of missing) {
      const where = fileOf(childId, e.submission, hash);
      const bytes = where ? fs.readFileSync(where.file) : null;
      if (!where || !bytes || sha256Hex(bytes) !== hash) {
        // The file changed or went since the report was made: the relay keeps the report without it.
        log.warn({ reportId: e.reportId, hash }, 'a file of a report is no longer here');
        markReportFileSent(db, e.reportId, hash);
        continue;
      }
      await deps.http.putFile(token, e.reportId, hash, where.mime, bytes);
      markReportFileSent(db, e.reportId, hash);
    }
    markReportDone(db, e.reportId, deps.now());
  };

  const later = (delay: number): void => {
    if (closed || timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      void flushAll();
    }, delay);
    timer.unref?.();
  };

  const flushChild = async (childId: string): Promise<void> => {
    const { db } = deps.stores.get(childId);
    const token = tokenOf(childId);
    for (const e of pendingReports(db)) {
      try {
        await sendOne(childId, token, e);
      } catch (err) {
        if (err instanceof HearthError && FINAL_REFUSALS.has(err.code)) {
          log.warn({ reportId: e.reportId, code: err.code }, 'the relay refused a report for good');
          markReportDone(db, e.reportId, deps.now());
          continue;
        }
        const delay = Math.min(retryMaxMs, retryMs * 2 ** Math.min(e.attempts, 16));
        noteReportAttempt(db, e.reportId, deps.now() + delay);
        log.info({ reportId: e.reportId, err: err instanceof Error ? err.message : String(err) }, 'a report waits to be sent');
        later(delay);
      }
    }
  };

  /** One flush per child at a time; a call while one runs waits for it and runs again. */
  const flush = (childId: string): Promise<void> => {
    const before = running.get(childId) ?? Promise.resolve();
    const next = before.then(() => (closed ? undefined : flushChild(childId)));
    const kept = next.catch((err: unknown) => log.warn({ err }, 'could not send reports'));
    running.set(childId, kept);
    return kept;
  };

  async function flushAll(): Promise<void> {
    for (const p of listProfiles(deps.familyDb)) if (p.kind === 'child') await flush(p.childId);
  }

  // Back online (the child's relay socket connected): every waiting report goes now, whatever its wait.
  const unsubscribe = deps.events.subscribe((event, payload) => {
    if (event === 'connection' && (payload as { state?: string }).state === 'online') void flushAll();
  });

  return Object.freeze({
    report(childId: string, args: ReportSomethingArgs): void {
      tokenOf(childId);
      const submission = build(childId, args);
      const { db } = deps.stores.get(childId);
      db.transaction(() => {
        enqueueReport(db, submission, submission.madeAt);
        deps.history?.(childId, { contactId: args.about, action: 'report', by: 'child', reason: args.reason });
      })();
      log.info({ reportId: submission.reportId, place: args.place, reason: args.reason }, 'the child made a report');
      deps.events.emitForChild(childId, 'friendsChanged', {});
      void flush(childId);
    },
    flushAll,
    close(): void {
      closed = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      timer = null;
    },
  });
}
