import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_REASONS, type FriendshipHistoryEntry, type ReportReason } from '@hearth/common';

const isReportReason = (r: string): r is ReportReason => (REPORT_REASONS as readonly string[]).includes(r);

/**
 * Blocks, unblocks and reports, with the child's reason: the words they typed for a block, the
 * picture they picked for a report (kept as its id, shown in words).
 */
export function ActivityHistory({
  child,
  history,
  names,
}: Readonly<{ child: string; history: readonly FriendshipHistoryEntry[]; names: ReadonlyMap<string, string> }>): ReactElement {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const line = (e: FriendshipHistoryEntry): string => {
    const name = names.get(e.contactId) ?? t('activityView.someone');
    switch (e.action) {
      case 'block':
        return e.by === 'child'
          ? t('activityView.blockedByChild', { child, name })
          : t('activityView.blockedByGrownUp', { name });
      case 'unblock':
        return e.by === 'child' ? t('activityView.unblockedByChild', { child, name }) : t('activityView.unblocked', { name });
      case 'report':
        return t('activityView.reported', { child, name });
      default: {
        const never: never = e.action;
        return never;
      }
    }
  };
  const why = (e: FriendshipHistoryEntry): string | null => {
    if (!e.reason) return null;
    if (e.action === 'report' && isReportReason(e.reason))
      return t('activityReports.why', { child, reason: t(`pane.reports.reason.${e.reason}`) });
    return t('activityView.reason', { child, reason: e.reason });
  };
  return (
    <section className="activity-history" aria-label={t('activityView.historyTitle')}>
      <h4>{t('activityView.historyTitle')}</h4>
      {history.length === 0 && <p>{t('activityView.historyNone')}</p>}
      <ul className="plain-list">
        {history.map((e) => (
          <li key={`${e.at}-${e.contactId}-${e.action}`}>
            <time dateTime={new Date(e.at).toISOString()}>{date.format(e.at)}</time>: {line(e)}
            {why(e) !== null && <> — {why(e)}</>}
          </li>
        ))}
      </ul>
      <p className="hint">{t('activityReports.hint')}</p>
    </section>
  );
}
