import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { ExportCard } from './ExportCard';

const LATER = [{ key: 'reports', icon: '🚩' }] as const;

/**
 * "More": saving a copy of a child's Hearth (issue 15), a place kept for what comes next (reports),
 * and where deleting a child went (the pane's "Family grown-ups", issue 12). Quiet hours have their own section since issue 14.
 */
export function ComingSoonSection({ onOpenFamily }: Readonly<{ onOpenFamily: () => void }>): ReactElement {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="later-title" className="pane-section">
      <h2 id="later-title">{t('pane.nav.later')}</h2>
      <ul className="later-list">
        <li className="card" data-moved="deleteChild">
          <h3>
            <span aria-hidden="true">🗑️ </span>
            {t('pane.later.deleteChild.title')}
          </h3>
          <p>{t('pane.later.deleteChild.text')}</p>
          <Button onClick={onOpenFamily}>{t('pane.later.deleteChild.open')}</Button>
        </li>
        <ExportCard />
        {LATER.map((item) => (
          <li key={item.key} className="card later" data-later={item.key}>
            <h3>
              <span aria-hidden="true">{item.icon} </span>
              {t(`pane.later.${item.key}.title`)}
            </h3>
            <p>{t(`pane.later.${item.key}.text`)}</p>
            <p className="tag">{t('pane.later.soon')}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
