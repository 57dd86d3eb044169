import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DailySummaryContent } from '@hearth/common';

/** A child's counts-only daily summary, as a grown-up's own PC shows it (issue 14, F10). */
export function DailySummaryView({ c }: Readonly<{ c: DailySummaryContent }>): ReactElement {
  const { t, i18n } = useTranslation();
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${c.day}T12:00:00Z`),
  );
  return (
    <div className="bubble-text daily-summary">
      <p>
        <strong>{t('activityView.summaryTitle', { day, pc: c.pcName })}</strong>
      </p>
      <p>
        {t('activityView.summaryLine', {
          minutes: c.minutesInHearth,
          sent: c.sent,
          received: c.received,
          calls: c.calls,
          callMinutes: c.callMinutes,
          people: c.people,
        })}
      </p>
    </div>
  );
}
