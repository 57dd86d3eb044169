import type { Store } from '../store/port';
import {
  awaitsReconsentNow,
  coveredNow,
  readConsentFacts,
  ruleOf,
  type ConsentFacts,
  type ConsentRule,
} from '../policy/consent-rule';

/** What the gates need to know about accounts and children, cached (see {@link createCachedFamilyFacts}). */
export type FamilyFacts = Readonly<{
  kindOf(accountId: string): 'parent' | 'child' | undefined;
  isGuardian(childId: string, parentId: string): boolean;
  /** Suspended or closed (or gone). */
  isDisabled(accountId: string): boolean;
  /**
   * At least one guardian's consent to the current policy version stands, or to an earlier one
   * during the grace period of a policy change (see `policy/consent-rule.ts`).
   */
  isCovered(childId: string): boolean;
  /** The grace period of a policy change is over and no guardian has consented to the new version yet (F15). */
  awaitsReconsent(childId: string): boolean;
  /** A moderator suspended the child (F16): it reaches only its own guardians until lifted. */
  isSuspended(childId: string): boolean;
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
  return !facts.isCovered(childId) || facts.isSuspended(childId);
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

/** What the gates know of some accounts, read from the store (see {@link createCachedFamilyFacts}). */
export type CachedFamilyFacts = Readonly<{
  /**
   * The facts {@link familyAllows} needs about these accounts (their kinds and suspensions; each
   * child's guardians and coverage), from memory where known. Asking the answer about any other
   * account throws: load every account a rule looks at.
   */
  about(accountIds: readonly string[]): Promise<FamilyFacts>;
  /** The same from memory only: undefined unless every one of them is known and the cache is trusted. */
  peek(accountIds: readonly string[]): FamilyFacts | undefined;
  /** Forgets what is known of these children (a guardian or a consent changed). */
  invalidate(childIds: readonly string[]): void;
  /** Forgets everything (the periodic refresh; a disabled account; the bus came back). */
  clear(): void;
}>;

type AccountFacts = Readonly<{
  kind: 'parent' | 'child' | undefined;
  disabled: boolean;
  /** Children only. */
  guardians: ReadonlySet<string>;
  consent: ConsentFacts;
  /** Children only: a moderator's suspension stands. */
  suspended: boolean;
}>;

const MAX_ENTRIES = 50_000;

const ALWAYS_COVERED: ConsentFacts = { current: true, any: true };

async function loadAccount(store: Store, policyVersion: string, id: string): Promise<AccountFacts> {
  const [kind, gone, suspension] = await Promise.all([
    store.family.accountKindOf(id),
    store.family.isDisabledOrGone(id),
    store.moderation.getSuspension(id),
  ]);
  // A suspended grown-up counts as disabled: not even their own children reach them (F16).
  if (kind !== 'child')
    return { kind, disabled: gone || suspension !== undefined, guardians: new Set(), consent: ALWAYS_COVERED, suspended: false };
  const [guardians, consent] = await Promise.all([store.family.guardianIdsOf(id), readConsentFacts(store, policyVersion, id)]);
  return { kind, disabled: gone, guardians: new Set(guardians), consent, suspended: suspension !== undefined };
}

/**
 * The facts of some known accounts. A class, not an object of closures: `peek` makes one per
 * message on the send and push paths, so it costs one allocation and no function objects.
 * Coverage is judged on the consent rule's clock at each question (F15).
 */
class KnownFacts implements FamilyFacts {
  constructor(
    private readonly known: ReadonlyMap<string, AccountFacts>,
    private readonly rule: ConsentRule,
  ) {}

  private get(id: string): AccountFacts {
    const hit = this.known.get(id);
    if (!hit) throw new Error(`family facts about ${id} were not loaded`);
    return hit;
  }

  kindOf(id: string): AccountFacts['kind'] {
    return this.get(id).kind;
  }

  isGuardian(childId: string, parentId: string): boolean {
    return this.get(childId).guardians.has(parentId);
  }

  isDisabled(id: string): boolean {
    return this.get(id).disabled;
  }

  isCovered(childId: string): boolean {
    return coveredNow(this.rule, this.get(childId).consent);
  }

  awaitsReconsent(childId: string): boolean {
    return awaitsReconsentNow(this.rule, this.get(childId).consent);
  }

  isSuspended(childId: string): boolean {
    return this.get(childId).suspended;
  }
}

const factsOf = (known: ReadonlyMap<string, AccountFacts>, rule: ConsentRule): FamilyFacts => new KnownFacts(known, rule);

/**
 * {@link FamilyFacts} read through the store and kept in memory until invalidated, while
 * `trusted()` says the caches may be trusted (the bus is live: no `familyChanged` can have been
 * missed). Untrusted, every question reads the store and nothing is kept. A load that an
 * invalidation overtook (it started before) answers its caller but is not kept.
 */
export function createCachedFamilyFacts(
  store: Store,
  consentRule: ConsentRule | string,
  trusted: () => boolean = () => true,
): CachedFamilyFacts {
  const rule = ruleOf(consentRule);
  const policyVersion = rule.version;
  const accounts = new Map<string, AccountFacts>();
  let generation = 0;

  async function one(id: string): Promise<AccountFacts> {
    const hit = trusted() ? accounts.get(id) : undefined;
    if (hit) return hit;
    const started = generation;
    const loaded = await loadAccount(store, policyVersion, id);
    if (started === generation && trusted()) {
      if (accounts.size >= MAX_ENTRIES) accounts.clear();
      accounts.set(id, loaded);
    }
    return loaded;
  }

  return {
    async about(accountIds) {
      const ids = [...new Set(accountIds)];
      const loaded = await Promise.all(ids.map(one));
      return factsOf(new Map(ids.map((id, i) => [id, loaded[i] as AccountFacts])), rule);
    },
    peek(accountIds) {
      if (!trusted()) return undefined;
      const known = new Map<string, AccountFacts>();
      for (const id of accountIds) {
        const hit = accounts.get(id);
        if (!hit) return undefined;
        known.set(id, hit);
      }
      return factsOf(known, rule);
    },
    invalidate(childIds) {
      generation++;
      for (const id of childIds) accounts.delete(id);
    },
    clear() {
      generation++;
      accounts.clear();
    },
  };
}
