import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityDetail } from '@hearth/common';

/** The numbers per day and per person, for everyone (and the chart's text for screen readers). */
export function ActivityTable({ name, detail }: Readonly<{ name: string; detail: ActivityDetail }>): ReactElement {
  const { t, i18n } = useTranslation();
  const names = new Map(detail.people.map((p) => [p.contactId, p.displayName]));
  const day = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (
    <table className="activity-table">
      <caption className="sr-only">{t('activityView.tableCaption', { name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('activityView.day')}</th>
          <th scope="col">{detail.timeSource === 'relay' ? t('activityView.time') : t('usageView.columnThisPc')}</th>
          <th scope="col">{t('activityView.sent')}</th>
          <th scope="col">{t('activityView.received')}</th>
          <th scope="col">{t('activityView.calls')}</th>
          <th scope="col">{t('activityView.callMinutes')}</th>
          <th scope="col">{t('activityView.games')}</th>
          <th scope="col">{t('activityView.people')}</th>
        </tr>
      </thead>
      <tbody>
        {detail.days.map((d) => (
          <tr key={d.day} data-day={d.day}>
            <th scope="row">{day.format(new Date(`${d.day}T12:00:00Z`))}</th>
            <td>{t('activityView.minutes', { count: d.minutesInHearth })}</td>
            <td>{d.sent}</td>
            <td>{d.received}</td>
            <td>{d.calls}</td>
            <td>{d.callMinutes}</td>
            <td>{d.games}</td>
            <td>
              <ul className="plain-list">
                {d.contacts.map((c) => (
                  <li key={c.contactId}>
                    {t('activityView.personLine', {
                      name: names.get(c.contactId) ?? t('activityView.someone'),
                      sent: c.sent,
                      received: c.received,
                      calls: c.calls,
                      minutes: c.callMinutes,
                    })}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
