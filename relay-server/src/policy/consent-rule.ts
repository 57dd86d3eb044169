import type { Store } from '../store/port';

/**
 * When a child is covered (F15): a current guardian's consent to the current policy version
 * stands, or, until the grace period after that version was first served ends, a consent to an
 * earlier version does. Evaluated on the relay's clock at each question, never cached as a yes.
 */
export type ConsentRule = Readonly<{
  /** The current policy version (`--policy-version`). */
  version: string;
  /** When this relay first served it (ms). */
  publishedAt: number;
  /** Until when (ms, exclusive) a consent to an earlier version still covers a child. */
  graceEndsAt: number;
  now: () => number;
}>;

/** What the store says of one child's consents. */
export type ConsentFacts = Readonly<{
  /** A current guardian's consent to the current version stands. */
  current: boolean;
  /** A current guardian's consent to any version stands (an earlier one, during the grace period). */
  any: boolean;
}>;

/** A rule with no grace at all: only a consent to `version` covers (tests and tools that name a version only). */
export function strictRule(version: string): ConsentRule {
  return { version, publishedAt: 0, graceEndsAt: 0, now: () => 0 };
}

/** `rule` as given, or {@link strictRule} of a bare version. */
export function ruleOf(rule: ConsentRule | string): ConsentRule {
  return typeof rule === 'string' ? strictRule(rule) : rule;
}

export function inGrace(rule: ConsentRule): boolean {
  return rule.now() < rule.graceEndsAt;
}

/** Covered now under `rule`. */
export function coveredNow(rule: ConsentRule, facts: ConsentFacts): boolean {
  return facts.current || (facts.any && inGrace(rule));
}

/**
 * Waits for a guardian's re-consent now: consent to an earlier version stands, none to the
 * current one, and the grace period is over. Such a child reaches only its grown-ups, and its
 * friends' messages wait in the queue (a child whose every consent was withdrawn is simply not
 * covered: nothing waits for it).
 */
export function awaitsReconsentNow(rule: ConsentRule, facts: ConsentFacts): boolean {
  return !facts.current && facts.any && !inGrace(rule);
}

export async function readConsentFacts(store: Store, version: string, childId: string): Promise<ConsentFacts> {
  const current = await store.family.isCovered(childId, version);
  return { current, any: current || (await store.policies.consentToAnyVersionStands(childId)) };
}

/**
 * Notes the current version as served (the first start that serves it starts its grace period,
 * kept across restarts and shared by every instance) and builds the rule.
 */
export async function openConsentRule(
  store: Store,
  config: Readonly<{ policyVersion: string; reconsentGraceMs: number }>,
  now: () => number,
): Promise<ConsentRule> {
  const publishedAt = await store.policies.notePolicySeen(config.policyVersion, now());
  return Object.freeze({ version: config.policyVersion, publishedAt, graceEndsAt: publishedAt + config.reconsentGraceMs, now });
}
