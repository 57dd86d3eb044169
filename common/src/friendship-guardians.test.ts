import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FRIENDSHIP_ACTIONS,
  applyFriendshipAction,
  isActive,
  newFamilyLink,
  newFriendRequest,
  renewFriendRequest,
  resolveActor,
  type Caller,
  type FriendshipAction,
  type FriendshipActor,
  type Pair,
  type Side,
} from './friendship';

/**
 * The friendship model's property test (friendship.test.ts) with issue 12's families: several
 * guardians per child, any one of whom approves for the child, and trusted grown-ups, who are
 * contacts and never guardians.
 */

const parent = (side: Side): FriendshipActor => ({ role: 'parent', side });

// Consents drawn more often than endings and blocks, so that runs reach `active` (asserted below).
const ACTION_WEIGHTS: Record<FriendshipAction, number> = { confirm: 4, approve: 6, decline: 1, remove: 1, block: 1, unblock: 3 };
const actionArb: fc.Arbitrary<FriendshipAction> = fc.oneof(
  ...FRIENDSHIP_ACTIONS.map((action) => ({ weight: ACTION_WEIGHTS[action], arbitrary: fc.constant(action) })),
);

// Issue 12: a child may have several guardians, and trusted grown-ups who are never guardians.
const FAMILY_PAIR: Pair = {
  a: { childId: 'kid-a', guardianIds: ['mum-a', 'dad-a'] },
  b: { childId: 'kid-b', guardianIds: ['parent-b', 'co-parent-b', 'step-parent-b'] },
};
const FAMILY_CALLERS = {
  kidA: { kind: 'child', childId: 'kid-a' },
  kidB: { kind: 'child', childId: 'kid-b' },
  mumA: { kind: 'parent', parentId: 'mum-a' },
  dadA: { kind: 'parent', parentId: 'dad-a' },
  parentB: { kind: 'parent', parentId: 'parent-b' },
  coParentB: { kind: 'parent', parentId: 'co-parent-b' },
  stepParentB: { kind: 'parent', parentId: 'step-parent-b' },
  /** Kid a's trusted grown-up: a contact of the child, never a guardian. */
  granA: { kind: 'parent', parentId: 'gran-a' },
  /** Kid b's trusted grown-up. */
  auntB: { kind: 'parent', parentId: 'aunt-b' },
  wrongParent: { kind: 'parent', parentId: 'parent-c' },
  thirdKid: { kind: 'child', childId: 'kid-c' },
} as const satisfies Record<string, Caller>;
type FamilyCallerName = keyof typeof FAMILY_CALLERS;
const TRUSTED: readonly FamilyCallerName[] = ['granA', 'auntB'];

type FamilyStep =
  | Readonly<{ type: 'act'; caller: FamilyCallerName; action: FriendshipAction }>
  /** A new code exchanged over an ended pair, redeemed by this side. */
  | Readonly<{ type: 'renew'; side: Side }>;

const familyStepArb: fc.Arbitrary<FamilyStep> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      type: fc.constant('act' as const),
      caller: fc.constantFrom(...(Object.keys(FAMILY_CALLERS) as FamilyCallerName[])),
      action: actionArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('renew' as const), side: fc.constantFrom<Side>('a', 'b') }) },
);

describe('friendship state machine with several guardians per child and trusted grown-ups', () => {
  it('maps every guardian onto their child’s side, and a trusted grown-up onto nothing', () => {
    for (const name of ['mumA', 'dadA'] as const) expect(resolveActor(FAMILY_CALLERS[name], FAMILY_PAIR)).toEqual(parent('a'));
    for (const name of ['parentB', 'coParentB', 'stepParentB'] as const) {
      expect(resolveActor(FAMILY_CALLERS[name], FAMILY_PAIR)).toEqual(parent('b'));
    }
    for (const name of [...TRUSTED, 'wrongParent', 'thirdKid'] as const)
      expect(resolveActor(FAMILY_CALLERS[name], FAMILY_PAIR)).toBeNull();
  });

  it('is never active without both children and one guardian of each side (any of them), and a trusted grown-up never approves or unblocks', () => {
    let reachedActive = 0;
    let activeWithOneGuardianEach = 0;
    fc.assert(
      fc.property(fc.array(familyStepArb, { minLength: 1, maxLength: 80, size: 'max' }), (steps) => {
        let state = newFriendRequest();
        let kids = { a: false, b: true };
        let approvers: Record<Side, Set<string>> = { a: new Set(), b: new Set() };
        const blocked = { a: false, b: false };
        for (const step of steps) {
          if (step.type === 'renew') {
            if (!state.ended) continue;
            state = renewFriendRequest(state, step.side);
            kids = { a: step.side === 'a', b: step.side === 'b' };
            approvers = { a: new Set(), b: new Set() };
            continue;
          }
          const caller = FAMILY_CALLERS[step.caller];
          const actor = resolveActor(caller, FAMILY_PAIR);
          if (TRUSTED.includes(step.caller)) expect(actor).toBeNull();
          if (actor === null) continue;
          if (caller.kind === 'parent') expect(FAMILY_PAIR[actor.side].guardianIds).toContain(caller.parentId);
          const result = applyFriendshipAction(state, actor, step.action);
          if (!result.ok) continue;
          state = result.state;
          switch (step.action) {
            case 'confirm':
              kids[actor.side] = true;
              break;
            case 'approve':
              expect(caller.kind).toBe('parent');
              if (caller.kind === 'parent') approvers[actor.side].add(caller.parentId);
              break;
            case 'decline':
            case 'remove':
              kids = { a: false, b: false };
              approvers = { a: new Set(), b: new Set() };
              break;
            case 'block':
              blocked[actor.side] = true;
              break;
            case 'unblock':
              // Only a guardian of the blocking child lifts a block.
              expect(caller.kind).toBe('parent');
              if (caller.kind === 'parent') expect(FAMILY_PAIR[actor.side].guardianIds).toContain(caller.parentId);
              blocked[actor.side] = false;
              break;
            default: {
              const never: never = step.action;
              throw new Error(`unexpected action ${String(never)}`);
            }
          }
          if (isActive(state)) {
            expect(kids).toEqual({ a: true, b: true });
            expect(approvers.a.size).toBeGreaterThan(0);
            expect(approvers.b.size).toBeGreaterThan(0);
            expect(blocked).toEqual({ a: false, b: false });
            reachedActive += 1;
            if (approvers.a.size === 1 && approvers.b.size === 1) activeWithOneGuardianEach += 1;
          }
        }
      }),
      { numRuns: 400 },
    );
    expect(reachedActive).toBeGreaterThan(0);
    // One guardian of each side is enough: runs do get there with a single approver per side.
    expect(activeWithOneGuardianEach).toBeGreaterThan(0);
  });

  it('never lets a trusted grown-up change a family link, nor anyone else', () => {
    // A trusted grown-up's family link: side a is the grown-up, acting only for itself.
    const link: Pair = {
      a: { childId: 'gran-a', guardianIds: ['gran-a'] },
      b: { childId: 'kid-a', guardianIds: ['mum-a', 'dad-a'] },
    };
    const callers = Object.values(FAMILY_CALLERS) as Caller[];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...callers), fc.constantFrom(...FRIENDSHIP_ACTIONS)), { maxLength: 30 }),
        (steps) => {
          const state = newFamilyLink();
          for (const [caller, action] of steps) {
            const actor = resolveActor(caller, link);
            if (actor) expect(applyFriendshipAction(state, actor, action).ok).toBe(false);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
