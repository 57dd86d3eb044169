import { Type, type Static } from 'typebox';
import { Child } from './accounts';
import { Device } from './devices';
import { ChildGrownUps } from './family';
import { FriendshipView } from './friendships';
import { closed, Timestamp } from './primitives';
import { QuietView } from './quiet';
import { ConsentHistory } from './reconsent';
import { GamesSwitch } from './games';

/** A message the relay holds, with what it holds of it: who, when, its kind and content as sent (issue 15 §4). */
export const HeldMessage = Type.Object(
  {
    id: Type.String(),
    direction: Type.Union([Type.Literal('from-child'), Type.Literal('to-child')]),
    from: Type.String(),
    to: Type.String(),
    kind: Type.String(),
    /** The content as the relay keeps it (JSON as sent; an attachment is named by its hash). */
    content: Type.Unknown(),
    attachmentHash: Type.Union([Type.String(), Type.Null()]),
    /** Kept for its sender's sake but never delivered (blocked, or the friendship ended). */
    withheld: Type.Boolean(),
    sentAt: Timestamp,
    expiresAt: Timestamp,
  },
  closed,
);
export type HeldMessage = Static<typeof HeldMessage>;

/** A friend code of the child the relay holds. */
export const HeldInviteCode = Type.Object(
  {
    code: Type.String(),
    createdAt: Timestamp,
    expiresAt: Timestamp,
    redeemedAt: Type.Union([Timestamp, Type.Null()]),
  },
  closed,
);
export type HeldInviteCode = Static<typeof HeldInviteCode>;

/**
 * `GET /v1/children/:id/export` (issue 15 §4, F12): everything the relay holds about a child, for
 * one of the child's guardians only. The desktop app writes it as `data/relay.json` in the
 * family's export, with the messages to and from the child the relay still holds (content
 * included: what it keeps until every device has them) and the child's friend codes.
 */
export const ChildRelayExport = Type.Object(
  {
    exportedAt: Timestamp,
    child: Child,
    consents: ConsentHistory,
    grownUps: ChildGrownUps,
    friendships: Type.Array(FriendshipView),
    /** The family's PCs that hold (or held) a credential of this child. */
    devices: Type.Array(Device),
    quiet: QuietView,
    dailySummary: Type.Object({ enabled: Type.Boolean() }, closed),
    /** Since 0.4.0 (to apps that read it): the child's games switch (issue 16). */
    games: Type.Optional(GamesSwitch),
    /** Bytes of pictures and videos the child uploaded that the relay still keeps. */
    attachmentBytes: Type.Integer({ minimum: 0 }),
    /** Messages to and from the child the relay still holds (waiting for a device, or kept for the sender), oldest first. */
    heldMessages: Type.Array(HeldMessage),
    /** The child's friend codes the relay still holds (used or not, until cleaned up). */
    inviteCodes: Type.Array(HeldInviteCode),
  },
  closed,
);
export type ChildRelayExport = Static<typeof ChildRelayExport>;
