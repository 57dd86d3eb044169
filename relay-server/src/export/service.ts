import type { ChildRelayExport } from '@hearth/common';
import { ownChild, toChild } from '../accounts/service';
import type { ParentCaller } from '../auth/callers';
import type { RelayContext } from '../context';
import { listDevices } from '../devices/service';
import { childGrownUps } from '../family/grown-ups';
import { listFriendships } from '../friendships/service';
import { consentHistoryOf } from '../policy/reconsent';
import { quietView } from '../quiet/service';

/**
 * `GET /v1/children/:id/export` (issue 15 §4): what the relay holds about a child, for one of the
 * child's guardians (anyone else: NOT_FOUND, as for every other child route). Built from the same
 * services as the pane's own views, so the export says exactly what the pane shows.
 */
export async function childRelayExport(
  ctx: RelayContext,
  caller: ParentCaller,
  childId: string,
  include: Readonly<{ games: boolean }> = { games: true },
): Promise<ChildRelayExport> {
  const { parentId } = caller;
  const row = await ownChild(ctx, parentId, childId);
  const devices = (await listDevices(ctx, parentId)).filter((d) => d.children.some((c) => c.childId === childId));
  return {
    exportedAt: ctx.now(),
    child: toChild(row),
    consents: await consentHistoryOf(ctx, parentId, childId),
    grownUps: await childGrownUps(ctx, parentId, childId),
    friendships: await listFriendships(ctx, caller, childId),
    devices,
    quiet: await quietView(ctx, parentId, childId),
    dailySummary: { enabled: await ctx.store.summaries.isDailySummaryOn(childId) },
    ...(include.games ? { games: { enabled: !(await ctx.store.games.areGamesOff(childId)) } } : {}),
    attachmentBytes: await ctx.store.attachments.accountAttachmentBytes(childId),
    heldMessages: (await ctx.store.messages.listHeldMessagesOf(childId)).map((m) => ({
      id: m.id,
      direction: m.senderId === childId ? ('from-child' as const) : ('to-child' as const),
      from: m.senderId,
      to: m.recipientId,
      kind: m.kind,
      content: JSON.parse(m.contentJson) as unknown,
      attachmentHash: m.attachmentHash,
      withheld: m.withheld,
      sentAt: m.createdAt,
      expiresAt: m.expiresAt,
    })),
    inviteCodes: (await ctx.store.friendInvites.listInvitesOf(childId)).map((i) => ({
      code: `${i.code.slice(0, 4)}-${i.code.slice(4)}`,
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
      redeemedAt: i.redeemedAt,
    })),
  };
}
