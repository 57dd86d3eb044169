import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityDay, ActivityDetail, Friend } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useLoad } from '../../app/use-load';
import { ErrorNote } from '../../ui/ErrorNote';
import { ReadAloud } from '../../ui/ReadAloud';
import { Screen } from '../../ui/Screen';
import { MyMonthSeen } from './MyMonthSeen';

const SEES = [
  { key: 'friends', icon: '👫' },
  { key: 'time', icon: '⏰' },
  { key: 'who', icon: '💬' },
  { key: 'approve', icon: '✅' },
] as const;

/** Quiet time and daily time (issue 14), told the same way. */
const QUIET_SEES = [
  { key: 'quiet', icon: '🌙' },
  { key: 'daily', icon: '⏳' },
] as const;

const PROMISES = [
  { key: 'noStrangers', icon: '🚪' },
  { key: 'ownSpace', icon: '🗂️' },
  { key: 'noLocation', icon: '📍' },
] as const;

/** The same activity the grown-ups see, told to the child in kid words. */
function DayLine({
  day,
  names,
  minutes,
}: Readonly<{ day: ActivityDay; names: ReadonlyMap<string, string>; minutes: number }>): ReactElement {
  const { t, i18n } = useTranslation();
  const date = new Date(`${day.day}T12:00:00`);
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'long' }).format(date);
  const sent = day.counts['message-sent'] ?? 0;
  const got = day.counts['message-received'] ?? 0;
  const who = day.contacts.map((c) => names.get(c.contactId)).filter((n): n is string => Boolean(n));
  return (
    <li>
      <strong>{weekday}:</strong> {t('see.dayLine', { time: t('see.minutes', { count: minutes }), sent, got })}
      {who.length > 0 && <> {t('see.with', { names: new Intl.ListFormat(i18n.language).format(who) })}</>}
    </li>
  );
}

/**
 * The week's days: this PC's rows (with the names of whom the child talked to), and the days of
 * the last 7 on which only the relay counted time in Hearth (another PC), newest first.
 */
function weekDays(own: readonly ActivityDay[], month: readonly ActivityDetail['days'][number][]): ActivityDay[] {
  const since = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
  const have = new Set(own.map((d) => d.day));
  const relayOnly = month
    .filter((d) => d.day >= since && !have.has(d.day) && d.minutesInHearth > 0)
    .map((d) => ({
      day: d.day,
      minutesActive: d.minutesInHearth,
      counts: { 'message-sent': d.sent, 'message-received': d.received },
      contacts: [],
    }));
  return [...own, ...relayOnly].sort((a, b) => b.day.localeCompare(a.day));
}

/** Things told with a picture each, and a button that reads each one aloud. */
function IconList({ items }: Readonly<{ items: readonly { key: string; icon: string; text: string }[] }>): ReactElement {
  return (
    <ul className="icon-list">
      {items.map((s) => (
        <li key={s.key}>
          <span aria-hidden="true" className="icon-list-icon">
            {s.icon}
          </span>
          <span>{s.text}</span>
          <ReadAloud text={s.text} />
        </li>
      ))}
    </ul>
  );
}

/** "What my grown-ups can see": a page for the child, in kid words, with their own week. */
export function WhatGrownUpsSee({ friends, onBack }: Readonly<{ friends: readonly Friend[]; onBack: () => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const activity = useLoad(() => hearth.getMyActivity({ days: 7 }), []);
  // Time in Hearth is the relay's count (issue 14), as in the 30-day list below: the week's days
  // take it where it has the day, and this PC's own measure otherwise (offline).
  const detail = useLoad(() => hearth.getMyActivityDetail(), []);
  const inHearth = new Map((detail.value?.days ?? []).map((d) => [d.day, d.minutesInHearth] as const));
  const week = weekDays(activity.value?.days ?? [], detail.value?.days ?? []);
  // Told only when a grown-up switched the daily summary on (offline and never known: not shown).
  const summary = useLoad(() => hearth.getMyDailySummary(), []);
  const names = new Map(friends.map((f) => [f.friendship.friend.accountId, f.friendship.friend.displayName]));
  const intro = t('see.intro');
  return (
    <Screen
      name="what-grown-ups-see"
      title={t('see.title')}
      onBack={onBack}
      actions={<ReadAloud text={`${t('see.title')}. ${intro}`} />}
    >
      <p className="lead">{intro}</p>
      <section aria-labelledby="sees-heading" className="card">
        <h2 id="sees-heading">{t('see.canSee')}</h2>
        <IconList
          items={[
            ...SEES.map((s) => ({ ...s, text: t(`see.sees.${s.key}`) })),
            ...QUIET_SEES.map((s) => ({ ...s, text: t(`seeQuiet.${s.key}`) })),
            ...(summary.value?.enabled ? [{ key: 'daily-summary', icon: '📊', text: t('dailySummaries.kidLine') }] : []),
          ]}
        />
      </section>
      <MyMonthSeen />
      <section aria-labelledby="promises-heading" className="card">
        <h2 id="promises-heading">{t('see.promises')}</h2>
        <IconList items={PROMISES.map((s) => ({ ...s, text: t(`see.promise.${s.key}`) }))} />
      </section>
      <section aria-labelledby="week-heading" className="card">
        <h2 id="week-heading">{t('see.myWeek')}</h2>
        <ErrorNote error={activity.error} />
        {activity.value && week.length === 0 && <p>{t('see.nothingYet')}</p>}
        <ul className="day-list">
          {week.map((d) => (
            <DayLine key={d.day} day={d} names={names} minutes={inHearth.get(d.day) ?? d.minutesActive} />
          ))}
        </ul>
      </section>
    </Screen>
  );
}
