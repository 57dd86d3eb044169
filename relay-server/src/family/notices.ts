import type { AccountId, ChildId, Notice, NoticeKind, SuspensionCategory } from '@hearth/common';
import { retentionMs } from '@hearth/common';
import type { RelayContext } from '../context';
import type { NoticeRow } from './queries';

/** `store`: the caller's transaction's store where there is one (`{ ...ctx, store: tx }`). */
type Ctx = Pick<RelayContext, 'store' | 'now' | 'newId' | 'events'>;

export type NoticeInput = Readonly<{
  kind: NoticeKind;
  childId: string;
  /** The grown-up who did it (null: the child, the other family, the operator). */
  byId: string | null;
  /** The other account concerned: the friend, the grown-up added or removed. */
  aboutId?: string | null;
  /** The computer's name, for `device-signed-out` (kept where `about`'s name would be). */
  computerName?: string;
  /** For `child-suspended`: the category of the reason (kept where `about`'s name would be), never the notes. */
  category?: SuspensionCategory;
  /** Who is told; default: every guardian of the child now. */
  recipients?: readonly string[];
  /** The report it is about (`friend-reported`, `child-was-reported`). */
  reportId?: string;
}>;

export function toNotice(r: NoticeRow): Notice {
  return {
    noticeId: r.id,
    kind: r.kind as NoticeKind,
    childId: r.childId as ChildId,
    childName: r.childName,
    byName: r.byName,
    about: r.aboutId !== null ? { accountId: r.aboutId as AccountId, displayName: r.aboutName ?? '?' } : null,
    ...(r.kind === 'device-signed-out' && r.aboutName !== null ? { computerName: r.aboutName } : {}),
    ...(r.reportId ? { reportId: r.reportId } : {}),
    ...(r.kind === 'child-suspended' && r.aboutName !== null ? { category: r.aboutName as SuspensionCategory } : {}),
    at: r.at,
  };
}

/** How long a notice is kept: the family's recent history, not a record (consents are the record). */
export const NOTICE_RETENTION_MS = retentionMs('familyNotices');

/**
 * Tells every guardian of a child (or `recipients`) what happened: a row each in `notices`, and a
 * `notice` frame at once to their live sockets (the `noticeCreated` event). Runs inside the
 * caller's transaction (pass its store as `ctx.store`), before anything that removes a recipient
 * (a deleted child's guardians).
 */
export async function noticeGuardians(ctx: Ctx, input: NoticeInput): Promise<void> {
  const family = ctx.store.family;
  const childName = await family.displayNameOf(input.childId);
  if (childName === undefined) return;
  const recipients = input.recipients ?? (await family.guardianIdsOf(input.childId));
  const byName = input.byId !== null ? ((await family.displayNameOf(input.byId)) ?? null) : null;
  const aboutId = input.aboutId ?? null;
  const aboutName =
    aboutId !== null ? ((await family.displayNameOf(aboutId)) ?? '?') : (input.computerName ?? input.category ?? null);
  const at = ctx.now();
  for (const recipientId of new Set(recipients)) {
    const row: NoticeRow = {
      id: ctx.newId(),
      kind: input.kind,
      childId: input.childId,
      childName,
      byName,
      byId: byName !== null ? input.byId : null,
      aboutId,
      aboutName,
      at,
      ...(input.reportId !== undefined ? { reportId: input.reportId } : {}),
    };
    // A grown-up's notices older than the retention go as new ones come.
    await family.insertNotice(recipientId, row, at - NOTICE_RETENTION_MS);
    ctx.events.emit('noticeCreated', { recipientId, notice: toNotice(row) });
  }
}

/** A grown-up's notices, newest first. */
export async function listNotices(ctx: Pick<RelayContext, 'store'>, parentId: string, limit: number): Promise<Notice[]> {
  return (await ctx.store.family.listNotices(parentId, limit)).map(toNotice);
}
