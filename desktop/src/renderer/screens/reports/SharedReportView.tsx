import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharedReport } from '@hearth/common';
import { Button } from '../../ui/Button';
import { Evidence } from './Evidence';
import type { ReportsApi } from './reports-api';

/** A report another family shared about my child: the reporting child's first name and the evidence; no reply. */
export function SharedReportView({
  api,
  report,
  onBack,
}: Readonly<{ api: ReportsApi; report: SharedReport; onBack: () => void }>): ReactElement {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <article className="card report-detail" data-shared-report={report.reportId} aria-labelledby="shared-detail-title">
      <Button icon="⬅️" onClick={onBack}>
        {t('pane.reports.back')}
      </Button>
      <h3 id="shared-detail-title">{t('pane.reports.shared.row', { child: report.childName })}</h3>
      <p>{t('pane.reports.shared.from', { reporter: report.reporterFirstName, when: when.format(report.sharedAt) })}</p>
      <p>
        <strong>{t('pane.reports.why', { reason: t(`pane.reports.reason.${report.reason}`) })}</strong>
      </p>
      <Evidence
        messages={report.messages}
        calls={report.calls}
        files={report.files}
        nameOf={(id) => (id === report.childId ? report.childName : report.reporterFirstName)}
        callee={report.reporterFirstName}
        loadFile={(hash) => api.sharedFile({ reportId: report.reportId, hash })}
      />
      <p className="muted">{t('pane.reports.shared.noReply', { child: report.childName })}</p>
    </article>
  );
}
