/**
 * The friendship state machine. Pure functions, no I/O: the relay stores the state and asks
 * these functions what a caller may do; the desktop uses the same rules to read a status.
 *
 * A friendship joins two children, side `a` (who made the invite code) and side `b` (who
 * redeemed it). It is active only when both children confirmed and both children's parents
 * approved (one guardian of each child, any of them), each for their own child, and nobody has
 * blocked. A block is one-sided, immediate, survives a decline or removal and can only be lifted
 * by a guardian of the blocking child.
 */

export type Side = 'a' | 'b';
export type FriendshipKind = 'friend' | 'family';
export const FRIENDSHIP_ACTIONS_TUPLE = ['confirm', 'approve', 'decline', 'remove', 'block', 'unblock'] as const;
export type FriendshipAction = (typeof FRIENDSHIP_ACTIONS_TUPLE)[number];
export type FriendshipStatus = 'requested' | 'accepted-by-kid' | 'active' | 'declined' | 'removed' | 'blocked';

export const FRIENDSHIP_ACTIONS: readonly FriendshipAction[] = FRIENDSHIP_ACTIONS_TUPLE;

export type PerSide<T> = Readonly<Record<Side, T>>;

export type FriendshipState = Readonly<{
  kind: FriendshipKind;
  kidConfirmed: PerSide<boolean>;
  parentApproved: PerSide<boolean>;
  blockedBy: PerSide<boolean>;
  ended: 'declined' | 'removed' | null;
}>;

/** Who is acting, relative to the pair. Outsiders have no actor at all (see resolveActor). */
export type FriendshipActor = Readonly<{ role: 'kid' | 'parent'; side: Side }>;

export type TransitionResult = Readonly<{ ok: true; state: FriendshipState }> | Readonly<{ ok: false; reason: string }>;

const NO: PerSide<boolean> = { a: false, b: false };

export function otherSide(side: Side): Side {
  return side === 'a' ? 'b' : 'a';
}

/** A new request: side b redeemed side a's code, which counts as b's confirmation. */
export function newFriendRequest(): FriendshipState {
  return { kind: 'friend', kidConfirmed: { a: false, b: true }, parentApproved: NO, blockedBy: NO, ended: null };
}

/** A parent and their own child: active from the child's creation, not changeable by either. */
export function newFamilyLink(): FriendshipState {
  const yes = { a: true, b: true };
  return { kind: 'family', kidConfirmed: yes, parentApproved: yes, blockedBy: NO, ended: null };
}

/**
 * A fresh request over an ended pair (a new invite after a decline or removal). Consents start
 * again; blocks are kept, so a new code never undoes a block.
 */
export function renewFriendRequest(previous: FriendshipState, redeemer: Side): FriendshipState {
  return {
    ...previous,
    kidConfirmed: { a: redeemer === 'a', b: redeemer === 'b' },
    parentApproved: NO,
    ended: null,
  };
}

function set(per: PerSide<boolean>, side: Side, value: boolean): PerSide<boolean> {
  return side === 'a' ? { a: value, b: per.b } : { a: per.a, b: value };
}

function statusIgnoringBlocks(state: FriendshipState): FriendshipStatus {
  if (state.ended) return state.ended;
  const kids = state.kidConfirmed.a && state.kidConfirmed.b;
  if (kids && state.parentApproved.a && state.parentApproved.b) return 'active';
  return kids ? 'accepted-by-kid' : 'requested';
}

/** The true status, as the relay enforces it. */
export function friendshipStatus(state: FriendshipState): FriendshipStatus {
  if (state.blockedBy.a || state.blockedBy.b) return 'blocked';
  return statusIgnoringBlocks(state);
}

/**
 * The status as one side may see it: the other side's block is invisible, so a blocked child
 * cannot tell that they were blocked.
 */
export function friendshipStatusFor(state: FriendshipState, side: Side): FriendshipStatus {
  if (state.blockedBy[side]) return 'blocked';
  return statusIgnoringBlocks(state);
}

/** Messages, presence, calls and games may pass only when this is true. */
export function isActive(state: FriendshipState): boolean {
  return friendshipStatus(state) === 'active';
}

function refuse(reason: string): TransitionResult {
  return { ok: false, reason };
}

/** Applies one action by one actor. Never throws; a refusal says why. */
export function applyFriendshipAction(
  state: FriendshipState,
  actor: FriendshipActor,
  action: FriendshipAction,
): TransitionResult {
  if (state.kind === 'family') return refuse('a family link cannot be changed');
  const { side, role } = actor;
  switch (action) {
    case 'confirm':
      if (role !== 'kid') return refuse('only a child confirms a friend');
      if (state.ended) return refuse('this request has ended');
      return { ok: true, state: { ...state, kidConfirmed: set(state.kidConfirmed, side, true) } };
    case 'approve':
      if (role !== 'parent') return refuse('only a parent approves');
      if (state.ended) return refuse('this request has ended');
      if (!(state.kidConfirmed.a && state.kidConfirmed.b)) {
        return refuse('both children must confirm before the parents approve');
      }
      return { ok: true, state: { ...state, parentApproved: set(state.parentApproved, side, true) } };
    case 'decline':
      if (state.ended) return refuse('this request has ended');
      if (statusIgnoringBlocks(state) === 'active') return refuse('an active friendship is removed, not declined');
      return { ok: true, state: { ...state, kidConfirmed: NO, parentApproved: NO, ended: 'declined' } };
    case 'remove':
      if (state.ended) return refuse('this friendship has ended');
      return { ok: true, state: { ...state, kidConfirmed: NO, parentApproved: NO, ended: 'removed' } };
    case 'block':
      return { ok: true, state: { ...state, blockedBy: set(state.blockedBy, side, true) } };
    case 'unblock':
      if (role !== 'parent') return refuse("only the blocking child's parent lifts a block");
      if (!state.blockedBy[side]) return refuse('nothing to unblock');
      return { ok: true, state: { ...state, blockedBy: set(state.blockedBy, side, false) } };
    default: {
      const never: never = action;
      return refuse(`unknown action ${String(never)}`);
    }
  }
}

/** Someone who calls the relay: a child's device credential or a parent's session. */
export type Caller = Readonly<{ kind: 'child'; childId: string }> | Readonly<{ kind: 'parent'; parentId: string }>;

/**
 * One child of a pair and the grown-ups who act for it: its guardians (issue 12: one or more).
 * A trusted grown-up is never among them, so can never approve, decline for or unblock a child.
 */
export type PairMember = Readonly<{ childId: string; guardianIds: readonly string[] }>;
export type Pair = Readonly<{ a: PairMember; b: PairMember }>;

/**
 * Maps a caller onto a side of the pair, or null for anyone else (a third child, another
 * family's parent, a trusted grown-up). Any guardian of a child acts as that child's parent
 * (one guardian of each side approving is enough), and only for their own child.
 */
export function resolveActor(caller: Caller, pair: Pair): FriendshipActor | null {
  for (const side of ['a', 'b'] as const) {
    const member = pair[side];
    if (caller.kind === 'child' && caller.childId === member.childId) return { role: 'kid', side };
    if (caller.kind === 'parent' && member.guardianIds.includes(caller.parentId)) return { role: 'parent', side };
  }
  return null;
}
