import { Type, type Static } from 'typebox';
import { Sha256Hex } from '../schemas/message-content';
import { Ulid, closed } from '../schemas/primitives';
import { ReportPlace, ReportReason } from '../schemas/reports';
import { Done } from './models-app';
import type { ChannelSpec } from './channels';

/**
 * "Something's wrong" (F11), the child's side: the child reports a friend from a message, their
 * card, a game, a call or its end screen. Main builds the report from this PC's store alone,
 * hides the friend here at once, and keeps the report in a durable outbox until the relay has it.
 */
export const ReportSomethingArgs = Type.Object(
  {
    /** The account reported. */
    about: Ulid,
    reason: ReportReason,
    place: ReportPlace,
    /** The reported item: a message id (message), a game's match (`sessionId`), the call log's id (call, call-end); null for a card. */
    itemId: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
    /** The child's voice note, stored first with `addAttachment` (kind voice). */
    voiceNote: Type.Optional(Sha256Hex),
  },
  closed,
);
export type ReportSomethingArgs = Static<typeof ReportSomethingArgs>;

export const REPORT_CHILD_CHANNELS = {
  reportSomething: {
    access: 'profile',
    args: ReportSomethingArgs,
    result: Done,
    summary:
      "The active child reports someone (their own profile only): built on this PC, the friend hidden here at once, sent to the relay's report routes from a durable outbox; the answer is the same whatever happens next",
  },
} as const satisfies Record<string, ChannelSpec>;

/** The name of a report channel. */
export type ReportChildChannelName = keyof typeof REPORT_CHILD_CHANNELS;
