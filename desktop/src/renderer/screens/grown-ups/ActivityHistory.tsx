import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FriendshipHistoryEntry } from '@hearth/common';

/** Blocks, unblocks and (once children can report) reports, with the child's stated reason. */
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
  return (
    <section className="activity-history" aria-label={t('activityView.historyTitle')}>
      <h4>{t('activityView.historyTitle')}</h4>
      {history.length === 0 && <p>{t('activityView.historyNone')}</p>}
      <ul className="plain-list">
        {history.map((e) => (
          <li key={`${e.at}-${e.contactId}-${e.action}`}>
            <time dateTime={new Date(e.at).toISOString()}>{date.format(e.at)}</time>: {line(e)}
            {e.reason && <> — {t('activityView.reason', { child, reason: e.reason })}</>}
          </li>
        ))}
      </ul>
      <p className="hint">{t('activityView.reportsLater')}</p>
    </section>
  );
}
