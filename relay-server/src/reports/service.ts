import { createHash } from 'node:crypto';
import {
  ErrorCode,
  HearthError,
  REPORT_LIMITS,
  REPORT_REASONS_FORWARDED_AT_ONCE,
  isActive,
  type ChildId,
  type AccountId,
  type ReportAccepted,
  type ReportCall,
  type ReportDetail,
  type ReportMessage,
  type ReportReason,
  type ReportPlace,
  type ReportSubmission,
  type ReportSummary,
  type SharedReport,
} from '@hearth/common';
import type { RelayContext } from '../context';
import type { ChildCaller, ParentCaller } from '../auth/callers';
import type { Store } from '../store/port';
import { pairKey } from '../friendships/queries';
import { actOnFriendship } from '../friendships/service';
import { ownChild } from '../accounts/service';
import { endFamilyLink } from '../family/links';
import { noticeGuardians } from '../family/notices';
import { noticeChildReported } from '../family/grown-up-notices';
import { sniffAttachmentType } from '../attachments/magic-bytes';
import type { ReportFileRow, ReportRow } from './queries';

type Ctx = Pick<RelayContext, 'store' | 'config' | 'now' | 'newId' | 'events' | 'mailer'>;

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/** Reports one child may make: per hour and per day (RATE_LIMITED past either). */
export const REPORTS_PER_HOUR = 10;
export const REPORTS_PER_DAY = 30;
/** Reports one family may share with other families per day. */
export const SHARES_PER_DAY = 3;

const NOT_FOUND = 'No such report, or it is not yours to see.';
const notFound = (): HearthError => new HearthError(ErrorCode.NotFound, NOT_FOUND);

/**
 * Who the reported account is to the child: a friend, a trusted grown-up, a guardian, or someone who
 * was an active contact in the last 30 days. Anyone else: NOT_A_RECENT_CONTACT (a stranger learns
 * nothing, and a bully cannot escape by unfriending).
 */
async function reportedRole(
  store: Store,
  childId: string,
  aboutId: string,
  now: number,
): Promise<Readonly<{ role: ReportRow['aboutRole']; kind: 'child' | 'parent'; name: string; friendshipId: string | null }>> {
  const refuse = (): HearthError =>
    new HearthError(ErrorCode.NotARecentContact, 'Only someone who was a contact in the last 30 days can be reported.');
  if (aboutId === childId) throw refuse();
  const kind = await store.family.accountKindOf(aboutId);
  const name = await store.family.displayNameOf(aboutId);
  if (kind === undefined || name === undefined) throw refuse();
  if (kind === 'parent') {
    if (await store.family.isGuardian(childId, aboutId)) return { role: 'guardian', kind, name, friendshipId: null };
    if (await store.family.isTrusted(childId, aboutId)) return { role: 'trusted-grown-up', kind, name, friendshipId: null };
  }
  const row = await store.friendships.getFriendshipByPair(childId, aboutId);
  if (!row) throw refuse();
  const active = isActive(row.state);
  if (kind === 'child' && row.state.kind === 'friend' && !row.state.ended) {
    // A friend, or a request or friendship the child already blocked: blocked (again) by the report.
    const since = await store.reports.contactInactiveSince(pairKey(childId, aboutId));
    if (active || (since != null && since >= now - REPORT_LIMITS.recentContactMs)) {
      return { role: 'friend', kind, name, friendshipId: row.id };
    }
    throw refuse();
  }
  const since = await store.reports.contactInactiveSince(pairKey(childId, aboutId));
  if (active || (since != null && since >= now - REPORT_LIMITS.recentContactMs)) {
    return { role: 'former-contact', kind, name, friendshipId: null };
  }
  throw refuse();
}

/**
 * Checks what the schema cannot: every message is between the child and the reported account;
 * the files have unique hashes, name messages of the report, one voice note at most, within the
 * byte limits.
 */
function checkSubmission(childId: string, body: ReportSubmission): void {
  const invalid = (m: string): HearthError => new HearthError(ErrorCode.ValidationFailed, m);
  const between = new Set([childId, body.about]);
  if (body.messages.some((m) => m.from === m.to || !between.has(m.from) || !between.has(m.to))) {
    throw invalid('Every message of a report is between the child and the one reported.');
  }
  const messageIds = new Set(body.messages.map((m) => m.id));
  const files = body.files;
  if (files.some((f) => f.role === 'attachment' && (f.messageId === null || !messageIds.has(f.messageId)))) {
    throw invalid('An attachment names no message of the report.');
  }
  if (new Set(files.map((f) => f.hash)).size !== files.length) throw invalid('A file is listed twice.');
  const voice = files.filter((f) => f.role === 'voice-note');
  if (voice.length > 1) throw invalid('A report carries one voice note at most.');
  if (voice.some((f) => f.size > REPORT_LIMITS.voiceNoteBytes || f.messageId !== null)) {
    throw invalid('The voice note is too big, or names a message.');
  }
  const evidence = files.filter((f) => f.role === 'attachment').reduce((n, f) => n + f.size, 0);
  if (evidence > REPORT_LIMITS.evidenceBytes) throw invalid('The report carries too many bytes of pictures and sounds.');
}

async function accepted(store: Store, report: ReportRow): Promise<ReportAccepted> {
  const files = await store.reports.listReportFiles(report.id);
  return { reportId: report.id, blocked: report.blocked, missingFiles: files.filter((f) => !f.uploaded).map((f) => f.hash) };
}

/**
 * `POST /v1/reports`: the reporting child's own PC sends a report. At once: a reported friend is
 * blocked (the existing friendship block, invisible to them), a reported trusted grown-up leaves
 * the child's family, a report about a guardian blocks nothing; grooming signs and reports about a
 * guardian go to the moderators at once; every guardian of the child but the reported one is told.
 * A re-send of the same `reportId` answers as the first did (`created: false`).
 */
export async function submitReport(
  ctx: Ctx,
  caller: ChildCaller,
  body: ReportSubmission,
): Promise<Readonly<{ created: boolean; answer: ReportAccepted }>> {
  const childId = caller.childId;
  const existing = await ctx.store.reports.getReport(body.reportId);
  if (existing) {
    if (existing.reporterId !== childId) throw new HearthError(ErrorCode.Conflict, 'This report id is taken.');
    return { created: false, answer: await accepted(ctx.store, existing) };
  }
  checkSubmission(childId, body);
  const now = ctx.now();
  if (
    (await ctx.store.reports.countReportsSince(childId, now - HOUR)) >= REPORTS_PER_HOUR ||
    (await ctx.store.reports.countReportsSince(childId, now - DAY)) >= REPORTS_PER_DAY
  ) {
    throw new HearthError(ErrorCode.RateLimited, 'Too many reports for now. A grown-up will see the ones you sent.');
  }
  const result = await ctx.store.transaction(async (tx) => {
    const txCtx = { ...ctx, store: tx };
    const who = await reportedRole(tx, childId, body.about, now);
    const reporterName = (await tx.family.displayNameOf(childId)) ?? '?';
    const atOnce = who.role === 'guardian' || REPORT_REASONS_FORWARDED_AT_ONCE.includes(body.reason);
    const row: ReportRow = {
      id: body.reportId,
      reporterId: childId,
      reporterName,
      aboutId: body.about,
      aboutName: who.name,
      aboutKind: who.kind,
      aboutRole: who.role,
      reason: body.reason,
      place: body.place,
      itemId: body.itemId,
      messages: JSON.stringify(body.messages),
      calls: JSON.stringify(body.calls),
      madeAt: body.madeAt,
      receivedAt: now,
      blocked: who.role === 'friend' || who.role === 'trusted-grown-up',
      forwardedAt: atOnce ? now : null,
      forwardedAutomatically: atOnce,
      guardianNote: null,
      sharedAt: null,
      sharedBy: null,
      unblockedAt: null,
      closedAt: null,
      legalHold: false,
    };
    await tx.reports.insertReport(row, body.files);
    if (who.role === 'trusted-grown-up') {
      // The existing removal, at once: the link ends (pushed), the guardians are told.
      await tx.family.deleteTrusted(childId, body.about);
      await endFamilyLink(txCtx, childId, body.about);
      await noticeGuardians(txCtx, { kind: 'trusted-removed', childId, byId: null, aboutId: body.about });
      ctx.events.emit('familyChanged', { childIds: [childId] });
    }
    const recipients = (await tx.family.guardianIdsOf(childId)).filter((g) => g !== body.about);
    await noticeChildReported(txCtx, childId, body.about, { reportId: row.id, recipients });
    return { row, friendshipId: who.friendshipId };
  });
  if (result.friendshipId !== null) {
    // The existing block, as the child's own: invisible to the other child; the guardians are told.
    try {
      await actOnFriendship(ctx, caller, result.friendshipId, 'block');
    } catch (err) {
      if (!(err instanceof HearthError) || err.code !== ErrorCode.InvalidTransition) throw err;
    }
  }
  return { created: true, answer: await accepted(ctx.store, result.row) };
}

/**
 * `PUT /v1/reports/:id/files/:hash`: one declared file's bytes, from the reporting child's PC.
 * Checked against the submission: size, SHA-256 and type (by the bytes' own magic, and the
 * declared content type). A file already uploaded is accepted again without change.
 */
export async function uploadReportFile(
  ctx: Ctx,
  caller: ChildCaller,
  reportId: string,
  hash: string,
  contentType: string | undefined,
  bytes: Buffer,
): Promise<void> {
  const report = await ctx.store.reports.getReport(reportId);
  if (!report || report.reporterId !== caller.childId) throw notFound();
  const file = (await ctx.store.reports.listReportFiles(reportId)).find((f) => f.hash === hash);
  if (!file) throw new HearthError(ErrorCode.NotFound, 'This report does not list that file.');
  if (file.uploaded) return;
  const mismatch = (m: string): HearthError => new HearthError(ErrorCode.ValidationFailed, m);
  if (bytes.length !== file.size) throw mismatch('The file is not the size the report says.');
  if (createHash('sha256').update(bytes).digest('hex') !== hash) throw mismatch('The file is not the one the report lists.');
  const declared = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (declared !== file.mime || sniffAttachmentType(bytes.subarray(0, 64)) !== file.mime) {
    throw new HearthError(ErrorCode.UnsupportedMediaType, 'The file is not of the type the report says.');
  }
  await ctx.store.reports.putReportFileBytes(reportId, hash, bytes, ctx.now());
}

/** A report one of the caller's children made, unless it is about the caller (never shown to them). */
async function guardianReport(store: Store, parentId: string, reportId: string): Promise<ReportRow> {
  const report = await store.reports.getReport(reportId);
  if (!report || report.aboutId === parentId || !(await store.family.isGuardian(report.reporterId, parentId))) {
    throw notFound();
  }
  return report;
}

function summaryOf(r: ReportRow): ReportSummary {
  return {
    reportId: r.id,
    childId: r.reporterId as ChildId,
    childName: r.reporterName,
    about: { accountId: r.aboutId as AccountId, displayName: r.aboutName, role: r.aboutRole },
    reason: r.reason as ReportReason,
    place: r.place as ReportPlace,
    madeAt: r.madeAt,
    receivedAt: r.receivedAt,
    state: {
      forwardedAt: r.forwardedAt,
      forwardedAutomatically: r.forwardedAutomatically,
      sharedAt: r.sharedAt,
      unblockedAt: r.unblockedAt,
      closedAt: r.closedAt,
    },
  };
}

export function filesOf(files: readonly ReportFileRow[]): ReportDetail['files'] {
  return files.map((f) => ({
    hash: f.hash,
    size: f.size,
    mime: f.mime as ReportDetail['files'][number]['mime'],
    role: f.role,
    messageId: f.messageId,
    uploaded: f.uploaded,
  }));
}

export const messagesOf = (r: ReportRow): ReportMessage[] => JSON.parse(r.messages) as ReportMessage[];
export const callsOf = (r: ReportRow): ReportCall[] => JSON.parse(r.calls) as ReportCall[];

/** `GET /v1/reports?childId=`: the reports of the caller's children (or one), newest first. */
export async function listReports(ctx: Ctx, caller: ParentCaller, childId: string | undefined): Promise<ReportSummary[]> {
  const children = childId
    ? [(await ownChild(ctx, caller.parentId, childId)).id]
    : (await ctx.store.accounts.listChildrenOfParent(caller.parentId)).map((c) => c.id);
  const out: ReportSummary[] = [];
  for (const child of children) {
    for (const r of await ctx.store.reports.listReportsBy(child)) if (r.aboutId !== caller.parentId) out.push(summaryOf(r));
  }
  return out.sort((x, y) => y.receivedAt - x.receivedAt || (x.reportId < y.reportId ? 1 : -1));
}

export async function reportDetail(ctx: Ctx, caller: ParentCaller, reportId: string): Promise<ReportDetail> {
  const r = await guardianReport(ctx.store, caller.parentId, reportId);
  return {
    summary: summaryOf(r),
    itemId: r.itemId,
    messages: messagesOf(r),
    calls: callsOf(r),
    files: filesOf(await ctx.store.reports.listReportFiles(r.id)),
  };
}

async function fileBytes(store: Store, reportId: string, hash: string): Promise<{ bytes: Buffer; mime: string }> {
  const file = await store.reports.getReportFileBytes(reportId, hash);
  if (!file) throw new HearthError(ErrorCode.NotFound, 'No such file in this report, or it is not uploaded yet.');
  return { bytes: Buffer.from(file.bytes), mime: file.mime };
}

export async function reportFile(
  ctx: Ctx,
  caller: ParentCaller,
  reportId: string,
  hash: string,
): Promise<{ bytes: Buffer; mime: string }> {
  await guardianReport(ctx.store, caller.parentId, reportId);
  return fileBytes(ctx.store, reportId, hash);
}

/** `POST /v1/reports/:id/unblock`: a guardian lifts the block the report made (the existing unblock). */
export async function unblockReport(ctx: Ctx, caller: ParentCaller, reportId: string): Promise<void> {
  const r = await guardianReport(ctx.store, caller.parentId, reportId);
  if (r.unblockedAt !== null) return;
  if (!r.blocked || r.aboutKind !== 'child') {
    throw new HearthError(ErrorCode.InvalidTransition, 'This report blocked nobody: there is nothing to unblock.');
  }
  const row = await ctx.store.friendships.getFriendshipByPair(r.reporterId, r.aboutId);
  if (row) {
    try {
      await actOnFriendship(ctx, caller, row.id, 'unblock');
    } catch (err) {
      // Already lifted another way: the report still records the choice.
      if (!(err instanceof HearthError) || err.code !== ErrorCode.InvalidTransition) throw err;
    }
  }
  await ctx.store.reports.markUnblocked(r.id, ctx.now());
}

/** `POST /v1/reports/:id/forward`: to the relay's moderators, with the guardian's note; once. */
export async function forwardReport(ctx: Ctx, caller: ParentCaller, reportId: string, note: string | undefined): Promise<void> {
  const r = await guardianReport(ctx.store, caller.parentId, reportId);
  await ctx.store.reports.markForwarded(r.id, ctx.now(), false, note?.trim() || null);
}

/**
 * `POST /v1/reports/:id/share`: to the reported child's guardians, who get a `child-was-reported`
 * notice. Once per report; a family shares at most {@link SHARES_PER_DAY} a day.
 */
export async function shareReport(ctx: Ctx, caller: ParentCaller, reportId: string): Promise<void> {
  const r = await guardianReport(ctx.store, caller.parentId, reportId);
  if (r.sharedAt !== null) return;
  if (r.aboutKind !== 'child') {
    throw new HearthError(ErrorCode.InvalidTransition, 'Only a report about a child can be sent to its grown-ups.');
  }
  const now = ctx.now();
  await ctx.store.transaction(async (tx) => {
    let shared = 0;
    for (const c of await tx.accounts.listChildrenOfParent(caller.parentId)) {
      shared += await tx.reports.countSharedSince(c.id, now - DAY);
    }
    if (shared >= SHARES_PER_DAY) {
      throw new HearthError(ErrorCode.RateLimited, 'Your family has sent enough reports to other families today.');
    }
    if (!(await tx.reports.markShared(r.id, now, caller.parentId))) return;
    // Nothing of the reporting family: no grown-up's name, no account; the report id only.
    await noticeGuardians({ ...ctx, store: tx }, { kind: 'child-was-reported', childId: r.aboutId, byId: null, reportId: r.id });
  });
}

/** The first word of a name: what the other family sees of the reporting child. */
const firstName = (name: string): string => name.trim().split(/\s+/)[0] || name;

/** `GET /v1/shared-reports`: reports other families shared about the caller's children. */
export async function listSharedReports(ctx: Ctx, caller: ParentCaller): Promise<SharedReport[]> {
  const out: SharedReport[] = [];
  for (const child of await ctx.store.accounts.listChildrenOfParent(caller.parentId)) {
    for (const r of await ctx.store.reports.listSharedAbout(child.id)) {
      out.push({
        reportId: r.id,
        childId: child.id as ChildId,
        childName: child.displayName,
        reporterFirstName: firstName(r.reporterName),
        reason: r.reason as ReportReason,
        madeAt: r.madeAt,
        sharedAt: r.sharedAt as number,
        messages: messagesOf(r),
        calls: callsOf(r),
        files: filesOf(await ctx.store.reports.listReportFiles(r.id)),
      });
    }
  }
  return out.sort((x, y) => y.sharedAt - x.sharedAt);
}

export async function sharedReportFile(
  ctx: Ctx,
  caller: ParentCaller,
  reportId: string,
  hash: string,
): Promise<{ bytes: Buffer; mime: string }> {
  const r = await ctx.store.reports.getReport(reportId);
  if (!r || r.sharedAt === null || !(await ctx.store.family.isGuardian(r.aboutId, caller.parentId))) throw notFound();
  return fileBytes(ctx.store, reportId, hash);
}
