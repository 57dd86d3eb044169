import type { EventEmitter } from 'node:events';
import { ErrorCode, HearthError, SUSPENSION_CATEGORIES, type SuspensionCategory } from '@hearth/common';
import type { RelayContext, RelayEventMap } from '../context';
import type { AuditRow } from './queries';
import { emailBanHash } from './emails';
import { noticeGuardians } from '../family/notices';
import { deleteChildAs } from '../family/grown-ups';
import { deleteGrownUpAccount } from '../family/delete-grown-up';
import {
  closeForwardedReport,
  listForwardedReports,
  readForwardedReport,
  readForwardedReportFile,
  setReportLegalHold,
  type ForwardedReportItem,
  type ForwardedReportView,
} from '../reports/moderator-read';

/** What a moderator's action needs (the relay's context, or the CLI's). */
export type ModerationCtx = Pick<RelayContext, 'store' | 'config' | 'now' | 'newId' | 'events' | 'mailer'>;

/** The audit log's actions. */
export type AuditAction =
  | 'create-moderator'
  | 'read-report'
  | 'read-report-file'
  | 'close-report'
  | 'set-legal-hold'
  | 'lift-legal-hold'
  | 'suspend'
  | 'lift-suspension'
  | 'close-account'
  | 'ban-email'
  | 'lift-ban';

type Subject = 'report' | 'account' | 'email-ban' | 'moderator';

async function audit(
  ctx: Pick<ModerationCtx, 'store' | 'now' | 'newId'>,
  moderatorId: string,
  action: AuditAction,
  subjectKind: Subject,
  subjectId: string,
  reason: string | null,
): Promise<void> {
  const row: AuditRow = { id: ctx.newId(), moderatorId, at: ctx.now(), action, subjectKind, subjectId, reason };
  await ctx.store.moderation.insertAudit(row);
}

export { audit as writeAudit };

const noAccount = (): HearthError => new HearthError(ErrorCode.NotFound, 'No such account on this relay.');

export function isSuspensionCategory(value: string): value is SuspensionCategory {
  return (SUSPENSION_CATEGORIES as readonly string[]).includes(value);
}

/** Forwarded reports only (the moderators never see the others). Reading one is logged. */
export async function listReports(ctx: ModerationCtx, includeClosed: boolean): Promise<ForwardedReportItem[]> {
  return listForwardedReports(ctx, { includeClosed });
}

export async function readReport(ctx: ModerationCtx, moderatorId: string, reportId: string): Promise<ForwardedReportView> {
  const view = await readForwardedReport(ctx, reportId);
  await audit(ctx, moderatorId, 'read-report', 'report', reportId, null);
  return view;
}

/** One uploaded file of a forwarded report (the evidence itself). Reading it is logged too. */
export async function readReportFile(
  ctx: ModerationCtx,
  moderatorId: string,
  reportId: string,
  hash: string,
): Promise<{ bytes: Buffer; mime: string }> {
  const file = await readForwardedReportFile(ctx, reportId, hash);
  await audit(ctx, moderatorId, 'read-report-file', 'report', reportId, hash);
  return file;
}

export async function closeReport(
  ctx: ModerationCtx,
  moderatorId: string,
  reportId: string,
  reason: string | null,
): Promise<void> {
  await closeForwardedReport(ctx, reportId);
  await audit(ctx, moderatorId, 'close-report', 'report', reportId, reason);
}

export async function setLegalHold(
  ctx: ModerationCtx,
  moderatorId: string,
  reportId: string,
  hold: boolean,
  reason: string | null,
): Promise<void> {
  await setReportLegalHold(ctx, reportId, hold);
  await audit(ctx, moderatorId, hold ? 'set-legal-hold' : 'lift-legal-hold', 'report', reportId, reason);
}

/**
 * Suspends a child or a grown-up (F16). A child then reaches only its own guardians (sends to
 * anyone else: ACCOUNT_SUSPENDED; friends see it offline and their messages are refused as for a
 * child whose consent lapsed), its sockets get the `suspension` frame and its guardians a
 * `child-suspended` notice with the category only. A grown-up can no longer sign in or use a
 * session (ACCOUNT_SUSPENDED); their live sockets close. `reason` is for moderators only.
 */
export async function suspendAccount(
  ctx: ModerationCtx,
  moderatorId: string,
  accountId: string,
  category: SuspensionCategory,
  reason: string,
): Promise<'child' | 'parent'> {
  const kind = await ctx.store.transaction(async (tx) => {
    const txCtx = { ...ctx, store: tx };
    const kind = await tx.family.accountKindOf(accountId);
    if (kind === undefined || (await tx.family.isDisabledOrGone(accountId))) throw noAccount();
    await tx.moderation.putSuspension({ accountId, category, reason, moderatorId, suspendedAt: ctx.now() });
    await audit(txCtx, moderatorId, 'suspend', 'account', accountId, `${category}: ${reason}`);
    if (kind === 'child') {
      await noticeGuardians(txCtx, { kind: 'child-suspended', childId: accountId, byId: null, category });
    }
    return kind;
  });
  await announceSuspension(ctx, accountId, kind, true, category);
  return kind;
}

export async function liftSuspension(
  ctx: ModerationCtx,
  moderatorId: string,
  accountId: string,
  reason: string | null,
): Promise<void> {
  const kind = await ctx.store.transaction(async (tx) => {
    const txCtx = { ...ctx, store: tx };
    if (!(await tx.moderation.deleteSuspension(accountId))) {
      throw new HearthError(ErrorCode.NotFound, 'That account is not suspended.');
    }
    const kind = await tx.family.accountKindOf(accountId);
    await audit(txCtx, moderatorId, 'lift-suspension', 'account', accountId, reason);
    if (kind === 'child') await noticeGuardians(txCtx, { kind: 'child-suspension-lifted', childId: accountId, byId: null });
    return kind;
  });
  if (kind !== undefined) await announceSuspension(ctx, accountId, kind, false, null);
}

/** Emits one of the relay's events (cluster-wide by default; `suspension-watch.ts` tells this instance only). */
export type EmitEvent = <K extends keyof RelayEventMap>(name: K, ...args: RelayEventMap[K]) => void;

/** Every instance learns it: the gates read the family facts again, the child's sockets are told, a grown-up's close. */
export async function announceSuspension(
  ctx: Pick<ModerationCtx, 'store' | 'now' | 'events'>,
  accountId: string,
  kind: 'child' | 'parent',
  suspended: boolean,
  category: SuspensionCategory | null,
  emit: EmitEvent = (name, ...args) => void (ctx.events as EventEmitter).emit(name, ...args),
): Promise<void> {
  if (kind === 'child') {
    emit('familyChanged', { childIds: [accountId] });
  } else {
    const children = (await ctx.store.accounts.listChildrenOfParent(accountId)).map((c) => c.id);
    if (children.length > 0) emit('familyChanged', { childIds: children });
    if (suspended) {
      for (const s of await ctx.store.sessions.listLiveParentSessions(accountId, ctx.now())) {
        emit('credentialsRevoked', { childIds: [], parentSessionId: s.id });
      }
    }
  }
  emit('suspensionChanged', { accountId, suspended, category });
}

/**
 * Closes an account for good: a child through the same path as a guardian's deletion (done by the
 * operator: nobody named); a grown-up with `deleteGrownUpAccount` (children for whom they are the
 * last guardian are deleted too). A ban of the email is a separate action.
 */
export async function closeAccount(
  ctx: ModerationCtx,
  moderatorId: string,
  accountId: string,
  reason: string,
): Promise<'child' | 'parent'> {
  const kind = await ctx.store.family.accountKindOf(accountId);
  if (kind === undefined) throw noAccount();
  if (kind === 'child') await deleteChildAs(ctx, accountId, null);
  else await deleteGrownUpAccount(ctx, accountId);
  await ctx.store.moderation.deleteSuspension(accountId);
  await audit(ctx, moderatorId, 'close-account', 'account', accountId, reason);
  return kind;
}

/**
 * Bans an email: kept only as its keyed hash; registering with it is refused (EMAIL_BANNED). An
 * existing account with that email is left as it is: suspending or closing it is the moderator's
 * own, separate decision (with its category), so a ban never acts on an account by surprise.
 * Returns whether an account has that email now (the CLI and API say so).
 */
export async function banEmail(
  ctx: ModerationCtx,
  moderatorId: string,
  email: string,
  reason: string,
): Promise<{ accountId: string | null }> {
  const hash = await emailBanHash(ctx.store, email);
  await ctx.store.moderation.putEmailBan(hash, moderatorId, ctx.now());
  await audit(ctx, moderatorId, 'ban-email', 'email-ban', hash.toString('hex'), reason);
  return { accountId: (await ctx.store.accounts.getParentByEmail(email.trim()))?.id ?? null };
}

export async function liftBan(ctx: ModerationCtx, moderatorId: string, email: string, reason: string | null): Promise<void> {
  const hash = await emailBanHash(ctx.store, email);
  if (!(await ctx.store.moderation.liftEmailBan(hash, ctx.now()))) {
    throw new HearthError(ErrorCode.NotFound, 'That email is not banned.');
  }
  await audit(ctx, moderatorId, 'lift-ban', 'email-ban', hash.toString('hex'), reason);
}
