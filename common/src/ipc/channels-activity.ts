import { Done, NoArgs } from './models-app';
import { AttachmentData } from './models-chat';
import { DailySummarySetting } from '../schemas/summaries';
import {
  ActivityDetail,
  ChildActivityArgs,
  SetDailySummaryArgs,
  ChildImageArgs,
  ImageLog,
  RemoveChildImageArgs,
} from './models-activity';
import type { ChannelSpec } from './channels';

/**
 * The 30-day activity view (issue 14, F10). The image log is its own step: listing it records
 * that a grown-up opened it, and the child is told; pictures are read one by one, and only those
 * of the child's own photo and video messages.
 */
export const ACTIVITY_CHANNELS = {
  getChildActivityDetail: {
    access: 'parent',
    args: ChildActivityArgs,
    result: ActivityDetail,
    summary: "A child's last 30 days: per day and per contact, block history, image-log opens",
  },
  openChildImageLog: {
    access: 'parent',
    args: ChildActivityArgs,
    result: ImageLog,
    summary: "A child's photos and video messages on this PC (the child is told it was opened)",
  },
  readChildImage: {
    access: 'parent',
    args: ChildImageArgs,
    result: AttachmentData,
    summary: 'One picture of the image log',
  },
  removeChildImage: {
    access: 'parent',
    args: RemoveChildImageArgs,
    result: Done,
    summary: "Remove a photo or video message from the child's history on this PC",
  },
  getDailySummary: {
    access: 'parent',
    args: ChildActivityArgs,
    result: DailySummarySetting,
    summary: "Whether the child's PCs send a counts-only summary each day (kept on the relay)",
  },
  setDailySummary: {
    access: 'parent',
    args: SetDailySummaryArgs,
    result: DailySummarySetting,
    summary: "Switch the child's counts-only daily summary on or off (the child is told)",
  },
  getMyActivityDetail: {
    access: 'profile',
    args: NoArgs,
    result: ActivityDetail,
    summary: 'What my grown-ups can see: my last 30 days',
  },
} as const satisfies Record<string, ChannelSpec>;

/** The name of an activity channel. */
export type ActivityChannelName = keyof typeof ACTIVITY_CHANNELS;
