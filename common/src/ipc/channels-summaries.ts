import { Type, type Static } from 'typebox';
import { DailySummaryContent } from '../schemas/message-content';
import { ChildIdSchema, Timestamp, Ulid, closed } from '../schemas/primitives';
import { DailySummarySetting } from '../schemas/summaries';
import { NoArgs } from './models-app';
import type { ChannelSpec } from './channels';

/**
 * The daily summary (issue 14, F10) after its opt-in: the child's own screens read whether it is
 * on (the child is told); parent mode on a guardian's own PC lists the summaries each of the
 * child's PCs sent, counts only.
 */

export const DailySummariesArgs = Type.Object({ childId: ChildIdSchema }, closed);
export type DailySummariesArgs = Static<typeof DailySummariesArgs>;

/** One received summary: the message it came in, when it arrived here, and its counts. */
export const ReceivedDailySummary = Type.Object({ messageId: Ulid, receivedAt: Timestamp, summary: DailySummaryContent }, closed);
export type ReceivedDailySummary = Static<typeof ReceivedDailySummary>;

/** Newest day first (then newest message); at most the last 60. */
export const DailySummaryList = Type.Object({ summaries: Type.Array(ReceivedDailySummary, { maxItems: 60 }) }, closed);
export type DailySummaryList = Static<typeof DailySummaryList>;

export const SUMMARY_CHANNELS = {
  getMyDailySummary: {
    access: 'profile',
    args: NoArgs,
    result: DailySummarySetting,
    summary: 'Whether my grown-ups get a count of my day from this computer (the active child; read-only)',
  },
  listDailySummariesAsMe: {
    access: 'profile',
    args: DailySummariesArgs,
    result: DailySummaryList,
    summary: 'In parent mode on my own PC: the daily summaries my child’s PCs sent me (counts only)',
  },
} as const satisfies Record<string, ChannelSpec>;

/** The name of a daily-summary channel. */
export type SummaryChannelName = keyof typeof SUMMARY_CHANNELS;
