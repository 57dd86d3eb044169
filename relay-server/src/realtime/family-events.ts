import { isActive } from '@hearth/common';
import type { RelayContext, RelayEventMap } from '../context';
import { listFriendshipsOf } from '../friendships/queries';
import { familyAllows, type CachedFamilyFacts } from '../family/reach';
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
      try {
        const pairs: [string, string, boolean][] = [];
        for (const childId of event.childIds) {
          for (const row of listFriendshipsOf(ctx.db, childId)) {
            if (!isActive(row.state)) continue;
            const other = row.aId === childId ? row.bId : row.aId;
            pairs.push([childId, other, familyAllows(facts, childId, other)]);
          }
        }
        facts.invalidate(event.childIds);
        for (const [childId, other, before] of pairs) {
          const after = familyAllows(facts, childId, other);
          if (after !== before) presence.pairChanged(childId, other, after);
        }
      } catch (err) {
        facts.clear();
        log.error({ err }, 'applying a family change failed');
      }
    },
    onNotice(event) {
      for (const conn of registry.ofAccount(event.recipientId)) conn.send({ type: 'notice', notice: event.notice });
    },
  };
}
