import type { ReadableDB } from '@hearth/sqlite';
import { accountKindOf, guardianIdsOf, isCovered, isDisabledOrGone } from './queries';

/** What the gates need to know about accounts and children, cached (see {@link createFamilyFacts}). */
export type FamilyFacts = Readonly<{
  kindOf(accountId: string): 'parent' | 'child' | undefined;
  isGuardian(childId: string, parentId: string): boolean;
  /** Suspended or closed (or gone). */
  isDisabled(accountId: string): boolean;
  /** At least one guardian's consent to the current policy version stands. */
  isCovered(childId: string): boolean;
}>;

/**
 * The rule every gate applies first (issue 12): a child can always reach every one of its
 * guardians, and be reached by them, whatever applies to the child (quiet time, lapsed consent,
 * the child's own suspension), unless that grown-up's own account is suspended or closed.
 * Future restrictions go into {@link childRestricted}, never here.
 */
export function childAlwaysReaches(facts: FamilyFacts, childId: string, grownUpId: string): boolean {
  return facts.isGuardian(childId, grownUpId) && !facts.isDisabled(grownUpId);
}

/**
 * Whether something applies to the child now that keeps everyone but its guardians away: today a
 * lapsed consent (no guardian's consent to the current policy stands); later quiet time and the
 * child's own suspension.
 */
export function childRestricted(facts: FamilyFacts, childId: string): boolean {
  return !facts.isCovered(childId);
}

/**
 * Whether messages, presence and calls may pass between `x` and `y` as far as the children among
 * them are concerned (the friendship's own state is checked apart): each child is either
 * unrestricted or talking to one of its guardians.
 */
export function familyAllows(facts: FamilyFacts, x: string, y: string): boolean {
  for (const [child, other] of [
    [x, y],
    [y, x],
  ] as const) {
    if (facts.kindOf(child) !== 'child') continue;
    if (childAlwaysReaches(facts, child, other)) continue;
    if (childRestricted(facts, child)) return false;
  }
  return true;
}

export type CachedFamilyFacts = FamilyFacts &
  Readonly<{
    /** Forgets what is known of these children (a guardian or a consent changed). */
    invalidate(childIds: readonly string[]): void;
    /** Forgets everything (the periodic refresh; a disabled account). */
    clear(): void;
  }>;

const MAX_ENTRIES = 50_000;

/** {@link FamilyFacts} read from the database and kept in memory until invalidated. */
export function createFamilyFacts(db: ReadableDB, policyVersion: string): CachedFamilyFacts {
  const kinds = new Map<string, 'parent' | 'child' | undefined>();
  const children = new Map<string, Readonly<{ guardians: ReadonlySet<string>; covered: boolean }>>();
  const disabled = new Map<string, boolean>();

  function bounded<K, V>(map: Map<K, V>, key: K, value: V): V {
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(key, value);
    return value;
  }

  function child(childId: string): Readonly<{ guardians: ReadonlySet<string>; covered: boolean }> {
    const hit = children.get(childId);
    if (hit) return hit;
    return bounded(children, childId, {
      guardians: new Set(guardianIdsOf(db, childId)),
      covered: isCovered(db, childId, policyVersion),
    });
  }

  return {
    kindOf(accountId) {
      if (kinds.has(accountId)) return kinds.get(accountId);
      return bounded(kinds, accountId, accountKindOf(db, accountId));
    },
    isGuardian: (childId, parentId) => child(childId).guardians.has(parentId),
    isDisabled(accountId) {
      const hit = disabled.get(accountId);
      if (hit !== undefined) return hit;
      return bounded(disabled, accountId, isDisabledOrGone(db, accountId));
    },
    isCovered: (childId) => child(childId).covered,
    invalidate(childIds) {
      for (const id of childIds) children.delete(id);
    },
    clear() {
      kinds.clear();
      children.clear();
      disabled.clear();
    },
  };
}
