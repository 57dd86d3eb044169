import { SuspensionCategory } from './moderation';
import { Type, type Static } from 'typebox';
import {
  AccountIdSchema,
  ChildIdSchema,
  DisplayName,
  Email,
  InviteCodeSchema,
  ParentIdSchema,
  Timestamp,
  Ulid,
  closed,
} from './primitives';
import { AvatarId, ConsentInput, PolicyLanguage } from './accounts';

/**
 * The grown-ups of a child (issue 12). A child has one or more guardians (parents, co-parents in
 * another household), each with their own account; and any number of trusted grown-ups (a
 * grandparent, an aunt), who are contacts of the child and nothing more. Both join with a
 * single-use code that a guardian makes (valid 7 days), that the grown-up types after signing
 * in, and that the inviting guardian then confirms.
 */

export const GrownUpRole = Type.Union([Type.Literal('guardian'), Type.Literal('trusted')]);
export type GrownUpRole = Static<typeof GrownUpRole>;

/** `POST /v1/grown-up-invites`: a guardian invites another grown-up for one or more of their children. */
export const CreateGrownUpInviteBody = Type.Object(
  {
    role: GrownUpRole,
    childIds: Type.Array(ChildIdSchema, { minItems: 1, maxItems: 20, uniqueItems: true }),
    /** Where SMTP is configured the code is also emailed here; the answer is the same whatever the address. */
    email: Type.Optional(Email),
    /** A trusted grown-up's picture, as the children will see it (their guardian picks it). */
    avatar: Type.Optional(AvatarId),
    /** The language of the email. */
    lang: Type.Optional(PolicyLanguage),
  },
  closed,
);
export type CreateGrownUpInviteBody = Static<typeof CreateGrownUpInviteBody>;

/** What the invited grown-up typed, once they redeemed the code; what the inviter checks before confirming. */
export const GrownUpInvitee = Type.Object(
  {
    parentId: ParentIdSchema,
    displayName: DisplayName,
    email: Email,
    emailVerified: Type.Boolean(),
    accountCreatedAt: Timestamp,
  },
  closed,
);
export type GrownUpInvitee = Static<typeof GrownUpInvitee>;

export const GrownUpInviteState = Type.Union([
  /** Made, not yet typed in by anyone. */
  Type.Literal('waiting'),
  /** Typed in by a grown-up; the inviting guardian is asked to confirm. */
  Type.Literal('redeemed'),
  Type.Literal('confirmed'),
  Type.Literal('declined'),
  Type.Literal('cancelled'),
  Type.Literal('expired'),
]);
export type GrownUpInviteState = Static<typeof GrownUpInviteState>;

export const InviteChild = Type.Object({ childId: ChildIdSchema, displayName: DisplayName }, closed);

/** An invitation as the inviting guardian (and the other guardians of its children) see it. */
export const GrownUpInvite = Type.Object(
  {
    inviteId: Ulid,
    role: GrownUpRole,
    children: Type.Array(InviteChild),
    avatar: Type.Union([AvatarId, Type.Null()]),
    invitedBy: Type.Object({ parentId: ParentIdSchema, displayName: DisplayName }, closed),
    state: GrownUpInviteState,
    createdAt: Timestamp,
    expiresAt: Timestamp,
    /** Who typed the code in (state `redeemed` and after), else null. */
    invitee: Type.Union([GrownUpInvitee, Type.Null()]),
  },
  closed,
);
export type GrownUpInvite = Static<typeof GrownUpInvite>;

/** The answer to making an invitation: the code, shown once, to pass on. */
export const GrownUpInviteCreated = Type.Object(
  {
    invite: GrownUpInvite,
    /** e.g. `ACDE-FGHJ`; stored on the relay only as a hash. */
    code: InviteCodeSchema,
    /** True when the relay can send email and an address was given (never says whether an account has it). */
    emailSent: Type.Boolean(),
  },
  closed,
);
export type GrownUpInviteCreated = Static<typeof GrownUpInviteCreated>;

export const RedeemGrownUpInviteBody = Type.Object({ code: InviteCodeSchema }, closed);
export type RedeemGrownUpInviteBody = Static<typeof RedeemGrownUpInviteBody>;

/** What the invited grown-up sees after typing the code: who asked, for which children, and that it waits for confirmation. */
export const RedeemedGrownUpInvite = Type.Object(
  {
    inviteId: Ulid,
    role: GrownUpRole,
    children: Type.Array(InviteChild),
    invitedBy: Type.Object({ displayName: DisplayName }, closed),
    state: GrownUpInviteState,
    expiresAt: Timestamp,
  },
  closed,
);
export type RedeemedGrownUpInvite = Static<typeof RedeemedGrownUpInvite>;

/** `GET /v1/grown-up-invites`: what this grown-up sent (and their children's other guardians sent), and what they typed in. */
export const GrownUpInviteList = Type.Object(
  { sent: Type.Array(GrownUpInvite), redeemed: Type.Array(RedeemedGrownUpInvite) },
  closed,
);
export type GrownUpInviteList = Static<typeof GrownUpInviteList>;

/** `POST /v1/grown-up-invites/:id/confirm`: a new guardian may give consent in the same step later, from their own pane. */
export const ConfirmGrownUpInviteBody = Type.Object({}, closed);

export const Guardian = Type.Object(
  {
    parentId: ParentIdSchema,
    displayName: DisplayName,
    email: Email,
    emailVerified: Type.Boolean(),
    accountCreatedAt: Timestamp,
    guardianSince: Timestamp,
    /** Whether this guardian's consent to the relay's current policy version stands for this child. */
    consentsToCurrentPolicy: Type.Boolean(),
    /** The caller themself. */
    me: Type.Boolean(),
  },
  closed,
);
export type Guardian = Static<typeof Guardian>;

export const TrustedGrownUp = Type.Object(
  {
    parentId: ParentIdSchema,
    displayName: DisplayName,
    avatar: Type.Union([AvatarId, Type.Null()]),
    emailVerified: Type.Boolean(),
    trustedSince: Timestamp,
  },
  closed,
);
export type TrustedGrownUp = Static<typeof TrustedGrownUp>;

/** `GET /v1/children/:id/grown-ups`, for a guardian of the child only. */
export const ChildGrownUps = Type.Object(
  {
    childId: ChildIdSchema,
    guardians: Type.Array(Guardian),
    trusted: Type.Array(TrustedGrownUp),
    /** Covered: at least one guardian consents to the current policy version. */
    covered: Type.Boolean(),
  },
  closed,
);
export type ChildGrownUps = Static<typeof ChildGrownUps>;

export const ChildGrownUpParams = Type.Object({ id: ChildIdSchema, parentId: ParentIdSchema }, closed);
export const UpdateTrustedBody = Type.Object({ avatar: Type.Union([AvatarId, Type.Null()]) }, closed);
export type UpdateTrustedBody = Static<typeof UpdateTrustedBody>;

/** `POST /v1/children/:id/consents`: a guardian gives (or renews) their own consent for this child. */
export const GiveConsentBody = Type.Object({ consent: ConsentInput }, closed);
export type GiveConsentBody = Static<typeof GiveConsentBody>;

/** What every guardian of a child is told (in the pane, in parent mode, and by a `notice` frame at once). */
export const NOTICE_KINDS_TUPLE = [
  'friend-requested',
  'friend-approved',
  'friend-blocked',
  'friend-removed',
  'guardian-added',
  'guardian-removed',
  'trusted-added',
  'trusted-removed',
  'consent-given',
  'consent-withdrawn',
  'child-deleted',
  // Issue 14 §4: told to the grown-ups by a system notification on their parent-mode PC too.
  /** The child reported someone (the safety issue emits it through `noticeChildReported`). */
  'friend-reported',
  /** A computer with the child on it was signed out (`computerName` says which). */
  'device-signed-out',
  /** A new policy version waits for this guardian's consent for the child (F15). */
  'reconsent-requested',
  // Issue 15 (F11, F16).
  /** Another family's guardian shared a report about this child (`GET /v1/shared-reports`). */
  'child-was-reported',
  /** A moderator suspended the child (`category` says why, from a fixed list). */
  'child-suspended',
  /** A moderator lifted the child's suspension. */
  'child-suspension-lifted',
] as const;
export const NoticeKind = Type.Enum(NOTICE_KINDS_TUPLE);
export type NoticeKind = Static<typeof NoticeKind>;

export const Notice = Type.Object(
  {
    noticeId: Ulid,
    kind: NoticeKind,
    childId: ChildIdSchema,
    /** The child's name when it happened (kept after a deletion). */
    childName: DisplayName,
    /** The grown-up who did it, where one did (null: the child, the other family, the operator). */
    byName: Type.Union([DisplayName, Type.Null()]),
    /** The other account concerned (the friend, the guardian or trusted grown-up added or removed). */
    about: Type.Union([Type.Object({ accountId: AccountIdSchema, displayName: DisplayName }, closed), Type.Null()]),
    /** The computer's name, for `device-signed-out` only. */
    computerName: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** For `child-suspended` only: the category of the reason, never the moderator's notes. */
    category: Type.Optional(SuspensionCategory),
    /** For `friend-reported` and `child-was-reported`: the report it is about. */
    reportId: Type.Optional(Ulid),
    at: Timestamp,
  },
  closed,
);
export type Notice = Static<typeof Notice>;
export const NoticeList = Type.Object({ notices: Type.Array(Notice) }, closed);
export type NoticeList = Static<typeof NoticeList>;
