import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useHearth } from '../../app/hearth-context';
import { useLoad } from '../../app/use-load';
import { ErrorNote } from '../../ui/ErrorNote';
import { ChildQuietCard } from './ChildQuietCard';
import './quiet.css';

/** The pane's "Quiet time": for each of my children, the status, quick actions and the schedule. */
export function QuietSection(): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const children = useLoad(() => hearth.listChildren(), []);
  const friendships = useLoad(() => hearth.listApprovals(), []);
  const all = friendships.value?.friendships ?? [];
  return (
    <section aria-labelledby="quiet-title" className="pane-section quiet-section">
      <h2 id="quiet-title">{t('pane.quiet.title')}</h2>
      <p className="lead">{t('pane.quiet.intro')}</p>
      <ErrorNote error={children.error ?? friendships.error} />
      {(children.value?.children ?? []).map(({ child }) => (
        <ChildQuietCard
          key={child.childId}
          childId={child.childId}
          name={child.displayName}
          contacts={all.filter((f) => f.me.accountId === child.childId && f.status === 'active')}
        />
      ))}
    </section>
  );
}
