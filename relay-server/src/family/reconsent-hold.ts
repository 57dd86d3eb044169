import { childAlwaysReaches, childRestricted, type FamilyFacts } from './reach';

/**
 * Re-consent (F15): whether a message from `senderId` to `recipientId` waits in the queue rather
 * than being refused, because the recipient is a child whose guardians have not consented to the
 * new policy after its grace period, and nothing else keeps the pair apart. The message is stored
 * but not pushed, and delivered once a guardian consents. Quiet hours hold messages the same way:
 * kept apart so that both holds combine in one place.
 */
export function heldForReconsent(facts: FamilyFacts, senderId: string, recipientId: string): boolean {
  if (facts.kindOf(recipientId) !== 'child' || !facts.awaitsReconsent(recipientId)) return false;
  if (childAlwaysReaches(facts, recipientId, senderId)) return false;
  // The sender's own side must be open: a child sender may itself be kept apart.
  if (facts.kindOf(senderId) !== 'child') return !facts.isDisabled(senderId);
  return childAlwaysReaches(facts, senderId, recipientId) || !childRestricted(facts, senderId);
}

/**
 * Moderation (F16): whether the sender is a suspended child writing or calling someone other than
 * its own guardians: refused with ACCOUNT_SUSPENDED (kid words on the PC).
 */
export function sendSuspended(facts: FamilyFacts, senderId: string, recipientId: string): boolean {
  return facts.kindOf(senderId) === 'child' && facts.isSuspended(senderId) && !childAlwaysReaches(facts, senderId, recipientId);
}

/**
 * Re-consent (F15): whether the sender is a child waiting for its guardians' re-consent past the
 * grace period, writing or calling someone other than its own guardians: refused with
 * RECONSENT_REQUIRED (kid words on the PC), not as if the friend were gone.
 */
export function sendAwaitsReconsent(facts: FamilyFacts, senderId: string, recipientId: string): boolean {
  return (
    facts.kindOf(senderId) === 'child' && facts.awaitsReconsent(senderId) && !childAlwaysReaches(facts, senderId, recipientId)
  );
}
