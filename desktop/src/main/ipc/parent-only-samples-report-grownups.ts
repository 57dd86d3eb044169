const REPORT = '01J0000000000000000000000R';
const HASH = 'a'.repeat(64);

/** Well-formed arguments for the reports' parent-only channels (issue 15). */
export const REPORT_GROWNUPS_PARENT_ONLY_SAMPLE_ARGS: Readonly<Record<string, unknown>> = {
  listChildReports: {},
  getChildReport: { reportId: REPORT },
  readChildReportFile: { reportId: REPORT, hash: HASH },
  unblockChildReport: { reportId: REPORT },
  forwardChildReport: { reportId: REPORT, note: 'Please look' },
  shareChildReport: { reportId: REPORT },
  listSharedReports: {},
  readSharedReportFile: { reportId: REPORT, hash: HASH },
};
