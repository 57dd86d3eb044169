import { Type, type Static } from 'typebox';

/**
 * Moderation (F16): the fixed list of reasons a moderator gives when suspending or closing an
 * account. A suspended child's guardians are told the category only, never the reporter or the
 * moderator's notes. The moderation issue adds the admin API's schemas here.
 */
export const SUSPENSION_CATEGORIES = ['bullying', 'inappropriate-content', 'unsafe-contact', 'spam-or-scam', 'other'] as const;
export const SuspensionCategory = Type.Enum(SUSPENSION_CATEGORIES);
export type SuspensionCategory = Static<typeof SuspensionCategory>;

/**
 * Since 0.3.0: to a child's own sockets, at hello while suspended and at every change: whether a
 * moderator suspended the child (F16). A suspended child reaches only its own grown-ups; its PC
 * says so in kid words. `category` is the fixed-list reason (null when not suspended).
 */
export const WsSuspensionFrame = Type.Object(
  {
    type: Type.Literal('suspension'),
    suspended: Type.Boolean(),
    category: Type.Union([SuspensionCategory, Type.Null()]),
  },
  { additionalProperties: false },
);
export type WsSuspensionFrame = Static<typeof WsSuspensionFrame>;
