import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildId, Profile } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useLoad } from '../../app/use-load';
import { ErrorNote } from '../../ui/ErrorNote';

function ChildActivity({ profile }: Readonly<{ profile: Profile }>): ReactElement {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  // The pane lists children's profiles only, so this profile's id is a child's.
  const childId = profile.childId as ChildId;
  const report = useLoad(() => hearth.getChildActivity({ childId, days: 7 }), [childId]);
  const day = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', day: 'numeric', month: 'short' });
  return (
    <div className="card">
      <h3>{profile.displayName}</h3>
      <ErrorNote error={report.error} />
      {report.value && report.value.days.length === 0 && <p>{t('pane.activity.none')}</p>}
      {report.value && report.value.days.length > 0 && (
        <table className="activity-table">
          <caption className="sr-only">{t('pane.activity.caption', { name: profile.displayName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pane.activity.day')}</th>
              <th scope="col">{t('pane.activity.minutes')}</th>
              <th scope="col">{t('pane.activity.sent')}</th>
              <th scope="col">{t('pane.activity.received')}</th>
              <th scope="col">{t('pane.activity.calls')}</th>
              <th scope="col">{t('pane.activity.people')}</th>
            </tr>
          </thead>
          <tbody>
            {report.value.days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{day.format(new Date(`${d.day}T12:00:00`))}</th>
                <td>{d.minutesActive}</td>
                <td>{d.counts['message-sent'] ?? 0}</td>
                <td>{d.counts['message-received'] ?? 0}</td>
                <td>{d.counts.call ?? 0}</td>
                <td>{d.contacts.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** What each child on this PC did, per day (F10); the fuller view comes later. */
export function ActivitySection(): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const profiles = useLoad(() => hearth.listProfiles(), []);
  const children = (profiles.value?.profiles ?? []).filter((p) => p.kind === 'child');
  return (
    <section aria-labelledby="activity-title" className="pane-section">
      <h2 id="activity-title">{t('pane.nav.activity')}</h2>
      <p>{t('pane.activity.lead')}</p>
      <ErrorNote error={profiles.error} />
      {profiles.value && children.length === 0 && <p>{t('pane.activity.noChildren')}</p>}
      {children.map((p) => (
        <ChildActivity key={p.childId} profile={p} />
      ))}
    </section>
  );
}
