import type { FriendshipView, GrownUpAttention } from '@hearth/common';
import type { ReadableDB } from '@hearth/sqlite';
import { listContacts } from '../db/child/queries/contacts';
import { listProfiles } from '../db/family/queries/profiles';
import type { ChildStores } from '../stores/child-stores';
import type { EventHub } from './event-hub';

/** A friendship that waits for this child's grown-up: both children said yes, their grown-up has not. */
export const waitsForGrownUp = (f: FriendshipView): boolean =>
  f.status === 'accepted-by-kid' && !f.myParentApproved && !f.iBlocked;

type Sources = Readonly<{
  familyDb: ReadableDB;
  stores: ChildStores;
  /** Children of this PC that the relay said wait for a grown-up's re-consent (F15), as it last said. */
  reconsentWaiting: ReadonlySet<string>;
}>;

/**
 * What counts towards the locked pane's badge, from what this PC holds (the pane's parent session
 * is not usable while it is locked). A new kind is one line here.
 */
export const ATTENTION_SOURCES: Readonly<Record<string, (s: Sources) => number>> = {
  'friend-requests': (s) =>
    listProfiles(s.familyDb)
      .filter((p) => p.kind === 'child')
      .reduce((n, p) => n + listContacts(s.stores.get(p.childId).db).filter((c) => waitsForGrownUp(c.friendship)).length, 0),
  // A child that reaches only its grown-ups until one of them agrees to the new privacy policy (issue 14 §5).
  reconsent: (s) => listProfiles(s.familyDb).filter((p) => p.kind === 'child' && s.reconsentWaiting.has(p.childId)).length,
};

export type AttentionService = Readonly<{
  get: () => GrownUpAttention;
  /** Counts again and tells the page when the count changed. */
  recount: () => void;
  /** The relay's `reconsent` frame for a child of this PC: it waits for a grown-up, or no longer. */
  reconsentChanged: (childId: string, waiting: boolean) => void;
}>;

/** The grown-ups' badge: how many things wait for a grown-up on this PC, as a count only. */
export function createAttentionService(
  deps: Omit<Sources, 'reconsentWaiting'> & Readonly<{ events: Pick<EventHub, 'emit'> }>,
): AttentionService {
  const reconsentWaiting = new Set<string>();
  const sources: Sources = { familyDb: deps.familyDb, stores: deps.stores, reconsentWaiting };
  const count = (): number => Object.values(ATTENTION_SOURCES).reduce((n, source) => n + source(sources), 0);
  let last: number | null = null;
  const service: AttentionService = Object.freeze({
    get(): GrownUpAttention {
      last = count();
      return { count: last };
    },
    recount(): void {
      const now = count();
      if (now === last) return;
      last = now;
      deps.events.emit('attentionChanged', { count: now });
    },
    reconsentChanged(childId: string, waiting: boolean): void {
      if (waiting) reconsentWaiting.add(childId);
      else reconsentWaiting.delete(childId);
      service.recount();
    },
  });
  return service;
}
