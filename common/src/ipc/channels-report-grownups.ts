import { Type, type Static } from 'typebox';
import { Ulid, closed } from '../schemas/primitives';
import { AttachmentMimeSchema, Sha256Hex } from '../schemas/message-content';
import { ReportDetail, ReportList, SharedReportList } from '../schemas/reports';
import { SuspensionCategory } from '../schemas/moderation';
import type { ChannelSpec } from './channels';

/**
 * Reports for guardians (issue 15, F11) and a suspended child's side (F16). The pane's channels act
 * with the signed-in guardian's session; the `...AsMe` ones with parent mode's session on the
 * grown-up's own PC. The relay decides who sees which report; main only carries its answers.
 */

export const ReportIdArgs = Type.Object({ reportId: Ulid }, closed);
export type ReportIdArgs = Static<typeof ReportIdArgs>;

export const ReportFileArgs = Type.Object({ reportId: Ulid, hash: Sha256Hex }, closed);
export type ReportFileArgs = Static<typeof ReportFileArgs>;

/** "Send to Hearth's moderators", with the grown-up's own note. */
export const ForwardReportArgs = Type.Object({ reportId: Ulid, note: Type.Optional(Type.String({ maxLength: 2000 })) }, closed);
export type ForwardReportArgs = Static<typeof ForwardReportArgs>;

/** One evidence file's bytes (a picture, a voice message, the child's voice note). */
export const ReportFileData = Type.Object({ mime: AttachmentMimeSchema, dataBase64: Type.String() }, closed);
export type ReportFileData = Static<typeof ReportFileData>;

/** Whether Hearth's moderators paused the active child's account (the relay's `suspension` frame). */
export const MySuspension = Type.Object(
  { suspended: Type.Boolean(), category: Type.Union([SuspensionCategory, Type.Null()]) },
  closed,
);
export type MySuspension = Static<typeof MySuspension>;

const NoArgs = Type.Object({}, closed);

export const REPORT_GROWNUPS_CHANNELS = {
  listChildReports: {
    access: 'parent',
    args: NoArgs,
    result: ReportList,
    summary: "The reports my children made (the relay's list for the signed-in guardian)",
  },
  getChildReport: {
    access: 'parent',
    args: ReportIdArgs,
    result: ReportDetail,
    summary: 'One report with its evidence: messages, call-log entries, which files it carries',
  },
  readChildReportFile: {
    access: 'parent',
    args: ReportFileArgs,
    result: ReportFileData,
    summary: "One of a report's files (a picture, a voice message, the child's voice note)",
  },
  unblockChildReport: {
    access: 'parent',
    args: ReportIdArgs,
    result: ReportDetail,
    summary: 'Unblock the reported child (an explicit choice); answers the report as it is now',
  },
  forwardChildReport: {
    access: 'parent',
    args: ForwardReportArgs,
    result: ReportDetail,
    summary: "Send the report to Hearth's moderators, with an optional note",
  },
  shareChildReport: {
    access: 'parent',
    args: ReportIdArgs,
    result: ReportDetail,
    summary: "Send the report to the other child's grown-ups (first name and evidence only; rate-limited)",
  },
  listSharedReports: {
    access: 'parent',
    args: NoArgs,
    result: SharedReportList,
    summary: 'Reports another family shared about my children',
  },
  readSharedReportFile: {
    access: 'parent',
    args: ReportFileArgs,
    result: ReportFileData,
    summary: "One of a shared report's files",
  },
  listChildReportsAsMe: {
    access: 'profile',
    args: NoArgs,
    result: ReportList,
    summary: 'In parent mode: the reports my children made',
  },
  getChildReportAsMe: { access: 'profile', args: ReportIdArgs, result: ReportDetail, summary: 'In parent mode: one report' },
  readChildReportFileAsMe: {
    access: 'profile',
    args: ReportFileArgs,
    result: ReportFileData,
    summary: "In parent mode: one of a report's files",
  },
  unblockChildReportAsMe: {
    access: 'profile',
    args: ReportIdArgs,
    result: ReportDetail,
    summary: 'In parent mode: unblock the reported child',
  },
  forwardChildReportAsMe: {
    access: 'profile',
    args: ForwardReportArgs,
    result: ReportDetail,
    summary: "In parent mode: send the report to Hearth's moderators",
  },
  shareChildReportAsMe: {
    access: 'profile',
    args: ReportIdArgs,
    result: ReportDetail,
    summary: "In parent mode: send the report to the other child's grown-ups",
  },
  listSharedReportsAsMe: {
    access: 'profile',
    args: NoArgs,
    result: SharedReportList,
    summary: 'In parent mode: reports another family shared about my children',
  },
  readSharedReportFileAsMe: {
    access: 'profile',
    args: ReportFileArgs,
    result: ReportFileData,
    summary: "In parent mode: one of a shared report's files",
  },
  getMySuspension: {
    access: 'profile',
    args: NoArgs,
    result: MySuspension,
    summary: 'Whether Hearth’s moderators paused the active child’s account, as the relay last said',
  },
} as const satisfies Record<string, ChannelSpec>;

/** The name of a reports channel. */
export type ReportGrownupsChannelName = keyof typeof REPORT_GROWNUPS_CHANNELS;
