import { Type, type Static } from 'typebox';
import { closed } from '../schemas/primitives';
import { NoArgs } from './models-app';
import type { ChannelSpec } from './channels';

/**
 * How many things wait for a grown-up on this PC (friend requests to approve, and later other
 * kinds), for the locked grown-ups' pane's badge. Only a count: the lock screen shows no names.
 */
export const GrownUpAttention = Type.Object({ count: Type.Integer({ minimum: 0 }) }, closed);
export type GrownUpAttention = Static<typeof GrownUpAttention>;

/**
 * A system notification for the grown-up at a parent-mode PC, with names only (never a message's
 * text). Main sends it to the page where the page shows it (the web host, in Chromium); under
 * Electron main shows it itself and never sends this.
 */
export const SystemNotification = Type.Object(
  {
    /** One per event: the page shows it as the notification's tag, so a repeat replaces it. */
    tag: Type.String({ minLength: 1, maxLength: 80 }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.String({ maxLength: 400 }),
  },
  closed,
);
export type SystemNotification = Static<typeof SystemNotification>;

/** The grown-ups' badge (issue 14). */
export const ATTENTION_CHANNELS = {
  getGrownUpAttention: {
    access: 'open',
    args: NoArgs,
    result: GrownUpAttention,
    summary: 'How many things wait for a grown-up on this PC (a count only, for the locked pane)',
  },
} as const satisfies Record<string, ChannelSpec>;
export type AttentionChannelName = keyof typeof ATTENTION_CHANNELS;
