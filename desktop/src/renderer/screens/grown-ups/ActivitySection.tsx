import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildId, Profile } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useLoad } from '../../app/use-load';
import { ErrorNote } from '../../ui/ErrorNote';
import { ActivityChart } from './ActivityChart';
import { ActivityHistory } from './ActivityHistory';
import { ActivityTable } from './ActivityTable';
import { DailySummaryToggle } from './DailySummaryToggle';
import { GamesToggle } from './GamesToggle';
import { ImageLogView } from './ImageLogView';
import { TimeSourceNote } from './TimeSourceNote';

function ChildActivity({ profile }: Readonly<{ profile: Profile }>): ReactElement {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  // The pane lists children's profiles only, so this profile's id is a child's.
  const childId = profile.childId as ChildId;
  const report = useLoad(() => hearth.getChildActivityDetail({ childId }), [childId]);
  const detail = report.value;
  const names = new Map((detail?.people ?? []).map((p) => [p.contactId, p.displayName]));
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <div className="card" data-child={childId}>
      <h3>{profile.displayName}</h3>
      <ErrorNote error={report.error} />
      {detail && (
        <>
          <TimeSourceNote name={profile.displayName} detail={detail} />
          {detail.days.length === 0 ? (
            <p>{t('activityView.none')}</p>
          ) : (
            <>
              <ActivityChart name={profile.displayName} days={detail.days} timeZone={detail.timeZone} />
              <ActivityTable name={profile.displayName} detail={detail} />
            </>
          )}
          <p className="hint">{t('activityView.gamesLater')}</p>
          <ImageLogView
            childId={childId}
            name={profile.displayName}
            count={detail.pictures}
            names={names}
            onChanged={report.reload}
          />
          {detail.imageLogOpenedAt.length > 0 && (
            <p>
              {t('activityView.opened', {
                dates: new Intl.ListFormat(i18n.language).format(
                  detail.imageLogOpenedAt.slice(0, 3).map((at) => date.format(at)),
                ),
              })}
            </p>
          )}
          <ActivityHistory child={profile.displayName} history={detail.history} names={names} />
          <DailySummaryToggle childId={childId} name={profile.displayName} />
          <GamesToggle childId={childId} name={profile.displayName} />
        </>
      )}
    </div>
  );
}

/** What each child on this PC did in the last 30 days, per day and per person (F10). */
export function ActivitySection(): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const profiles = useLoad(() => hearth.listProfiles(), []);
  const children = (profiles.value?.profiles ?? []).filter((p) => p.kind === 'child');
  return (
    <section aria-labelledby="activity-title" className="pane-section">
      <h2 id="activity-title">{t('pane.nav.activity')}</h2>
      <p>{t('activityView.lead')}</p>
      <ErrorNote error={profiles.error} />
      {profiles.value && children.length === 0 && <p>{t('pane.activity.noChildren')}</p>}
      {children.map((p) => (
        <ChildActivity key={p.childId} profile={p} />
      ))}
    </section>
  );
}
