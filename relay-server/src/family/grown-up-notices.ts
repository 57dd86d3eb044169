import type { RelayContext } from '../context';
import { noticeGuardians } from './notices';

/** `store`: the caller's transaction's store where there is one (`{ ...ctx, store: tx }`). */
type Ctx = Pick<RelayContext, 'store' | 'now' | 'newId' | 'events'>;

/**
 * The notices issue 14 adds for the grown-ups' system notifications (§4). Each goes to the
 * child's guardians only (a `notice` frame reaches their own parent-mode sockets, nobody else's)
 * and carries names only.
 */

/**
 * The child reported someone: only the reporting child's guardians are told (like a block, a
 * report never shows to the other side). The safety issue's report route calls this inside its
 * transaction; nothing else is needed for parent mode to notify.
 */
export async function noticeChildReported(
  ctx: Ctx,
  childId: string,
  reportedId: string,
  report: Readonly<{ reportId: string; recipients: readonly string[] }> | undefined = undefined,
): Promise<void> {
  await noticeGuardians(ctx, {
    kind: 'friend-reported',
    childId,
    byId: null,
    aboutId: reportedId,
    // A report about one of the child's guardians is never told to that guardian (issue 15).
    ...(report ? { reportId: report.reportId, recipients: report.recipients } : {}),
  });
}

/** A computer with these children on it was signed out: each child's guardians are told, with the computer's name. */
export async function noticeComputerSignedOut(
  ctx: Ctx,
  computer: Readonly<{ name: string; childIds: readonly string[]; byParentId: string }>,
): Promise<void> {
  for (const childId of new Set(computer.childIds)) {
    await noticeGuardians(ctx, {
      kind: 'device-signed-out',
      childId,
      byId: computer.byParentId,
      computerName: computer.name,
    });
  }
}

/**
 * A new policy version waits for this guardian's consent (F15): when their parent-mode socket
 * connects, they are told once per child and version (a notice already given since the version
 * was first served is not given again).
 */
export async function noticeReconsentRequested(ctx: Ctx & Pick<RelayContext, 'consent'>, parentId: string): Promise<void> {
  const waiting = await ctx.store.policies.childrenAwaitingReconsent(parentId, ctx.consent.version);
  if (waiting.length === 0) return;
  const told = new Set(
    (await ctx.store.family.listNotices(parentId, 200))
      .filter((n) => n.kind === 'reconsent-requested' && n.at >= ctx.consent.publishedAt)
      .map((n) => n.childId),
  );
  for (const childId of waiting) {
    if (told.has(childId)) continue;
    await noticeGuardians(ctx, { kind: 'reconsent-requested', childId, byId: null, recipients: [parentId] });
  }
}
