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

/**
 * PLACEHOLDER (moderation helper): the `reports` helper owns this file; the lead keeps theirs at
 * merge. Same exported signatures as the shared contract. Without the reports tables in this
 * tree it keeps forwarded reports in memory, filled only by {@link placeholderForwardReport}
 * (tests of the moderators' commands).
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

const forwarded = new Map<string, ForwardedReportView>();

/** Placeholder only: a report as forwarded to the moderators (the real module stores them). */
export function placeholderForwardReport(view: ForwardedReportView): void {
  forwarded.set(view.reportId, structuredClone(view));
}

const notFound = (): HearthError => new HearthError(ErrorCode.NotFound, 'No forwarded report has this id.');

export async function listForwardedReports(_ctx: Ctx, opts?: { includeClosed?: boolean }): Promise<ForwardedReportItem[]> {
  return [...forwarded.values()]
    .filter((r) => opts?.includeClosed === true || r.closedAt === null)
    .map(({ messages: _m, calls: _c, files: _f, ...item }) => item);
}

export async function readForwardedReport(_ctx: Ctx, reportId: string): Promise<ForwardedReportView> {
  const r = forwarded.get(reportId);
  if (!r) throw notFound();
  return structuredClone(r);
}

export async function readForwardedReportFile(
  _ctx: Ctx,
  reportId: string,
  _hash: string,
): Promise<{ bytes: Buffer; mime: string }> {
  if (!forwarded.has(reportId)) throw notFound();
  throw new HearthError(ErrorCode.NotFound, 'That file is not on the relay.');
}

export async function closeForwardedReport(ctx: Ctx, reportId: string): Promise<void> {
  const r = forwarded.get(reportId);
  if (!r) throw notFound();
  if (r.legalHold) throw new HearthError(ErrorCode.LegalHold, 'A legal hold keeps this report open.');
  r.closedAt ??= ctx.now();
}

export async function setReportLegalHold(_ctx: Ctx, reportId: string, hold: boolean): Promise<void> {
  const r = forwarded.get(reportId);
  if (!r) throw notFound();
  r.legalHold = hold;
}
