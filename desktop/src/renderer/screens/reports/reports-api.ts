import { createContext, useContext } from 'react';
import type {
  ForwardReportArgs,
  HearthApi,
  IpcResult,
  ReportDetail,
  ReportFileArgs,
  ReportFileData,
  ReportList,
  SharedReportList,
} from '@hearth/common';

/** The report channels one screen uses: the pane's (signed-in session) or parent mode's (`...AsMe`). */
export type ReportsApi = Readonly<{
  list: () => Promise<IpcResult<ReportList>>;
  detail: (reportId: string) => Promise<IpcResult<ReportDetail>>;
  file: (args: ReportFileArgs) => Promise<IpcResult<ReportFileData>>;
  unblock: (reportId: string) => Promise<IpcResult<ReportDetail>>;
  forward: (args: ForwardReportArgs) => Promise<IpcResult<ReportDetail>>;
  share: (reportId: string) => Promise<IpcResult<ReportDetail>>;
  shared: () => Promise<IpcResult<SharedReportList>>;
  sharedFile: (args: ReportFileArgs) => Promise<IpcResult<ReportFileData>>;
}>;

export function paneReportsApi(h: HearthApi): ReportsApi {
  return {
    list: () => h.listChildReports({}),
    detail: (reportId) => h.getChildReport({ reportId }),
    file: (a) => h.readChildReportFile(a),
    unblock: (reportId) => h.unblockChildReport({ reportId }),
    forward: (a) => h.forwardChildReport(a),
    share: (reportId) => h.shareChildReport({ reportId }),
    shared: () => h.listSharedReports({}),
    sharedFile: (a) => h.readSharedReportFile(a),
  };
}

export function parentModeReportsApi(h: HearthApi): ReportsApi {
  return {
    list: () => h.listChildReportsAsMe({}),
    detail: (reportId) => h.getChildReportAsMe({ reportId }),
    file: (a) => h.readChildReportFileAsMe(a),
    unblock: (reportId) => h.unblockChildReportAsMe({ reportId }),
    forward: (a) => h.forwardChildReportAsMe(a),
    share: (reportId) => h.shareChildReportAsMe({ reportId }),
    shared: () => h.listSharedReportsAsMe({}),
    sharedFile: (a) => h.readSharedReportFileAsMe(a),
  };
}

/** Which report to open: one the child made (`mine`) or one shared about the child (`shared`). */
export type ReportTarget = Readonly<{ reportId: string; kind: 'mine' | 'shared' }>;

/** Lets "What happened" open a report (the pane's Reports section, or parent mode's list). */
export const ReportOpener = createContext<((target: ReportTarget) => void) | null>(null);

export function useReportOpener(): ((target: ReportTarget) => void) | null {
  return useContext(ReportOpener);
}
