import { isActive } from '@hearth/common';
import type { RelayContext, RelayEventMap } from '../context';
import { familyAllows, type CachedFamilyFacts, type FamilyFacts } from '../family/reach';
import type { ConnectionRegistry } from './connection';
import type { Logger } from './logger';
import type { Presence } from './presence';

type Deps = Readonly<{
  ctx: RelayContext;
  facts: CachedFamilyFacts;
  presence: Presence;
  registry: ConnectionRegistry;
  log: Logger;
}>;

/** What `now` says, except about `childId`: what `old` said. */
function overlay(old: FamilyFacts, now: FamilyFacts, childId: string): FamilyFacts {
  const pick = (id: string): FamilyFacts => (id === childId ? old : now);
  return {
    kindOf: (id) => pick(id).kindOf(id),
    isGuardian: (child, parent) => pick(child).isGuardian(child, parent),
    isDisabled: (id) => pick(id).isDisabled(id),
    isCovered: (child) => pick(child).isCovered(child),
    awaitsReconsent: (child) => pick(child).awaitsReconsent(child),
    isSuspended: (child) => pick(child).isSuspended(child),
  };
}

/**
 * Issue 12's events on the realtime side. `familyChanged` (a consent given or withdrawn, a
 * guardian added or removed): the family facts are read again, and where that opens or closes a
 * pair (a child whose consent lapsed reaches only its guardians), each side sees the other come
 * online or go offline at once. `noticeCreated`: a `notice` frame to the guardian's live sockets.
 */
export function createFamilyEventHandlers(deps: Deps): Readonly<{
  onFamilyChanged: (event: RelayEventMap['familyChanged'][0]) => void;
  onNotice: (event: RelayEventMap['noticeCreated'][0]) => void;
}> {
  const { ctx, facts, presence, registry, log } = deps;
  return {
    onFamilyChanged(event) {
      // What the facts said before, taken now (before anything is awaited, the cache is still the old one)…
      const before = event.childIds.map((childId) => ({ childId, facts: facts.about([childId]) }));
      // …then forgotten at once: the next frame reads the new rules.
      facts.invalidate(event.childIds);
      const apply = async (): Promise<void> => {
        for (const { childId, facts: known } of before) {
          const old = await known;
          for (const row of await ctx.store.friendships.listFriendshipsOf(childId)) {
            if (!isActive(row.state)) continue;
            const other = row.aId === childId ? row.bId : row.aId;
            const now = await facts.about([childId, other]);
            const allowedBefore = familyAllows(overlay(old, now, childId), childId, other);
            const allowedNow = familyAllows(now, childId, other);
            if (allowedBefore !== allowedNow) await presence.pairChanged(childId, other, allowedNow);
          }
        }
      };
      apply().catch((err: unknown) => {
        facts.clear();
        log.error({ err }, 'applying a family change failed');
      });
    },
    onNotice(event) {
      for (const conn of registry.ofAccount(event.recipientId)) conn.send({ type: 'notice', notice: event.notice });
    },
  };
}
