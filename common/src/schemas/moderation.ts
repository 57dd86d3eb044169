import { Type, type Static } from 'typebox';

/**
 * Moderation (F16): the fixed list of reasons a moderator gives when suspending or closing an
 * account. A suspended child's guardians are told the category only, never the reporter or the
 * moderator's notes. The moderation issue adds the admin API's schemas here.
 */
export const SUSPENSION_CATEGORIES = ['bullying', 'inappropriate-content', 'unsafe-contact', 'spam-or-scam', 'other'] as const;
export const SuspensionCategory = Type.Enum(SUSPENSION_CATEGORIES);
export type SuspensionCategory = Static<typeof SuspensionCategory>;
