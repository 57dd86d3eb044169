import { isActive } from '@hearth/common';
import type { RelayContext, RelayEventMap } from '../context';
import type { CachedFamilyFacts } from '../family/reach';
import { inGrace } from '../policy/consent-rule';
import { noticeReconsentRequested } from '../family/grown-up-notices';
import type { Connection, ConnectionRegistry } from './connection';
import type { Delivery } from '../messaging/delivery';
import type { Logger } from './logger';
import type { Presence } from './presence';

type Deps = Readonly<{
  ctx: RelayContext;
  facts: CachedFamilyFacts;
  registry: ConnectionRegistry;
  delivery: Pick<Delivery, 'resync'>;
  presence: Presence;
  log: Logger;
}>;

export type ReconsentWatch = Readonly<{
  /**
   * Right after the welcome: tells a child's socket when it waits for a grown-up's re-consent; a
   * guardian's socket (parent mode) gets a `reconsent-requested` notice per child whose new policy
   * version waits for their consent, once per version.
   */
  greet(conn: Connection): Promise<void>;
  /** A consent given or withdrawn: the children's sockets are told again, and what was held for them goes out. */
  onFamilyChanged(event: RelayEventMap['familyChanged'][0]): void;
  /** On the housekeeping timer (and each sweep): the moment the grace period ends, the children it affects are told. */
  tick(): void;
}>;

/**
 * Re-consent on the realtime side (F15). A child waiting for re-consent reaches only its
 * guardians; its friends' messages wait in the queue (`family/reconsent-hold.ts`) and are pushed
 * when a guardian consents (a resync of the child's sockets). The `reconsent` frame lets the PC
 * say so in kid words.
 */
export function createReconsentWatch(deps: Deps): ReconsentWatch {
  const { ctx, facts, registry, delivery, presence, log } = deps;
  let graceOver = !inGrace(ctx.consent);

  /** `onlyIfWaiting`: at the welcome, a child with nothing to wait for is sent nothing (the PC's default). */
  async function tell(conn: Connection, onlyIfWaiting = false): Promise<void> {
    const known = await facts.about([conn.accountId]);
    const waiting = known.awaitsReconsent(conn.accountId);
    if (waiting || !onlyIfWaiting) conn.send({ type: 'reconsent', waiting });
  }

  async function tellChild(childId: string): Promise<void> {
    for (const conn of registry.ofAccount(childId)) {
      if (conn.accountKind !== 'child') continue;
      await tell(conn);
      delivery.resync(conn);
    }
  }

  /**
   * The grace period just ended, on this instance's clock. Every instance runs this for its own
   * sockets (each on its own timer, and at once when it hears another's `familyChanged`): each
   * connected child that now waits is told, and each pair that the end closes (a waiting child
   * and a friend who is not its guardian, either of them connected here) goes offline for the
   * sockets here, the friend's as well as the child's.
   */
  async function graceEnded(): Promise<void> {
    const children = [
      ...new Set(
        registry
          .all()
          .filter((c) => c.accountKind === 'child')
          .map((c) => c.accountId),
      ),
    ];
    const waiting: string[] = [];
    const closed = new Set<string>();
    for (const childId of children) {
      const known = await facts.about([childId]);
      // Told below, once, by the `familyChanged` listener (`tellChild`), here and on every instance.
      if (known.awaitsReconsent(childId)) waiting.push(childId);
      for (const row of await ctx.store.friendships.listFriendshipsOf(childId)) {
        if (!isActive(row.state)) continue;
        const other = row.aId === childId ? row.bId : row.aId;
        const pair = await facts.about([childId, other]);
        const cut =
          (pair.awaitsReconsent(childId) && !pair.isGuardian(childId, other)) ||
          (pair.awaitsReconsent(other) && !pair.isGuardian(other, childId));
        const key = [childId, other].sort().join(':');
        if (!cut || closed.has(key)) continue;
        closed.add(key);
        await presence.pairChanged(childId, other, false);
      }
    }
    // Other caches (signaling's friend pairs) forget what they knew; other instances end it too.
    if (waiting.length > 0) ctx.events.emit('familyChanged', { childIds: waiting });
  }

  function tick(): void {
    if (graceOver || inGrace(ctx.consent)) return;
    graceOver = true;
    graceEnded().catch((err: unknown) => log.error({ err }, 'ending the re-consent grace period failed'));
  }

  return {
    async greet(conn) {
      if (conn.accountKind === 'child') await tell(conn, true);
      else
        await noticeReconsentRequested(ctx, conn.accountId).catch((err: unknown) =>
          log.error({ err }, 'telling a guardian of a policy change failed'),
        );
    },
    onFamilyChanged(event) {
      // Another instance that saw the grace period end says so this way: this one ends it now too.
      tick();
      for (const childId of event.childIds) {
        tellChild(childId).catch((err: unknown) => log.error({ err }, 'telling a child of its re-consent state failed'));
      }
    },
    tick,
  };
}
