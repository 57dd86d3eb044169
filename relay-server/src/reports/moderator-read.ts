import {
  ErrorCode,
  HearthError,
  type FrankingVerdict,
  type ReportCall,
  type ReportMessage,
  type ReportPlace,
  type ReportReason,
} from '@hearth/common';
import type { RelayContext } from '../context';
import { verifyReportMessage } from '../franking/verify';
import type { ReportRow } from './queries';
import { callsOf, filesOf, messagesOf } from './service';

/**
 * What the relay's moderators read (issue 15, F16): forwarded reports only, never one a family kept
 * to itself. Used by the moderation helper's CLI and admin API, which check the moderator.
 */
type Ctx = Pick<RelayContext, 'store' | 'config' | 'now' | 'newId' | 'events' | 'mailer'>;

export type ForwardedReportItem = {
  reportId: string;
  reporterId: string;
  reporterName: string;
  about: { accountId: string; displayName: string; kind: 'child' | 'parent' };
  reason: ReportReason;
  place: ReportPlace;
  madeAt: number;
  forwardedAt: number;
  forwardedAutomatically: boolean;
  guardianNote: string | null;
  closedAt: number | null;
  legalHold: boolean;
};

export type ForwardedReportView = ForwardedReportItem & {
  messages: Array<ReportMessage & { verdict: FrankingVerdict }>;
  calls: ReportCall[];
  files: Array<{
    hash: string;
    size: number;
    mime: string;
    role: 'attachment' | 'voice-note';
    messageId: string | null;
    uploaded: boolean;
  }>;
};

const notForwarded = (): HearthError => new HearthError(ErrorCode.NotFound, 'No such forwarded report.');

function itemOf(r: ReportRow): ForwardedReportItem {
  return {
    reportId: r.id,
    reporterId: r.reporterId,
    reporterName: r.reporterName,
    about: { accountId: r.aboutId, displayName: r.aboutName, kind: r.aboutKind },
    reason: r.reason as ReportReason,
    place: r.place as ReportPlace,
    madeAt: r.madeAt,
    forwardedAt: r.forwardedAt as number,
    forwardedAutomatically: r.forwardedAutomatically,
    guardianNote: r.guardianNote,
    closedAt: r.closedAt,
    legalHold: r.legalHold,
  };
}

async function forwarded(ctx: Ctx, reportId: string): Promise<ReportRow> {
  const r = await ctx.store.reports.getReport(reportId);
  if (!r || r.forwardedAt === null) throw notForwarded();
  return r;
}

/** Forwarded reports, oldest first; closed ones only when asked. */
export async function listForwardedReports(ctx: Ctx, opts: { includeClosed?: boolean } = {}): Promise<ForwardedReportItem[]> {
  return (await ctx.store.reports.listForwarded(opts.includeClosed ?? false)).map(itemOf);
}

/** One forwarded report with its evidence, each message with the relay's franking verdict. NOT_FOUND unless forwarded. */
export async function readForwardedReport(ctx: Ctx, reportId: string): Promise<ForwardedReportView> {
  const r = await forwarded(ctx, reportId);
  const messages: Array<ReportMessage & { verdict: FrankingVerdict }> = [];
  for (const m of messagesOf(r)) messages.push({ ...m, verdict: await verifyReportMessage(ctx, m) });
  return { ...itemOf(r), messages, calls: callsOf(r), files: filesOf(await ctx.store.reports.listReportFiles(r.id)) };
}

/** One uploaded file of a forwarded report. */
export async function readForwardedReportFile(
  ctx: Ctx,
  reportId: string,
  hash: string,
): Promise<{ bytes: Buffer; mime: string }> {
  await forwarded(ctx, reportId);
  const file = await ctx.store.reports.getReportFileBytes(reportId, hash);
  if (!file) throw new HearthError(ErrorCode.NotFound, 'No such file in this report, or it was never uploaded.');
  return { bytes: Buffer.from(file.bytes), mime: file.mime };
}

/** Closes a forwarded report (its one-year retention starts); LEGAL_HOLD while held. Closing twice is no change. */
export async function closeForwardedReport(ctx: Ctx, reportId: string): Promise<void> {
  const r = await forwarded(ctx, reportId);
  if (r.legalHold) throw new HearthError(ErrorCode.LegalHold, 'A legal hold keeps this report open until it is lifted.');
  await ctx.store.reports.markClosed(r.id, ctx.now());
}

/** Puts a forwarded report under legal hold (kept, whatever the retention), or lifts the hold. */
export async function setReportLegalHold(ctx: Ctx, reportId: string, hold: boolean): Promise<void> {
  const r = await forwarded(ctx, reportId);
  await ctx.store.reports.setLegalHold(r.id, hold);
}
