import { Type, type Static } from 'typebox';
import { FRIENDSHIP_ACTIONS_TUPLE, type FriendshipStatus } from '../friendship';
import { AccountIdSchema, ChildIdSchema, DisplayName, InviteCodeSchema, Timestamp, Ulid, closed } from './primitives';
import { AvatarId } from './accounts';

export const CreateInviteBody = Type.Object(
  { childId: Type.Optional(ChildIdSchema) },
  { ...closed, description: 'childId is required when a parent makes the code for their child' },
);
export type CreateInviteBody = Static<typeof CreateInviteBody>;

export const Invite = Type.Object({ code: InviteCodeSchema, childId: ChildIdSchema, expiresAt: Timestamp }, closed);
export type Invite = Static<typeof Invite>;

export const RedeemInviteBody = Type.Object({ code: InviteCodeSchema }, closed);
export type RedeemInviteBody = Static<typeof RedeemInviteBody>;

export const FriendshipStatusSchema = Type.Enum([
  'requested',
  'accepted-by-kid',
  'active',
  'declined',
  'removed',
  'blocked',
] as const satisfies readonly FriendshipStatus[]);

export const FriendshipActionSchema = Type.Enum(FRIENDSHIP_ACTIONS_TUPLE);

export const FriendshipActionBody = Type.Object({ action: FriendshipActionSchema }, closed);
export type FriendshipActionBody = Static<typeof FriendshipActionBody>;

const Member = Type.Object(
  {
    accountId: AccountIdSchema,
    kind: Type.Union([Type.Literal('child'), Type.Literal('parent')]),
    displayName: DisplayName,
    parentDisplayName: Type.Union([DisplayName, Type.Null()]),
    /** A child's picture, or a trusted grown-up's picture as their guardian picked it (else null). */
    avatar: Type.Union([AvatarId, Type.Null()]),
    /**
     * Since 0.2.0 (optional: a 0.1.0 relay does not send it). For a grown-up in a family link: `guardian` (a parent of the child) or `trusted`
     * (a grandparent, an aunt: a contact and nothing more). Null for a child.
     */
    familyRole: Type.Optional(Type.Union([Type.Literal('guardian'), Type.Literal('trusted'), Type.Null()])),
    /**
     * Since 0.2.0. A child's guardians as the other family's grown-ups see them on the approval
     * screen: name, whether the email is verified and how old the account is. Empty for a grown-up.
     */
    guardians: Type.Optional(
      Type.Array(Type.Object({ displayName: DisplayName, emailVerified: Type.Boolean(), accountCreatedAt: Timestamp }, closed), {
        maxItems: 20,
      }),
    ),
  },
  closed,
);

/**
 * One friendship as one side sees it. `me` is the caller's own child (or, for a parent, which
 * of their children this is about); `friend` is the other side. The other side's block never shows.
 */
export const FriendshipView = Type.Object(
  {
    friendshipId: Ulid,
    kind: Type.Union([Type.Literal('friend'), Type.Literal('family')]),
    status: FriendshipStatusSchema,
    me: Member,
    friend: Member,
    myKidConfirmed: Type.Boolean(),
    friendKidConfirmed: Type.Boolean(),
    myParentApproved: Type.Boolean(),
    friendParentApproved: Type.Boolean(),
    iBlocked: Type.Boolean(),
    updatedAt: Timestamp,
  },
  closed,
);
export type FriendshipView = Static<typeof FriendshipView>;
export const FriendshipList = Type.Object({ friendships: Type.Array(FriendshipView) }, closed);
export const FriendshipListQuery = Type.Object({ childId: Type.Optional(ChildIdSchema) }, closed);
