import type { ReportGrownupsChannelName } from '@hearth/common';
import type { ChannelFn } from './channel-impl';
import type { Services } from './services';

/** Reports' channels (spread into `channelImpl`): the pane's, parent mode's, the child's suspension. */
export function reportGrownupsChannelImpl(s: Services): { readonly [K in ReportGrownupsChannelName]: ChannelFn<K> } {
  const r = s.reportGrownups;
  return {
    listChildReports: () => r.pane.list(),
    getChildReport: (a) => r.pane.detail(a.reportId),
    readChildReportFile: (a) => r.pane.file(a),
    unblockChildReport: (a) => r.pane.unblock(a.reportId),
    forwardChildReport: (a) => r.pane.forward(a),
    shareChildReport: (a) => r.pane.share(a.reportId),
    listSharedReports: () => r.pane.shared(),
    readSharedReportFile: (a) => r.pane.sharedFile(a),
    listChildReportsAsMe: (_a, child) => r.asMe(child()).list(),
    getChildReportAsMe: (a, child) => r.asMe(child()).detail(a.reportId),
    readChildReportFileAsMe: (a, child) => r.asMe(child()).file(a),
    unblockChildReportAsMe: (a, child) => r.asMe(child()).unblock(a.reportId),
    forwardChildReportAsMe: (a, child) => r.asMe(child()).forward(a),
    shareChildReportAsMe: (a, child) => r.asMe(child()).share(a.reportId),
    listSharedReportsAsMe: (_a, child) => r.asMe(child()).shared(),
    readSharedReportFileAsMe: (a, child) => r.asMe(child()).sharedFile(a),
    getMySuspension: (_a, child) => r.mySuspension(child()),
  };
}
