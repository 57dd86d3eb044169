import { ErrorCode, HearthError, type GamesSwitch } from '@hearth/common';
import { ownChild } from '../accounts/service';
import type { RequestCaller } from '../auth/callers';
import type { RelayContext } from '../context';

type Ctx = Pick<RelayContext, 'store' | 'now' | 'events'>;

/**
 * A child's games switch (issue 16, F9): for one of the child's guardians, or a device credential of
 * that same child (its PC shows or hides games). Anyone else: NOT_FOUND, as for every child route.
 */
export async function getGames(ctx: Ctx, caller: RequestCaller, childId: string): Promise<GamesSwitch> {
  if (caller.kind === 'child') {
    if (caller.childId !== childId) throw new HearthError(ErrorCode.NotFound, 'No such child.');
  } else {
    await ownChild(ctx, caller.parentId, childId);
  }
  return { enabled: !(await ctx.store.games.areGamesOff(childId)) };
}

/**
 * Turns a child's games on or off; any one guardian of the child may. A change is told at once to
 * the child's sockets on every instance (`gamesChanged`, cluster-wide); the message path reads the
 * switch in each game move's own transaction, so nothing is cached that could lag.
 */
export async function putGames(ctx: Ctx, parentId: string, childId: string, body: GamesSwitch): Promise<GamesSwitch> {
  const changed = await ctx.store.transaction(async (tx) => {
    await ownChild({ store: tx }, parentId, childId);
    const wasOn = !(await tx.games.areGamesOff(childId));
    if (wasOn === body.enabled) return false;
    await tx.games.setGamesOff(childId, body.enabled ? null : { by: parentId, now: ctx.now() });
    return true;
  });
  if (changed) await ctx.events.announce('gamesChanged', { childId, enabled: body.enabled });
  return { enabled: body.enabled };
}
