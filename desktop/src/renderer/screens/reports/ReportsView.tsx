import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult, Notice, NoticeList } from '@hearth/common';
import { useHearthEvent } from '../../app/use-event';
import { useLoad } from '../../app/use-load';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { ReportDetailView } from './ReportDetailView';
import { SharedReportView } from './SharedReportView';
import type { ReportTarget, ReportsApi } from './reports-api';
import './reports.css';

/** Each child's latest pause or lift, from "What happened": the category only, never more. */
function pausedChildren(notices: readonly Notice[]): Notice[] {
  const latest = new Map<string, Notice>();
  for (const n of [...notices].sort((a, b) => a.at - b.at)) {
    if (n.kind === 'child-suspended' || n.kind === 'child-suspension-lifted') latest.set(n.childId, n);
  }
  return [...latest.values()].filter((n) => n.kind === 'child-suspended');
}

/** A child of mine paused by Hearth's moderators, with the category in grown-up words. */
function Pauses({ notices }: Readonly<{ notices: readonly Notice[] }>): ReactElement | null {
  const { t } = useTranslation();
  const paused = pausedChildren(notices);
  if (paused.length === 0) return null;
  return (
    <section aria-labelledby="report-pauses-title" className="report-pauses">
      <h3 id="report-pauses-title">{t('pane.reports.suspension.title')}</h3>
      <ul>
        {paused.map((n) => (
          <li key={n.childId} className="card" data-paused={n.childId}>
            {t('pane.reports.suspension.paused', {
              child: n.childName,
              category: t(`pane.reports.suspension.category.${n.category ?? 'other'}`),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export type ReportsViewProps = Readonly<{
  api: ReportsApi;
  /** "What happened", for pauses (`child-suspended` notices). */
  notices: () => Promise<IpcResult<NoticeList>>;
  /** A report to open at once (from a notice). */
  open?: ReportTarget | null;
  /** Parent mode: nothing at all when there is no report, shared report or pause (a trusted grown-up's PC). */
  hideWhenEmpty?: boolean;
}>;

/** The reports of my children, the reports shared about them, and pauses: a list, then one report. */
export function ReportsView({ api, notices, open = null, hideWhenEmpty = false }: ReportsViewProps): ReactElement | null {
  const { t, i18n } = useTranslation();
  const mine = useLoad(() => api.list(), []);
  const shared = useLoad(() => api.shared(), []);
  const told = useLoad(notices, []);
  const [target, setTarget] = useState<ReportTarget | null>(open);
  useEffect(() => {
    if (open) setTarget(open);
  }, [open]);
  // A new report or pause while the list is open: ask again.
  useHearthEvent('notice', () => {
    mine.reload();
    shared.reload();
    told.reload();
  });
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  if (target?.kind === 'mine')
    return <ReportDetailView api={api} reportId={target.reportId} onBack={() => setTarget(null)} onChanged={mine.reload} />;
  const sharedOne = target?.kind === 'shared' ? shared.value?.reports.find((r) => r.reportId === target.reportId) : undefined;
  if (sharedOne) return <SharedReportView api={api} report={sharedOne} onBack={() => setTarget(null)} />;

  const reports = mine.value?.reports ?? [];
  const about = shared.value?.reports ?? [];
  if (hideWhenEmpty && reports.length === 0 && about.length === 0 && pausedChildren(told.value?.notices ?? []).length === 0)
    return null;
  return (
    <section className="reports" aria-labelledby="reports-title">
      <h2 id="reports-title">{t('pane.reports.title')}</h2>
      <p>{t('pane.reports.lead')}</p>
      <Pauses notices={told.value?.notices ?? []} />
      <ErrorNote error={mine.error} />
      {mine.value && reports.length === 0 && <p className="muted">{t('pane.reports.none')}</p>}
      <ul className="report-list">
        {reports.map((r) => (
          <li key={r.reportId} className="card report-row" data-report={r.reportId}>
            <p>
              <strong>{t('pane.reports.row', { child: r.childName, about: r.about.displayName })}</strong>
              {' · '}
              {t(`pane.reports.reason.${r.reason}`)} <span className="muted">{when.format(r.madeAt)}</span>
            </p>
            <p className="report-tags">
              {r.state.forwardedAt !== null && (
                <span className="tag">
                  {r.state.forwardedAutomatically
                    ? t('pane.reports.state.autoForwarded')
                    : t('pane.reports.state.forwarded', { when: when.format(r.state.forwardedAt) })}
                </span>
              )}
              {r.state.sharedAt !== null && (
                <span className="tag">{t('pane.reports.state.shared', { when: when.format(r.state.sharedAt) })}</span>
              )}
              {r.state.unblockedAt !== null && (
                <span className="tag">{t('pane.reports.state.unblocked', { when: when.format(r.state.unblockedAt) })}</span>
              )}
            </p>
            <Button variant="primary" onClick={() => setTarget({ reportId: r.reportId, kind: 'mine' })}>
              {t('pane.reports.open', { about: r.about.displayName })}
            </Button>
          </li>
        ))}
      </ul>
      {about.length > 0 && (
        <>
          <h3>{t('pane.reports.shared.title')}</h3>
          <ul className="report-list">
            {about.map((r) => (
              <li key={r.reportId} className="card report-row" data-shared-report={r.reportId}>
                <p>
                  <strong>{t('pane.reports.shared.row', { child: r.childName })}</strong>{' '}
                  <span className="muted">{when.format(r.sharedAt)}</span>
                </p>
                <Button onClick={() => setTarget({ reportId: r.reportId, kind: 'shared' })}>
                  {t('pane.reports.shared.open', { child: r.childName })}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorNote error={shared.error} />
    </section>
  );
}
