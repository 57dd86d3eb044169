import { Type, type Static } from 'typebox';
import { AvatarId, ConsentInput } from '../schemas/accounts';
import { CreateGrownUpInviteBody } from '../schemas/family';
import { ChildIdSchema, InviteCodeSchema, ParentIdSchema, Ulid, closed } from '../schemas/primitives';

/** A child's grown-ups (issue 12): the pane's "Grown-ups" part of one child. */
export const ChildGrownUpsArgs = Type.Object({ childId: ChildIdSchema }, closed);

/** One grown-up of one child: a guardian to remove (or myself, to leave), a trusted grown-up to remove. */
export const ChildGrownUpArgs = Type.Object({ childId: ChildIdSchema, parentId: ParentIdSchema }, closed);
export type ChildGrownUpArgs = Static<typeof ChildGrownUpArgs>;

export const UpdateTrustedArgs = Type.Object(
  { childId: ChildIdSchema, parentId: ParentIdSchema, avatar: Type.Union([AvatarId, Type.Null()]) },
  closed,
);
export type UpdateTrustedArgs = Static<typeof UpdateTrustedArgs>;

/** What the pane sends to make an invitation (the relay's body as is). */
export const CreateGrownUpInviteArgs = CreateGrownUpInviteBody;

export const RedeemGrownUpInviteArgs = Type.Object({ code: InviteCodeSchema }, closed);
export type RedeemGrownUpInviteArgs = Static<typeof RedeemGrownUpInviteArgs>;

/** What the inviting guardian does with an invitation: confirm or decline who typed it, or cancel it. */
export const GrownUpInviteAnswer = Type.Union([Type.Literal('confirm'), Type.Literal('decline'), Type.Literal('cancel')]);
export type GrownUpInviteAnswer = Static<typeof GrownUpInviteAnswer>;
export const AnswerGrownUpInviteArgs = Type.Object({ inviteId: Ulid, answer: GrownUpInviteAnswer }, closed);
export type AnswerGrownUpInviteArgs = Static<typeof AnswerGrownUpInviteArgs>;

export const GiveChildConsentArgs = Type.Object({ childId: ChildIdSchema, consent: ConsentInput }, closed);
export type GiveChildConsentArgs = Static<typeof GiveChildConsentArgs>;

/**
 * Deleting a child: the name typed again, checked in main too (a second, clear step), and the
 * grown-up's account password typed again, which the relay checks (issue 15 §3).
 */
export const DeleteChildArgs = Type.Object(
  {
    childId: ChildIdSchema,
    typedName: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  closed,
);
export type DeleteChildArgs = Static<typeof DeleteChildArgs>;
