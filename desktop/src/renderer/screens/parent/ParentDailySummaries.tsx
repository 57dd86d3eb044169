import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildId, Friend, ReceivedDailySummary } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useHearthEvent } from '../../app/use-event';
import { useLoad } from '../../app/use-load';
import { ErrorNote } from '../../ui/ErrorNote';
import './daily-summaries.css';

/** One day from one of the child's PCs: its date, the PC's name, and the counts. */
function SummaryItem({ item }: Readonly<{ item: ReceivedDailySummary }>): ReactElement {
  const { t, i18n } = useTranslation();
  const c = item.summary;
  // The day is the child's local date: shown as that date, whatever this PC's zone.
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${c.day}T12:00:00Z`),
  );
  return (
    <li className="daily-summary-item" data-day={c.day}>
      <strong>{t('dailySummaries.entry', { day, pc: c.pcName })}</strong>
      <span>
        {[
          t('dailySummaries.minutes', { count: c.minutesInHearth }),
          t('dailySummaries.sent', { count: c.sent }),
          t('dailySummaries.received', { count: c.received }),
          t('dailySummaries.calls', { count: c.calls, minutes: c.callMinutes }),
          t('dailySummaries.people', { count: c.people }),
        ].join(' · ')}
      </span>
    </li>
  );
}

/** One child of mine: the summaries their PCs sent, newest day first. */
function ChildSummaries({ child }: Readonly<{ child: Friend }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const childId = child.friendship.friend.accountId as ChildId;
  const name = child.friendship.friend.displayName;
  const list = useLoad(() => hearth.listDailySummariesAsMe({ childId }), [childId]);
  useHearthEvent('message', (m) => {
    if (m.contactId === childId && m.content.kind === 'daily-summary') list.reload();
  });
  const items = list.value?.summaries ?? [];
  const headingId = `daily-summaries-${childId}`;
  return (
    <article className="card daily-summaries-card" data-child={childId} aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <ErrorNote error={list.error} />
      {list.value && items.length === 0 && <p>{t('dailySummaries.none', { name })}</p>}
      {items.length > 0 && (
        <ul className="daily-summary-list">
          {items.map((s) => (
            <SummaryItem key={s.messageId} item={s} />
          ))}
        </ul>
      )}
    </article>
  );
}

/**
 * Parent mode on a guardian's own PC (issue 14, F10): "Daily summaries", per child, each with
 * its date and the name of the PC that sent it. Counts only; a trusted grown-up gets none.
 */
export function ParentDailySummaries(): ReactElement | null {
  const { t } = useTranslation();
  const hearth = useHearth();
  const friends = useLoad(() => hearth.listFriends(), []);
  useHearthEvent('friendsChanged', friends.reload);
  const mine = (friends.value?.friends ?? []).filter(
    (f) => f.friendship.status === 'active' && f.friendship.friend.kind === 'child' && f.friendship.me.familyRole === 'guardian',
  );
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="daily-summaries-title" className="parent-daily-summaries">
      <h2 id="daily-summaries-title">{t('dailySummaries.title')}</h2>
      <p className="hint">{t('dailySummaries.intro')}</p>
      {mine.map((f) => (
        <ChildSummaries key={f.friendship.friend.accountId} child={f} />
      ))}
    </section>
  );
}
