import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityDetail } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useLoad } from '../../app/use-load';
import { ErrorNote } from '../../ui/ErrorNote';
import { ReadAloud } from '../../ui/ReadAloud';
import { PlayedGamesList } from '../games/PlayedGamesList';

const MORE = [
  { key: 'calls', icon: '📞' },
  { key: 'pictures', icon: '🖼️' },
  { key: 'blocks', icon: '⛔' },
  { key: 'games', icon: '🎲' },
  { key: 'summary', icon: '📊' },
] as const;

function MonthLine({ d }: Readonly<{ d: ActivityDetail['days'][number] }>): ReactElement {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  return (
    <li>
      <strong>{date.format(new Date(`${d.day}T12:00:00Z`))}:</strong>{' '}
      {t('seeMore.monthLine', {
        time: t('see.minutes', { count: d.minutesInHearth }),
        sent: d.sent,
        got: d.received,
        calls: d.calls,
      })}
    </li>
  );
}

/**
 * The rest of "What my grown-ups can see" (F10), in kid words: the same categories as the
 * pane's 30-day view, and a note each time a grown-up looked at the child's pictures or saved a
 * copy of their messages (issue 15).
 */
export function MyMonthSeen(): ReactElement {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  const detail = useLoad(() => hearth.getMyActivityDetail(), []);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' });
  const looks = detail.value?.imageLogOpenedAt ?? [];
  // Issue 15: each time a grown-up saved a copy of the child's Hearth.
  const copies = detail.value?.copiesSavedAt ?? [];
  return (
    <>
      <section aria-labelledby="see-more-heading" className="card">
        <h2 id="see-more-heading">{t('seeMore.title')}</h2>
        <ul className="icon-list">
          {MORE.map((s) => (
            <li key={s.key}>
              <span aria-hidden="true" className="icon-list-icon">
                {s.icon}
              </span>
              <span>{t(`seeMore.${s.key}`)}</span>
              <ReadAloud text={t(`seeMore.${s.key}`)} />
            </li>
          ))}
        </ul>
        <ErrorNote error={detail.error} />
        <ul className="see-notes" aria-label={t('seeMore.pictures')}>
          {detail.value && looks.length === 0 && <li>{t('seeMore.noLooks')}</li>}
          {looks.map((at) => (
            <li key={at} className="image-log-note">
              👀 {t('seeMore.lookedAt', { date: date.format(at) })}
            </li>
          ))}
          {copies.map((at) => (
            <li key={`copy-${at}`} className="copy-saved-note">
              💾 {t('kidExport.saved', { date: date.format(at) })}{' '}
              <ReadAloud text={t('kidExport.saved', { date: date.format(at) })} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="month-heading" className="card">
        <h2 id="month-heading">{t('seeMore.month')}</h2>
        {detail.value && (
          <p className="time-source" data-source={detail.value.timeSource}>
            {t(detail.value.timeSource === 'relay' ? 'usageKid.fromRelay' : 'usageKid.thisPc')}{' '}
            <ReadAloud text={t(detail.value.timeSource === 'relay' ? 'usageKid.fromRelay' : 'usageKid.thisPc')} />
          </p>
        )}
        {detail.value && detail.value.days.length === 0 && <p>{t('seeMore.nothing')}</p>}
        <ul className="day-list">
          {detail.value?.days.map((d) => (
            <MonthLine key={d.day} d={d} />
          ))}
        </ul>
        {detail.value && (
          <PlayedGamesList
            days={detail.value.days}
            names={new Map(detail.value.people.map((p) => [p.contactId, p.displayName]))}
            kid
          />
        )}
      </section>
    </>
  );
}
