import { describe, expect, it } from 'vitest';
import { childAlwaysReaches, familyAllows, type FamilyFacts } from './reach';

/** A small world: kid (guardians mum, dad; gran trusted), a friend, and whatever the test says of coverage and suspensions. */
function facts(
  options: Readonly<{ covered?: boolean; friendCovered?: boolean; disabled?: readonly string[] }> = {},
): FamilyFacts {
  const kinds: Record<string, 'parent' | 'child'> = {
    kid: 'child',
    friend: 'child',
    mum: 'parent',
    dad: 'parent',
    gran: 'parent',
  };
  const guardians: Record<string, readonly string[]> = { kid: ['mum', 'dad'], friend: ['other'] };
  return {
    kindOf: (id) => kinds[id],
    isGuardian: (child, parent) => (guardians[child] ?? []).includes(parent),
    isDisabled: (id) => (options.disabled ?? []).includes(id),
    isCovered: (child) => (child === 'kid' ? (options.covered ?? true) : (options.friendCovered ?? true)),
    awaitsReconsent: () => false,
    isSuspended: () => false,
  };
}

describe('the family rules of the gates', () => {
  it('lets everything through for covered children', () => {
    for (const other of ['friend', 'mum', 'gran']) expect(familyAllows(facts(), 'kid', other)).toBe(true);
  });

  it('keeps an uncovered child to its guardians, both ways', () => {
    const f = facts({ covered: false });
    for (const guardian of ['mum', 'dad']) {
      expect(familyAllows(f, 'kid', guardian)).toBe(true);
      expect(familyAllows(f, guardian, 'kid')).toBe(true);
    }
    for (const other of ['friend', 'gran']) {
      expect(familyAllows(f, 'kid', other)).toBe(false);
      expect(familyAllows(f, other, 'kid')).toBe(false);
    }
  });

  it('keeps a covered child from a friend who is not covered', () => {
    expect(familyAllows(facts({ friendCovered: false }), 'kid', 'friend')).toBe(false);
  });

  it('lets a child reach every guardian whatever applies to it, unless that guardian’s account is suspended or closed', () => {
    expect(childAlwaysReaches(facts({ covered: false }), 'kid', 'dad')).toBe(true);
    expect(childAlwaysReaches(facts(), 'kid', 'gran')).toBe(false);
    const suspendedDad = facts({ covered: false, disabled: ['dad'] });
    expect(childAlwaysReaches(suspendedDad, 'kid', 'dad')).toBe(false);
    expect(familyAllows(suspendedDad, 'kid', 'dad')).toBe(false);
    expect(familyAllows(suspendedDad, 'kid', 'mum')).toBe(true);
  });
});
