import type { Store } from '../store/port';
import type { FamilyFacts } from './reach';
import {
  awaitsReconsentNow,
  coveredNow,
  readConsentFacts,
  ruleOf,
  type ConsentFacts,
  type ConsentRule,
} from '../policy/consent-rule';

/**
 * The family facts of these accounts, read from the store for one answer (a friend list, a cache
 * miss). `familyAllows` asks only about accounts named here: one not named gets the safe answer
 * (disabled, not covered). Reads one after another, so it is right inside a transaction too.
 */
export async function readFamilyFacts(
  store: Store,
  consentRule: ConsentRule | string,
  accountIds: readonly string[],
): Promise<FamilyFacts> {
  const rule = ruleOf(consentRule);
  const kinds = new Map<string, 'parent' | 'child' | undefined>();
  const disabled = new Map<string, boolean>();
  const guardians = new Map<string, ReadonlySet<string>>();
  const consents = new Map<string, ConsentFacts>();
  const suspended = new Set<string>();
  for (const id of new Set(accountIds)) {
    const kind = await store.family.accountKindOf(id);
    kinds.set(id, kind);
    const suspension = await store.moderation.getSuspension(id);
    // A suspended grown-up counts as disabled; a suspended child reaches only its guardians (F16).
    disabled.set(id, (await store.family.isDisabledOrGone(id)) || (kind !== 'child' && suspension !== undefined));
    if (kind !== 'child') continue;
    if (suspension) suspended.add(id);
    guardians.set(id, new Set(await store.family.guardianIdsOf(id)));
    consents.set(id, await readConsentFacts(store, rule.version, id));
  }
  return {
    kindOf: (id) => kinds.get(id),
    isGuardian: (childId, parentId) => guardians.get(childId)?.has(parentId) ?? false,
    isDisabled: (id) => disabled.get(id) ?? true,
    isCovered: (childId) => {
      const consent = consents.get(childId);
      return consent !== undefined && coveredNow(rule, consent);
    },
    awaitsReconsent: (childId) => {
      const consent = consents.get(childId);
      return consent !== undefined && awaitsReconsentNow(rule, consent);
    },
    isSuspended: (childId) => suspended.has(childId),
  };
}
